/**
 * The measurements of one run: summaries through GraphQL against their own SQL replayed with pg, write
 * throughput against bare pg transactions, returns, and statements per request. Each answers plain numbers;
 * report.ts turns them into RESULTS.md.
 */
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import type { INestApplication } from '@nestjs/common';
import { statementCount } from '../../src/database/query-logger.js';
import { replay, type StatementRecorder } from './capture.js';
import type { Landmarks, Scale } from './dataset.js';
import { GraphQLClient, stats, time, type Stats } from './measure.js';
import {
  ANNUAL_RETURN, AWARDS, FUNDING_TOTALS, IMPACT_SUMMARY, OUTCOMES, PORTFOLIO_RETURN,
} from './queries.js';
import type { WriteJob } from './write-load.js';

export interface BenchContext {
  scale: Scale;
  landmarks: Landmarks & { smallAward: string; periodId?: string };
  app: INestApplication;
  client: GraphQLClient;
  token: string;
  databaseUrl: string;
  /** the benchmark's own pool: SQL replays and bare inserts */
  pool: pg.Pool;
  recorder: StatementRecorder;
  /** seconds per write measurement */
  writeSeconds: number;
  /** iterations of each read measurement: at least min, at most max, within budget seconds */
  iterations: { min: number; max: number; budgetSeconds: number };
  log(m: string): void;
}

export interface Comparison {
  name: string;
  gql: Stats;
  sql: Stats;
  statements: number;
  /** size of the answer (bytes of JSON) */
  bytes: number;
}

/** One GraphQL operation against the very statements it sent, replayed with pg; the two alternate. */
export async function compare(ctx: BenchContext, name: string, query: string, variables: Record<string, unknown>): Promise<Comparison> {
  ctx.log(`  ${name}`);
  const first = await ctx.client.ok(query, variables);
  await ctx.client.ok(query, variables);
  const statements = await ctx.recorder.record(() => ctx.client.ok(query, variables));
  await replay(ctx.pool, statements);
  const g: number[] = [];
  const s: number[] = [];
  const deadline = performance.now() + ctx.iterations.budgetSeconds * 1000;
  for (let i = 0; i < ctx.iterations.max && (i < ctx.iterations.min || performance.now() < deadline); i++) {
    g.push(await time(() => ctx.client.ok(query, variables)));
    s.push(await time(() => replay(ctx.pool, statements)));
  }
  return { name, gql: stats(g), sql: stats(s), statements: statements.length, bytes: JSON.stringify(first).length };
}

export async function summaries(ctx: BenchContext): Promise<Comparison[]> {
  const { landmarks: l } = ctx;
  return [
    await compare(ctx, 'fundingTotals by SECTOR', FUNDING_TOTALS, { groupBy: ['SECTOR'] }),
    await compare(ctx, 'fundingTotals by YEAR', FUNDING_TOTALS, { groupBy: ['YEAR'] }),
    await compare(ctx, `fundingTotals for one funder (awardFunder ${l.funder})`, FUNDING_TOTALS, { filter: { awardFunder: l.funder } }),
    await compare(ctx, `fundingTotals by AWARD for one organisation (${l.midOrganisationName})`, FUNDING_TOTALS, {
      filter: { organisationId: l.midOrganisationId },
      groupBy: ['AWARD'],
    }),
    await compare(ctx, `impactSummary for one organisation (${l.bigOrganisationName})`, IMPACT_SUMMARY, {
      filter: { organisationId: l.bigOrganisationId },
    }),
    await compare(ctx, 'impactSummary of the whole database', IMPACT_SUMMARY, {}),
  ];
}

export interface WriteLevel {
  concurrency: number;
  /** `{ __typename }`: what any request costs the app (HTTP, GraphQL, the token lookup) */
  floor: { ops: number; perSecond: number; latency: Stats; failed: number; firstError?: string };
  gql: { ops: number; perSecond: number; latency: Stats; failed: number; firstError?: string };
  bare: { ops: number; perSecond: number; latency: Stats; failed: number; firstError?: string };
}

function runWorker(job: WriteJob): Promise<WriteLevel['gql']> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./write-load.js', import.meta.url), { workerData: job });
    worker.once('message', (m: { result?: WriteLevel['gql']; error?: string }) => (m.error ? reject(new Error(m.error)) : resolve(m.result!)));
    worker.once('error', reject);
  });
}

/**
 * createEngagementActivity at 1, 8 and 32 clients against the same rows written by bare pg in one transaction
 * each (outcome, detail, attribution, audit event), both driven from a worker thread. Everything written is
 * deleted afterwards.
 */
export async function writes(ctx: BenchContext): Promise<WriteLevel[]> {
  const reference = `BENCH/WRITE/${Date.now()}`;
  await ctx.client.ok('mutation($i: AwardInput!) { createAward(input: $i) { id } }', {
    i: { reference, title: 'Benchmark writes', funder: ctx.landmarks.funder, leadOrganisation: ctx.landmarks.bigOrganisationName },
  });
  const [{ id: awardId }] = (await ctx.pool.query<{ id: string }>('SELECT id FROM award WHERE reference = $1', [reference])).rows;
  const { port } = ctx.app.getHttpServer().address() as { port: number };
  const base = { baseUrl: `http://127.0.0.1:${port}`, token: ctx.token, databaseUrl: ctx.databaseUrl, reference, awardId, warmupMs: 1500 };
  const levels: WriteLevel[] = [];
  let seq = 0;
  try {
    for (const concurrency of [1, 8, 32]) {
      ctx.log(`  writes at ${concurrency} client(s)`);
      const durationMs = ctx.writeSeconds * 1000;
      const bare = await runWorker({ ...base, mode: 'bare', concurrency, durationMs, seq: (seq += 1_000_000) });
      const gql = await runWorker({ ...base, mode: 'graphql', concurrency, durationMs, seq: (seq += 1_000_000) });
      const floor = await runWorker({ ...base, mode: 'floor', concurrency, durationMs: Math.min(durationMs, 5000), seq });
      levels.push({ concurrency, gql, bare, floor });
    }
  } finally {
    const ids = `SELECT outcome_id FROM outcome_award WHERE award_id = $1`;
    await ctx.pool.query(`DELETE FROM audit_event WHERE entity_id IN (${ids})`, [awardId]);
    await ctx.pool.query(`DELETE FROM outcome WHERE id IN (${ids})`, [awardId]);
    await ctx.pool.query(`DELETE FROM audit_event WHERE entity_id = $1`, [awardId]);
    await ctx.pool.query('DELETE FROM award WHERE id = $1', [awardId]);
    await ctx.pool.query('VACUUM (ANALYZE) outcome, outcome_award, engagement_activity_detail, audit_event');
  }
  return levels;
}

export interface ReturnsResult {
  annual: Comparison;
  portfolio: Comparison;
  submitMs: number;
  award500Outcomes: number;
  portfolioAwards: number;
  portfolioOutcomes: number;
}

export async function returns(ctx: BenchContext): Promise<ReturnsResult> {
  const l = ctx.landmarks;
  const now = Date.now();
  const { createReportingPeriod } = await ctx.client.ok('mutation($i: ReportingPeriodInput!) { createReportingPeriod(input: $i) { id } }', {
    i: {
      name: `Benchmark ${new Date(now).toISOString()}`,
      opensAt: new Date(now - 30 * 86_400_000).toISOString(),
      closesAt: new Date(now + 30 * 86_400_000).toISOString(),
      coversFrom: '2012-01-01T00:00:00Z',
      coversTo: '2024-12-31T23:59:59Z',
    },
  });
  l.periodId = createReportingPeriod.id;
  // Last year's return exists for real offices: submit once so the draft compares against a submission.
  const submitMs = await time(() =>
    ctx.client.ok('mutation($r: String!, $p: ID!) { submitAnnualReturn(awardReference: $r, periodId: $p) { version } }', {
      r: l.award500,
      p: l.periodId,
    }),
  );
  const annual = await compare(ctx, `annualReturn (${l.award500})`, ANNUAL_RETURN, { ref: l.award500, period: l.periodId });
  const portfolio = await compare(ctx, `portfolioReturn (${l.bigOrganisationName})`, PORTFOLIO_RETURN, {
    period: l.periodId,
    org: l.bigOrganisationId,
  });
  const q = async (sql: string, params: unknown[]) => (await ctx.pool.query<{ n: number }>(sql, params)).rows[0].n;
  return {
    annual,
    portfolio,
    submitMs,
    award500Outcomes: await q(
      `SELECT count(*)::int AS n FROM outcome_award oa JOIN award a ON a.id = oa.award_id JOIN outcome o ON o.id = oa.outcome_id
       WHERE a.reference = $1 AND o.deleted_at IS NULL`,
      [l.award500],
    ),
    portfolioAwards: await q('SELECT count(*)::int AS n FROM award WHERE lead_organisation_id = $1', [l.bigOrganisationId]),
    portfolioOutcomes: await q(
      `SELECT count(DISTINCT oa.outcome_id)::int AS n FROM outcome_award oa JOIN award a ON a.id = oa.award_id
       JOIN outcome o ON o.id = oa.outcome_id WHERE a.lead_organisation_id = $1 AND o.deleted_at IS NULL`,
      [l.bigOrganisationId],
    ),
  };
}

export interface StatementRow {
  name: string;
  small: { size: string; statements: number };
  large: { size: string; statements: number };
}

/** statementCount() around one request (the least of three, so a once-a-minute token touch does not count). */
async function statementsOf(ctx: BenchContext, query: string, variables: Record<string, unknown>): Promise<{ n: number; data: any }> {
  let best = Infinity;
  let data: any;
  for (let i = 0; i < 3; i++) {
    const before = statementCount();
    data = await ctx.client.ok(query, variables);
    best = Math.min(best, statementCount() - before);
  }
  return { n: best, data };
}

export async function statementCounts(ctx: BenchContext): Promise<StatementRow[]> {
  const l = ctx.landmarks;
  const pair = async (
    name: string,
    query: string,
    small: Record<string, unknown>,
    large: Record<string, unknown>,
    size: (data: any) => string,
  ): Promise<StatementRow> => {
    const a = await statementsOf(ctx, query, small);
    const b = await statementsOf(ctx, query, large);
    return { name, small: { size: size(a.data), statements: a.n }, large: { size: size(b.data), statements: b.n } };
  };
  const org = (id: string) => ({ filter: { organisationId: id } });
  return [
    await pair('outcomes (list, with awards)', OUTCOMES, { ...org(l.bigOrganisationId), take: 10 }, { ...org(l.bigOrganisationId), take: 100 },
      (d) => `${d.outcomes.items.length} items`),
    await pair('awards (list, with organisations)', AWARDS, { take: 10 }, { take: 100 }, (d) => `${d.awards.items.length} items`),
    await pair('fundingTotals by AWARD', FUNDING_TOTALS, { ...org(l.smallOrganisationId), groupBy: ['AWARD'] },
      { ...org(l.bigOrganisationId), groupBy: ['AWARD'] }, (d) => `${d.fundingTotals.groups.length} groups`),
    await pair('impactSummary', IMPACT_SUMMARY, org(l.smallOrganisationId), org(l.bigOrganisationId),
      (d) => `${d.impactSummary.outcomeCounts.reduce((s: number, c: { count: number }) => s + c.count, 0)} outcomes`),
    await pair('annualReturn', ANNUAL_RETURN, { ref: l.smallAward, period: l.periodId }, { ref: l.award500, period: l.periodId },
      (d) => `${d.annualReturn.outcomes.length} outcomes`),
    await pair('portfolioReturn', PORTFOLIO_RETURN, { period: l.periodId, org: l.smallOrganisationId },
      { period: l.periodId, org: l.bigOrganisationId }, (d) => `${d.portfolioReturn.awards.length} awards`),
  ];
}
