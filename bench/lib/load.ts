/**
 * Loads a Dataset with COPY FROM STDIN (pg-copy-streams): secondary indexes are dropped first and built again
 * after the load (far faster than maintaining them row by row), then VACUUM ANALYZE. When the role may set
 * session_replication_role (a superuser, as on the embedded server) foreign-key triggers are skipped and every
 * table streams in one pass; otherwise outcomes go first and the rest in a second pass, with the checks on.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import copyStreams from 'pg-copy-streams';
import { COLUMNS, DETAIL_TABLE, type Dataset, type Row, type Table, type Value } from './dataset.js';

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const escapeText = (s: string): string => (/[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]) : s);
const arrayItem = (v: string | number): string =>
  typeof v === 'number' || /^[A-Za-z0-9_.:/-]+$/.test(v) ? String(v) : `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** One value in COPY's text format. */
export function encode(v: Value): string {
  if (v === null) return '\\N';
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return escapeText(`{${v.map(arrayItem).join(',')}}`);
  return escapeText(v as string);
}

/** A COPY stream into one table with its own buffer, flushed in ~256 kB writes that respect back-pressure. */
class CopyWriter {
  rows = 0;
  private buffer: string[] = [];
  private size = 0;
  private stream: NodeJS.WritableStream & { on: (...args: never[]) => unknown };

  constructor(
    readonly client: pg.Client,
    readonly table: Table,
  ) {
    this.stream = client.query(copyStreams.from(`COPY ${table} (${COLUMNS[table].join(', ')}) FROM STDIN`)) as never;
  }

  push(row: Row): void {
    const line = row.map(encode).join('\t') + '\n';
    this.buffer.push(line);
    this.size += line.length;
    this.rows++;
  }

  get full(): boolean {
    return this.size > 256 * 1024;
  }

  async flush(): Promise<void> {
    if (!this.buffer.length) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream as never, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    this.stream.end();
    await finished(this.stream as never);
  }
}

async function connect(url: string, replica: boolean): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url, application_name: 'bench-loader' });
  await c.connect();
  if (replica) await c.query('SET session_replication_role = replica');
  return c;
}

async function canSkipTriggers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('SET session_replication_role = replica');
    return true;
  } catch {
    return false;
  } finally {
    await c.end();
  }
}

const TABLES: Table[] = Object.keys(COLUMNS) as Table[];

/** Secondary indexes of the loaded tables (not those behind a primary key or unique constraint). */
async function secondaryIndexes(c: pg.Client): Promise<{ name: string; def: string }[]> {
  const { rows } = await c.query<{ name: string; def: string }>(
    `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
     ORDER BY pg_relation_size(t.oid) DESC, ic.relname`,
    [TABLES],
  );
  return rows;
}

export interface LoadReport {
  seconds: number;
  rows: Record<string, number>;
  indexSeconds: number;
  analyzeSeconds: number;
}

export async function loadDataset(url: string, ds: Dataset, log: (m: string) => void): Promise<LoadReport> {
  const started = performance.now();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const indexes = await secondaryIndexes(admin);
  log(`dropping ${indexes.length} secondary indexes for the load`);
  for (const ix of indexes) await admin.query(`DROP INDEX "${ix.name}"`);

  const replica = await canSkipTriggers(url);
  const writers = new Map<Table, CopyWriter>();
  const open = async (tables: Table[]) => {
    for (const t of tables) writers.set(t, new CopyWriter(await connect(url, replica), t));
  };
  const close = async (tables: Table[]) => {
    await Promise.all(tables.map((t) => writers.get(t)!.end()));
    for (const t of tables) await writers.get(t)!.client.end();
  };
  const drain = async () => {
    for (const w of writers.values()) if (w.full) await w.flush();
  };

  await open(['organisation', 'award']);
  for (let i = 0; i < ds.organisationCount; i++) {
    writers.get('organisation')!.push(ds.organisationRow(i));
    if (i % 1000 === 0) await drain();
  }
  await close(['organisation']);
  for (let a = 0; a < ds.scale.awards; a++) {
    writers.get('award')!.push(ds.awardRow(a));
    if (a % 1000 === 0) await drain();
  }
  await close(['award']);
  log(`organisations ${ds.organisationCount}, awards ${ds.scale.awards} loaded`);

  const rest: Table[] = ['outcome_award', ...Object.values(DETAIL_TABLE)];
  // One pass (triggers off: order does not matter) or two (outcomes committed before what references them).
  const passes: Table[][] = replica ? [['outcome', ...rest]] : [['outcome'], rest];
  for (const tables of passes) {
    await open(tables);
    const want = new Set(tables);
    const t0 = performance.now();
    for (let i = 0; i < ds.scale.outcomes; i++) {
      const o = ds.outcome(i);
      if (want.has('outcome')) writers.get('outcome')!.push(o.row);
      if (want.has('outcome_award')) {
        const created = o.row[9];
        for (const a of o.awards) writers.get('outcome_award')!.push([o.row[0], ds.awardIds[a], created]);
      }
      const dt = DETAIL_TABLE[o.type];
      if (want.has(dt)) writers.get(dt)!.push(o.detail);
      if (i % 500 === 0) await drain();
      if (i > 0 && i % 200_000 === 0) log(`  ${i} outcomes (${Math.round(i / ((performance.now() - t0) / 1000))}/s)`);
    }
    await close(tables);
  }
  const rows: Record<string, number> = {};
  for (const [t, w] of writers) rows[t] = w.rows;
  log(`copied ${JSON.stringify(rows)} in ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // Indexes back, two at a time (the machine's cores), the largest first.
  const t1 = performance.now();
  const builders = await Promise.all([0, 1].map(async () => {
    const c = await connect(url, false);
    await c.query("SET maintenance_work_mem = '1GB'");
    return c;
  }));
  const queue = [...indexes];
  await Promise.all(builders.map(async (c) => {
    for (let ix = queue.shift(); ix; ix = queue.shift()) {
      const t = performance.now();
      await c.query(ix.def);
      log(`  index ${ix.name} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
  }));
  await Promise.all(builders.map((c) => c.end()));
  const indexSeconds = (performance.now() - t1) / 1000;

  const t2 = performance.now();
  await admin.query(`VACUUM (ANALYZE) ${TABLES.join(', ')}`);
  const analyzeSeconds = (performance.now() - t2) / 1000;
  await admin.end();
  log(`indexes rebuilt in ${indexSeconds.toFixed(0)} s, VACUUM ANALYZE in ${analyzeSeconds.toFixed(0)} s`);
  return { seconds: (performance.now() - started) / 1000, rows, indexSeconds, analyzeSeconds };
}
