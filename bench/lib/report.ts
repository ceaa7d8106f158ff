/**
 * bench/RESULTS.md is shared: each scale's measurements go between their own markers and are replaced by the
 * next run of that scale; everything outside the markers (other engineers' sections, hand-written findings) is
 * kept. The import comparison belongs to the interchange benchmark: a placeholder stands in until it exists.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import type { LoadReport } from './load.js';
import { ms, ratio, type Stats } from './measure.js';
import type { Comparison, ReturnsResult, StatementRow, WriteLevel } from './scenarios.js';

export interface RunReport {
  scale: string;
  seed: number;
  date: Date;
  command: string;
  server: string;
  postgres: string;
  settings: Record<string, string>;
  load: LoadReport | null;
  tableRows: Record<string, number>;
  summaries?: Comparison[];
  writes?: WriteLevel[];
  returns?: ReturnsResult;
  statements?: StatementRow[];
  notes: string[];
  /** 1-minute load average when each part started: the machine is shared, this says how busy it was */
  load1: Record<string, number>;
}

const SUMMARY_TARGET = 1.2;
const WRITE_TARGET = 0.6;
const P99_TARGET = 50;
const RETURN_TARGET = 1000;

const check = (ok: boolean) => (ok ? 'met' : '**missed**');

export function machine(): string {
  const cpu = cpus();
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}`;
}

function comparisonRow(c: Comparison, target?: string): string {
  return `| ${c.name} | ${c.statements} | ${ms(c.gql.p50)} | ${ms(c.gql.p95)} | ${ms(c.sql.p50)} | ${ms(c.sql.p95)} | ${ratio(c.gql.p50, c.sql.p50)} | ${ratio(c.gql.p95, c.sql.p95)} | ${c.gql.n} | ${target ?? ''} |`;
}

const latency = (s: Stats) => `${ms(s.p50)} / ${ms(s.p99)}`;

export function renderSection(r: RunReport): string {
  const out: string[] = [];
  out.push(`## Funder-scale benchmarks: scale \`${r.scale}\``, '');
  out.push(`- Run ${r.date.toISOString().replace('T', ' ').slice(0, 16)} UTC with \`${r.command}\` (seed ${r.seed}).`);
  out.push(`- Machine: ${machine()}; Node ${process.version}; PostgreSQL ${r.postgres} (${r.server}).`);
  out.push(`- Server settings: ${Object.entries(r.settings).map(([k, v]) => `${k}=${v}`).join(', ')}; the rest PostgreSQL's defaults.`);
  out.push('- App: built `dist/`, NODE_ENV=production, LOG_LEVEL=warn, DATABASE_POOL_SIZE=40, in the bench process over HTTP on 127.0.0.1.');
  out.push('- Times in ms; pN = Nth percentile (nearest rank); ratio = GraphQL ÷ SQL at the same percentile.');
  out.push(`- Machine load (1-min load average, ${cpus().length} cores) as each part started: ${Object.entries(r.load1).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}; other work shared the machine during the run.`);
  for (const n of r.notes) out.push(`- ${n}`);
  out.push('', '### Dataset', '');
  out.push('| table | rows |', '|---|---:|');
  for (const [t, n] of Object.entries(r.tableRows)) out.push(`| ${t} | ${n.toLocaleString('en-GB')} |`);
  if (r.load) {
    out.push('', `Generated and loaded with COPY in ${r.load.seconds.toFixed(0)} s (secondary indexes rebuilt in ${r.load.indexSeconds.toFixed(0)} s, VACUUM ANALYZE ${r.load.analyzeSeconds.toFixed(0)} s).`);
  } else {
    out.push('', 'Dataset reused from an earlier load of the same scale and seed (`--data-dir`).');
  }
  if (r.summaries) {
    out.push('', `### Summaries: GraphQL over HTTP vs the same SQL sent with pg (target: ratio ≤ ${SUMMARY_TARGET} at large scale)`, '');
    out.push('The SQL side replays, in order, exactly the statements (text and parameters) the service sent for the request, the token lookup included, recorded through the TypeORM logger hook.', '');
    out.push('| query | statements | GraphQL p50 | GraphQL p95 | SQL p50 | SQL p95 | ratio p50 | ratio p95 | runs | target |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    // the ratio target is for funder scale: on a small dataset the fixed cost of a request dominates
    const judged = r.scale === 'large';
    for (const c of r.summaries) out.push(comparisonRow(c, judged ? check(c.gql.p50 / c.sql.p50 <= SUMMARY_TARGET) : 'n/a below large scale'));
  }
  if (r.writes) {
    out.push('', `### createEngagementActivity vs bare pg inserts (target: ≥ ${WRITE_TARGET} of the bare rate; p99 < ${P99_TARGET} ms at 32 clients)`, '');
    out.push('Bare pg: BEGIN; INSERT outcome; INSERT engagement_activity_detail; INSERT outcome_award; INSERT audit_event; COMMIT — the same rows, with an ADMIN token for GraphQL.', '');
    out.push('The last column is the app\'s floor on the same machine: `{ __typename }` (HTTP, GraphQL and the token lookup, nothing else).', '');
    out.push('| clients | GraphQL ops/s | GraphQL p50 / p99 | bare ops/s | bare p50 / p99 | rate ratio | target | floor req/s |', '|---:|---:|---:|---:|---:|---:|---|---:|');
    for (const w of r.writes) {
      const ok = w.gql.perSecond / w.bare.perSecond >= WRITE_TARGET && (w.concurrency !== 32 || w.gql.latency.p99 < P99_TARGET);
      const failed = w.gql.failed || w.bare.failed ? ` (failed: ${w.gql.failed} GraphQL, ${w.bare.failed} bare: ${w.gql.firstError ?? w.bare.firstError})` : '';
      out.push(`| ${w.concurrency} | ${w.gql.perSecond.toFixed(0)} | ${latency(w.gql.latency)} | ${w.bare.perSecond.toFixed(0)} | ${latency(w.bare.latency)} | ${ratio(w.gql.perSecond, w.bare.perSecond)} | ${check(ok)}${failed} | ${w.floor.perSecond.toFixed(0)} |`);
    }
  }
  if (r.returns) {
    const x = r.returns;
    out.push('', `### Returns (target < ${RETURN_TARGET} ms)`, '');
    out.push('| query | size | statements | GraphQL p50 | GraphQL p95 | SQL p50 | ratio p50 | runs | target |', '|---|---|---:|---:|---:|---:|---:|---:|---|');
    const row = (c: Comparison, size: string) =>
      `| ${c.name} | ${size} | ${c.statements} | ${ms(c.gql.p50)} | ${ms(c.gql.p95)} | ${ms(c.sql.p50)} | ${ratio(c.gql.p50, c.sql.p50)} | ${c.gql.n} | ${check(c.gql.p95 < RETURN_TARGET)} |`;
    out.push(row(x.annual, `${x.award500Outcomes} outcomes, ${(x.annual.bytes / 1024).toFixed(0)} kB`));
    out.push(row(x.portfolio, `${x.portfolioAwards} awards, ${x.portfolioOutcomes.toLocaleString('en-GB')} outcomes, ${(x.portfolio.bytes / 1024).toFixed(0)} kB`));
    out.push('', `submitAnnualReturn of the 500-outcome award (once, before the draft is measured): ${ms(x.submitMs)} ms.`);
  }
  if (r.statements) {
    out.push('', '### SQL statements per request (statementCount(), in-process; the token lookup included)', '');
    out.push('| query | small result | statements | large result | statements | constant |', '|---|---|---:|---|---:|---|');
    for (const s of r.statements) {
      out.push(`| ${s.name} | ${s.small.size} | ${s.small.statements} | ${s.large.size} | ${s.large.statements} | ${s.small.statements === s.large.statements ? 'yes' : '**no**'} |`);
    }
  }
  return out.join('\n');
}

const HEADER = '# Benchmark results\n\nWritten by `npm run bench` (bench/run.ts) and the interchange benchmarks; sections between markers are replaced by the next run of the same scale.\n';
const IMPORT_PLACEHOLDER = [
  '<!-- import-placeholder:begin -->',
  '## Import rows/s vs COPY',
  '',
  '(placeholder: the interchange benchmark (bench/import*) records import rows/s against COPY here.)',
  '<!-- import-placeholder:end -->',
].join('\n');

export async function writeResults(path: string, r: RunReport): Promise<void> {
  let doc = existsSync(path) ? await readFile(path, 'utf8') : HEADER;
  const begin = `<!-- bench:${r.scale}:begin -->`;
  const end = `<!-- bench:${r.scale}:end -->`;
  const block = `${begin}\n${renderSection(r)}\n${end}`;
  const at = doc.indexOf(begin);
  const stop = doc.indexOf(end);
  if (at >= 0 && stop > at) doc = doc.slice(0, at) + block + doc.slice(stop + end.length);
  else doc = `${doc.trimEnd()}\n\n${block}\n`;
  // The placeholder goes once another section of the file is about imports.
  const withoutPlaceholder = doc.replace(/<!-- import-placeholder:begin -->[\s\S]*?<!-- import-placeholder:end -->\n?/, '');
  const importSection = /^#{1,3} .*import/im.test(withoutPlaceholder);
  if (importSection) doc = withoutPlaceholder;
  else if (!doc.includes('<!-- import-placeholder:begin -->')) doc = `${doc.trimEnd()}\n\n${IMPORT_PLACEHOLDER}\n`;
  await writeFile(path, doc.replace(/\n{3,}/g, '\n\n'));
}
