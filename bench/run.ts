/**
 * `npm run bench -- --scale small|medium|large [--seed N] [--data-dir DIR] [--fresh] [--only a,b] [--no-results]`
 *
 * Generates the deterministic dataset, loads it with COPY into a fresh database (the app's migrations applied by
 * booting the app once), then measures summaries, writes, returns and statement counts in one run and writes
 * bench/RESULTS.md. --data-dir keeps the embedded cluster so a later run of the same scale and seed reuses the
 * loaded data; BENCH_DATABASE_URL uses another PostgreSQL server instead of the embedded one.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap.js';
import { validateConfig } from '../src/config/config.schema.js';
import { StatementRecorder } from './lib/capture.js';
import { Dataset, SCALES, type Landmarks } from './lib/dataset.js';
import { openBenchDatabase, SERVER_SETTINGS } from './lib/database.js';
import { loadDataset, type LoadReport } from './lib/load.js';
import { GraphQLClient } from './lib/measure.js';
import { writeResults, type RunReport } from './lib/report.js';
import { returns, statementCounts, summaries, writes, type BenchContext } from './lib/scenarios.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '20260101' },
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean', default: false },
    only: { type: 'string', default: 'summaries,writes,returns,statements' },
    'no-results': { type: 'boolean', default: false },
  },
});

const scale = SCALES[args.scale!];
if (!scale) {
  console.error(`unknown --scale ${args.scale}: one of ${Object.keys(SCALES).join(', ')}`);
  process.exit(2);
}
const seed = Number(args.seed);
const only = new Set(args.only!.split(',').map((s) => s.trim()));
const started = Date.now();
const log = (m: string) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(5)} s] ${m}`);

async function bootApp(url: string, token: string): Promise<NestExpressApplication> {
  const config = validateConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: '40',
    BOOTSTRAP_ADMIN_TOKEN: token,
    RATE_LIMIT_PER_MINUTE: '1000000000',
    GRAPHQL_BODY_LIMIT: '10mb',
  });
  const app = await createApp({ config, databaseUrl: url });
  await app.listen(0, '127.0.0.1');
  return app;
}

/** Landmarks that need the loaded data: an award with a handful of outcomes. */
async function completeLandmarks(pool: pg.Pool, l: Landmarks): Promise<Landmarks> {
  if (l.smallAward) return l;
  const { rows } = await pool.query<{ reference: string }>(
    `SELECT a.reference FROM award a JOIN outcome_award oa ON oa.award_id = a.id
     GROUP BY a.reference HAVING count(*) BETWEEN 3 AND 6 ORDER BY a.reference LIMIT 1`,
  );
  return { ...l, smallAward: rows[0].reference };
}

async function tableRows(pool: pg.Pool): Promise<Record<string, number>> {
  const tables = ['organisation', 'award', 'outcome', 'outcome_award', 'engagement_activity_detail', 'further_funding_detail',
    'policy_influence_detail', 'partnership_detail', 'research_material_detail', 'impact_narrative_detail'];
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n;
  const { rows } = await pool.query<{ c: string; n: number }>('SELECT currency AS c, count(*)::int AS n FROM further_funding_detail GROUP BY 1 ORDER BY 2 DESC');
  out[`further funding by currency: ${rows.map((r) => `${r.c} ${r.n}`).join(', ')}`] = rows.reduce((s, r) => s + r.n, 0);
  return out;
}

async function main(): Promise<void> {
  log(`scale ${scale.name}: ${scale.awards} awards, ${scale.outcomes} outcomes (${scale.funding} further funding), seed ${seed}`);
  const db = await openBenchDatabase({ scale: scale.name, seed, dataDir: args['data-dir'] && resolve(args['data-dir']), fresh: args.fresh!, log });
  log(`database: ${db.server}, PostgreSQL ${db.version}${db.empty ? '' : ' (dataset reused)'}`);
  const token = `bench-admin-${randomBytes(16).toString('hex')}`;
  let app: NestExpressApplication | null = null;
  const pool = new pg.Pool({ connectionString: db.url, max: 40, application_name: 'bench' });
  try {
    // Booting the app applies the migrations (and any added since the data was loaded).
    app = await bootApp(db.url, token);
    let load: LoadReport | null = null;
    let landmarks: Landmarks;
    if (db.empty) {
      const ds = new Dataset(scale, seed);
      log(`loading: ${ds.organisationCount} organisations (${ds.universities} universities, ${ds.partners} other), ${scale.awards} awards, ${scale.outcomes} outcomes`);
      load = await loadDataset(db.url, ds, log);
      landmarks = await completeLandmarks(pool, ds.landmarks);
      await db.recordDataset(landmarks);
    } else {
      landmarks = await completeLandmarks(pool, db.stored!);
    }
    const { port } = app.getHttpServer().address() as { port: number };
    const client = new GraphQLClient(`http://127.0.0.1:${port}`, token);
    const large = scale.name !== 'small';
    const ctx: BenchContext = {
      scale,
      landmarks: { ...landmarks },
      app,
      client,
      token,
      databaseUrl: db.url,
      pool,
      recorder: new StatementRecorder(app.get(DataSource)),
      writeSeconds: large ? 15 : 5,
      iterations: large ? { min: 5, max: 30, budgetSeconds: 40 } : { min: 10, max: 30, budgetSeconds: 10 },
      log,
    };
    const report: RunReport = {
      scale: scale.name,
      seed,
      date: new Date(),
      command: `npm run bench -- --scale ${scale.name}`,
      server: db.server,
      postgres: db.version,
      settings: process.env.BENCH_DATABASE_URL ? {} : SERVER_SETTINGS,
      load,
      tableRows: await tableRows(pool),
      notes: [],
      load1: {},
    };
    const mark = (part: string) => (report.load1[part] = loadavg()[0]);
    if (only.has('summaries')) {
      log('summaries: GraphQL vs SQL');
      mark('summaries');
      report.summaries = await summaries(ctx);
    }
    if (only.has('writes')) {
      log('writes: createEngagementActivity vs bare pg');
      mark('writes');
      report.writes = await writes(ctx);
    }
    if (only.has('returns') || only.has('statements')) {
      log('returns');
      mark('returns');
      report.returns = await returns(ctx);
    }
    if (only.has('statements')) {
      log('statements per request');
      mark('statements');
      report.statements = await statementCounts(ctx);
    }
    mark('end');
    client.close();
    await mkdir(resolve('bench/out'), { recursive: true });
    const raw = resolve(`bench/out/${scale.name}-${report.date.toISOString().replace(/[:.]/g, '-')}.json`);
    await writeFile(raw, JSON.stringify({ ...report, landmarks: ctx.landmarks }, null, 2));
    log(`raw results: ${raw}`);
    if (!args['no-results']) {
      await writeResults(resolve('bench/RESULTS.md'), report);
      log('bench/RESULTS.md updated');
    }
  } finally {
    await pool.end();
    await app?.close();
    await db.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
