// Process-level test helpers: spawn the built server (`node dist/src/main.js`) the way `npm start` runs it, on a
// temporary DATA_DIR and a free port, and clean up whatever a test leaves (servers, postmasters, directories) even
// when it fails. Never the user's .data/ nor port 5432.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, readEmbeddedState, type EmbeddedState } from '../../src/database/embedded-postgres.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MAIN = join(ROOT, 'dist/src/main.js');

export { freePort, readEmbeddedState, type EmbeddedState };

export function requireBuild(): void {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first (\`npm test\` does it)`);
}

const children = new Set<ChildProcess>();
const dirs = new Set<string>();

/** A temporary directory, removed by cleanup(); mode 755 so the postgres user can reach a cluster in it. */
export async function tempDir(label = 'ops'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `impact-${label}-`));
  await chmod(dir, 0o755);
  dirs.add(dir);
  return dir;
}

/** The pid in DATA_DIR/pg/postmaster.pid when that process is alive, else null. */
export function postmasterPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Whether a process runs; a zombie (exited, not yet reaped) does not count. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return !existsSync('/proc/self'); // gone between the two checks; or no /proc at all
  }
}

export async function waitFor<T>(what: string, fn: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Server {
  proc: ChildProcess;
  pid: number;
  port: number;
  baseUrl: string;
  dataDir: string;
  token: string;
  /** stdout and stderr so far (for assertions and for failure messages) */
  output(): string;
  stderr(): string;
  exited: Promise<Exit>;
  /** GET /health; status 0 when the server does not answer */
  health(): Promise<{ status: number; body: any }>;
  /** resolves once /health answers 200; fails early with the output if the process exits */
  waitHealthy(ms?: number): Promise<void>;
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<{ status: number; data?: T; errors?: any[] }>;
}

export interface SpawnOptions {
  dataDir: string;
  port?: number;
  token?: string;
  env?: Record<string, string | undefined>;
  /** own process group, so a test can signal the group like a terminal's Ctrl-C does */
  detached?: boolean;
}

/** The environment of a spawned server: nothing of the developer's own configuration leaks in. */
function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const own = /^(PORT|HOST|DATA_DIR|DATABASE_|LOG_LEVEL|NODE_ENV|BOOTSTRAP_ADMIN_TOKEN|GRAPHQL_BODY_LIMIT|IMPORT_BODY_LIMIT|CORS_ORIGINS|RATE_LIMIT_PER_MINUTE|SHUTDOWN_TIMEOUT_MS|PG|TEST_|JEST_|NODE_OPTIONS)/;
  for (const [k, v] of Object.entries(process.env)) if (!own.test(k)) env[k] = v;
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/** Runs the built main with an environment and waits for it to exit (for start-up failures). */
export async function runMain(env: Record<string, string | undefined>, ms = 30_000): Promise<Exit & { stdout: string; stderr: string }> {
  requireBuild();
  const proc = spawn(process.execPath, [MAIN], { cwd: ROOT, env: cleanEnv({ NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(proc);
  let stdout = '';
  let stderr = '';
  proc.stdout!.on('data', (d) => (stdout += d));
  proc.stderr!.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => proc.kill('SIGKILL'), ms);
  const exit = await new Promise<Exit>((ok) => proc.on('exit', (code, signal) => ok({ code, signal })));
  clearTimeout(timer);
  children.delete(proc);
  return { ...exit, stdout, stderr };
}

export async function spawnServer(opts: SpawnOptions): Promise<Server> {
  requireBuild();
  const dataDir = resolve(opts.dataDir);
  if (!dataDir.startsWith(resolve(tmpdir()))) throw new Error(`refusing DATA_DIR ${dataDir} outside ${tmpdir()}`);
  const port = opts.port ?? (await freePort());
  if (port === 5432) throw new Error('refusing port 5432');
  const token = opts.token ?? `ops-test-${randomBytes(16).toString('hex')}`;
  const proc = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: cleanEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      BOOTSTRAP_ADMIN_TOKEN: token,
      ...opts.env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: opts.detached ?? false,
  });
  children.add(proc);
  let out = '';
  let err = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => {
    out += d;
    err += d;
  });
  const exited = new Promise<Exit>((ok) =>
    proc.on('exit', (code, signal) => {
      children.delete(proc);
      ok({ code, signal });
    }),
  );
  let exit: Exit | undefined;
  void exited.then((e) => (exit = e));
  const baseUrl = `http://127.0.0.1:${port}`;

  const health = async () => {
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(5000) });
      return { status: res.status, body: await res.json().catch(() => null) };
    } catch {
      return { status: 0, body: null };
    }
  };
  return {
    proc,
    pid: proc.pid!,
    port,
    baseUrl,
    dataDir,
    token,
    output: () => out,
    stderr: () => err,
    exited,
    health,
    waitHealthy: async (ms = 45_000) => {
      await waitFor(`${baseUrl}/health`, async () => {
        if (exit) throw new Error(`server exited (${JSON.stringify(exit)}) before it was healthy:\n${out}`);
        return (await health()).status === 200;
      }, ms).catch((e: Error) => {
        throw new Error(`${e.message}\n--- server output ---\n${out}`);
      });
    },
    gql: async (query, variables) => {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(15_000),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
  };
}

/**
 * Starts a GraphQL request whose body arrives in two parts: the request is in flight (the server has it) until
 * finish() sends the rest. Resolves the response's status line and body.
 */
export async function slowRequest(server: Server, query: string): Promise<{ finish(): Promise<{ statusLine: string; body: string }> }> {
  const body = JSON.stringify({ query });
  const sock = connect(server.port, '127.0.0.1');
  await new Promise<void>((ok, fail) => sock.once('connect', ok).once('error', fail));
  let received = '';
  sock.on('data', (d) => (received += d));
  const closed = new Promise<void>((ok) => sock.once('close', () => ok()));
  sock.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
      `Authorization: Bearer ${server.token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 5)}`,
  );
  return {
    finish: async () => {
      sock.write(body.slice(5));
      // The server closes the connection once it has answered (it is shutting down); a timeout guards the test.
      await Promise.race([closed, new Promise((r) => setTimeout(r, 15_000))]);
      sock.destroy();
      const [head, ...rest] = received.split('\r\n\r\n');
      return { statusLine: head.split('\r\n')[0], body: rest.join('\r\n\r\n') };
    },
  };
}

/** Stops a postmaster the tests left (immediate shutdown, then SIGKILL). */
async function stopPostmaster(dataDir: string): Promise<void> {
  const pid = postmasterPid(dataDir);
  if (!pid) return;
  try {
    process.kill(pid, 'SIGQUIT');
    await waitFor('postmaster exit', () => !isAlive(pid), 5000);
  } catch {
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    await waitFor('postmaster exit', () => !isAlive(pid), 5000).catch(() => undefined);
  }
}

/** Kills every server still running, stops their postmasters, removes the temporary directories. */
export async function cleanup(): Promise<void> {
  for (const proc of [...children]) {
    const gone = new Promise((r) => proc.once('exit', r));
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
    }
    children.delete(proc);
  }
  for (const dir of [...dirs]) {
    await stopPostmaster(dir);
    await rm(dir, { recursive: true, force: true });
    dirs.delete(dir);
  }
}

// If the worker dies without afterAll (a crash, a timeout), at least no server outlives it.
process.on('exit', () => {
  for (const proc of children) proc.kill('SIGKILL');
  for (const dir of dirs) {
    const pid = postmasterPid(dir);
    if (pid) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
