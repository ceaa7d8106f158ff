// GET /health as a process sees it: 200 while the database answers, 503 with the reason while it does not, and
// 200 again once it is back, without restarting the app. Also: with DATABASE_URL the app starts no PostgreSQL.
import { readdirSync } from 'node:fs';
import { startEmbeddedPostgres, type EmbeddedHandle } from '../../src/database/embedded-postgres.js';
import { createTestDatabase } from '../support/app.js';
import { cleanup, requireBuild, spawnServer, tempDir, waitFor } from './support.js';

beforeAll(() => requireBuild());

let pgHandle: EmbeddedHandle | undefined;
afterAll(async () => {
  await cleanup(); // the app first: it holds connections
  await pgHandle?.stop();
});

describe('GET /health', () => {
  it('answers 503 with the reason while PostgreSQL is down and 200 again once it is back, in the same process', async () => {
    const pgDir = await tempDir('health-pg');
    pgHandle = await startEmbeddedPostgres({ dataDir: pgDir });
    const port = pgHandle.port;

    const server = await spawnServer({ dataDir: await tempDir('health-app'), env: { DATABASE_URL: pgHandle.url } });
    await server.waitHealthy();
    expect(await server.health()).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ok', info: { database: expect.objectContaining({ status: 'up' }) } }),
    });

    await pgHandle.stop();
    const down = await server.health();
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    expect(typeof down.body.error.database.message).toBe('string'); // the reason, e.g. connection refused
    expect(down.body.error.database.message.length).toBeGreaterThan(0);
    // GraphQL fails fast with an error instead of hanging while the database is away.
    const t0 = Date.now();
    const res = await server.gql('{ me { email } }');
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(10_000);

    pgHandle = await startEmbeddedPostgres({ dataDir: pgDir });
    expect(pgHandle.port).toBe(port); // the recorded port, so the app's DATABASE_URL still points at it
    await waitFor('/health to answer 200 again', async () => (await server.health()).status === 200, 20_000);
    expect(await server.gql('{ me { email } }')).toMatchObject({ data: { me: { email: 'bootstrap-admin@localhost' } } });
    expect(server.proc.exitCode).toBeNull(); // the same process all along

    server.proc.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }, 120_000);
});

describe('DATABASE_URL', () => {
  it('is used instead of embedded PostgreSQL: nothing is started or written under DATA_DIR', async () => {
    const db = await createTestDatabase(); // on the test server: embedded, or TEST_DATABASE_URL's
    try {
      const dataDir = await tempDir('external');
      const server = await spawnServer({ dataDir, env: { DATABASE_URL: db.url } });
      await server.waitHealthy();
      expect(await server.gql('{ me { role } }')).toMatchObject({ data: { me: { role: 'ADMIN' } } });
      expect(readdirSync(dataDir)).toEqual([]);
      server.proc.kill('SIGTERM');
      expect(await server.exited).toEqual({ code: 0, signal: null });
    } finally {
      await db.drop();
    }
  }, 120_000);
});
