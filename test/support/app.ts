import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../../src/bootstrap.js';
import { validateConfig, type AppConfig } from '../../src/config/config.schema.js';

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; fields?: { path: string; message: string }[]; [k: string]: unknown } }[];
}

export interface TestApp {
  app: INestApplication;
  baseUrl: string;
  databaseUrl: string;
  adminToken: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GqlResponse<T>>;
  /** a query that must succeed: returns data, throws with the errors otherwise */
  ok<T = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T>;
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A database of its own on the test server: test files never share data, so they run in any order. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.TEST_SERVER_URL;
  if (!server) throw new Error('TEST_SERVER_URL is not set: run the tests through `npm test`');
  const name = `impact_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const adminToken = `test-admin-${randomBytes(16).toString('hex')}`;
  const config: AppConfig = validateConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    BOOTSTRAP_ADMIN_TOKEN: adminToken,
    DATABASE_POOL_SIZE: '10',
    // Tests send bursts far above a person's rate; the limit itself is tested with its own low value.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
    DATABASE_URL: db.url,
  });
  const app = await createApp({ config, databaseUrl: db.url });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });

  const gql = async <T>(query: string, variables?: Record<string, unknown>, token: string | null = adminToken) => {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as GqlResponse<T>;
    return { ...body, status: res.status };
  };
  return {
    app,
    baseUrl,
    databaseUrl: db.url,
    adminToken,
    gql,
    ok: async <T>(query: string, variables?: Record<string, unknown>, token?: string | null) => {
      const res = await gql<T>(query, variables, token);
      if (res.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors, null, 1)}`);
      return res.data as T;
    },
    sql: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    close: async () => {
      await pool.end();
      await app.close();
      await db.drop();
    },
  };
}
