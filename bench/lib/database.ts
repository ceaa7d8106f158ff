/**
 * The benchmark's PostgreSQL: BENCH_DATABASE_URL (a server the bench may create a database on), or the app's own
 * embedded PostgreSQL started in a DATA_DIR (a temporary one unless --data-dir keeps it for later runs).
 * The database `impact_bench_<scale>` is created fresh unless it already holds the same dataset (scale, seed,
 * generator version) and --fresh was not given, so a large dataset is loaded once and measured many times.
 */
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedHandle } from '../../src/database/embedded-postgres.js';
import type { Landmarks } from './dataset.js';

/** Bumped whenever the generator's output changes: a stored dataset of another version is reloaded. */
export const GENERATOR_VERSION = 3;

/**
 * Server settings of the run (recorded in RESULTS.md). Memory for a 24 GiB machine that also runs the app;
 * WAL large enough that the load does not checkpoint constantly. Everything else is PostgreSQL's default.
 */
export const SERVER_SETTINGS: Record<string, string> = {
  shared_buffers: '2GB',
  effective_cache_size: '12GB',
  work_mem: '32MB',
  maintenance_work_mem: '1GB',
  max_wal_size: '8GB',
  checkpoint_timeout: '15min',
  max_connections: '200',
};

export interface BenchDatabase {
  /** URL of the benchmark database */
  url: string;
  /** where the server runs, for the report */
  server: string;
  version: string;
  /** true when the dataset must be (re)loaded */
  empty: boolean;
  stored: Landmarks | null;
  recordDataset(landmarks: Landmarks): Promise<void>;
  close(): Promise<void>;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function tune(url: string): Promise<boolean> {
  return withClient(url, async (c) => {
    let restart = false;
    for (const [name, value] of Object.entries(SERVER_SETTINGS)) {
      const { rows } = await c.query<{ setting: string; context: string }>(
        `SELECT current_setting($1) AS setting, context FROM pg_settings WHERE name = $1`,
        [name],
      );
      const cur = rows[0];
      const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '');
      if (cur && norm(cur.setting) === norm(value)) continue;
      await c.query(`ALTER SYSTEM SET ${name} = '${value}'`);
      if (cur?.context === 'postmaster') restart = true;
    }
    await c.query('SELECT pg_reload_conf()');
    return restart;
  });
}

export async function openBenchDatabase(opts: {
  scale: string;
  seed: number;
  dataDir?: string;
  fresh: boolean;
  log: (m: string) => void;
}): Promise<BenchDatabase> {
  let serverUrl = process.env.BENCH_DATABASE_URL;
  let embedded: EmbeddedHandle | null = null;
  let tempDir: string | null = null;
  let server = serverUrl ? `BENCH_DATABASE_URL (${new URL(serverUrl).host})` : '';
  if (!serverUrl) {
    const dir = opts.dataDir ?? (tempDir = await mkdtemp(join(tmpdir(), 'impact-bench-')));
    await chmod(dir, 0o755).catch(() => undefined);
    embedded = await startEmbeddedPostgres({ dataDir: dir, persistent: true, log: () => undefined });
    if (await tune(embedded.url)) {
      opts.log('restarting the embedded PostgreSQL for the memory settings');
      await embedded.stop();
      embedded = await startEmbeddedPostgres({ dataDir: dir, persistent: true, log: () => undefined });
    }
    serverUrl = embedded.url;
    server = `embedded PostgreSQL in ${dir}${tempDir ? ' (temporary)' : ''}`;
  }
  const name = `impact_bench_${opts.scale}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';

  const stored = await withClient(adminUrl.toString(), async (c) => {
    const exists = (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount;
    if (!exists) return null;
    return withClient(url.toString(), async (d) => {
      const found = await d.query<{ landmarks: Landmarks; version: number }>(
        `SELECT landmarks, version FROM bench_dataset WHERE complete`,
      ).catch(() => ({ rows: [] as { landmarks: Landmarks; version: number }[] }));
      const row = found.rows[0];
      return row && row.version === GENERATOR_VERSION && row.landmarks.seed === opts.seed ? row.landmarks : null;
    });
  });
  const reuse = !!stored && !opts.fresh;
  if (!reuse) {
    await withClient(adminUrl.toString(), async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${name}`);
    });
  }
  const version = await withClient(url.toString(), async (c) => (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v);
  return {
    url: url.toString(),
    server,
    version,
    empty: !reuse,
    stored: reuse ? stored : null,
    recordDataset: (landmarks) =>
      withClient(url.toString(), async (c) => {
        await c.query('CREATE TABLE IF NOT EXISTS bench_dataset (landmarks jsonb NOT NULL, version int NOT NULL, complete boolean NOT NULL)');
        await c.query('DELETE FROM bench_dataset');
        await c.query('INSERT INTO bench_dataset VALUES ($1, $2, true)', [JSON.stringify(landmarks), GENERATOR_VERSION]);
      }),
    close: async () => {
      await embedded?.stop();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}
