/**
 * Import benchmark (not part of npm test): generates a 100,000-row CSV of engagement activities and imports it
 * through the CLI, as a research office would, measuring wall time, rows/s and the CLI's peak RSS (VmHWM).
 *
 *   npm run build && node dist/bench/import-memory.js [rows]
 *
 * Uses DATABASE_URL when set (an empty database), else a throwaway embedded PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';

const ROWS = Number(process.argv[2] ?? 100_000);
const AWARD = 'ES/J008435/1';
const HEAP_CAP_MB = 96;
const FORMS = ['A talk or presentation', 'Participation in an activity, workshop or similar', 'A formal working group, expert panel or dialogue'];
const AUDIENCES = ['Schools', 'Policymakers/politicians', 'Professional Practitioners', 'Public/other audiences'];

async function writeCsv(file: string, prefix = 'Activity'): Promise<void> {
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('description,form,primaryAudience,otherAudiences,geographicReach,partOfOfficialScheme,years,audienceSize,url,awardReferences\n');
  for (let i = 0; i < ROWS; i++) {
    const years = `${2010 + (i % 10)};${2011 + (i % 10)}`;
    await write(`"${prefix} ${i}: a session on mutuals, with notes","${FORMS[i % 3]}","${AUDIENCES[i % 4]}",Schools; Media (as a channel to the public),National,${i % 2 ? 'yes' : 'no'},${years},${i % 700},https://example.org/a/${i},${AWARD}\n`);
  }
  await new Promise<void>((r) => out.end(() => r()));
}

interface Measured {
  seconds: number;
  peakRssMb: number;
  report: { created: number; unchanged: number; problems: unknown[] };
}

/** Runs the CLI and samples its peak resident set (VmHWM) from /proc while it runs. */
function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn('node', ['dist/src/cli.js', ...args, '--json'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    let peak = 0;
    const sample = () => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]));
      } catch {
        // exited between samples
      }
    };
    const timer = setInterval(sample, 20);
    child.stdout.on('data', (d) => (stdout += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) return reject(new Error(`cli exited ${code}: ${stdout.slice(0, 2000)}`));
      resolve({ seconds, peakRssMb: Math.round(peak / 1024), report: JSON.parse(stdout) });
    });
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'impact-bench-'));
  chmodSync(dir, 0o755); // the embedded server runs as user postgres when we are root
  const csv = join(dir, 'engagement.csv');
  await writeCsv(csv);
  const server = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: join(dir, 'data'), persistent: false });
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? server!.url, LOG_LEVEL: 'silent' };
  try {
    // The award first, from the GtR page fixture (CSV rows name awards; they do not describe them).
    const page = join(dir, 'page.txt');
    writeFileSync(page, readFileSync('test/fixtures/gtr/ES-J008435-1.txt'));
    await runCli(['import', page, '--award', AWARD], env);
    const first = await runCli(['import', csv, '--type', 'engagement_activity'], env);
    const again = await runCli(['import', csv, '--type', 'engagement_activity'], env);
    // Live memory is bounded, whatever V8 keeps for itself: another file of the same size (a dry run writes it
    // all, then rolls back) still goes through with the old-generation heap capped at a fraction of it.
    const other = join(dir, 'other.csv');
    await writeCsv(other, 'Other activity');
    const capped = await runCli(['import', other, '--type', 'engagement_activity', '--dry-run'], {
      ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --max-old-space-size=${HEAP_CAP_MB}`,
    });
    const mb = (statSync(csv).size / 1024 / 1024).toFixed(1);
    const line = (name: string, m: Measured, counted: number) =>
      `| ${name} | ${counted} | ${m.seconds.toFixed(1)} s | ${Math.round(ROWS / m.seconds)} | ${m.peakRssMb} MB |`;
    console.log([
      `Machine: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}; ` +
        `${server ? 'embedded PostgreSQL' : 'DATABASE_URL'}; ${new Date().toISOString().slice(0, 10)}`,
      `File: ${ROWS} rows, ${mb} MB (engagement activities)`,
      '',
      '| run | outcomes | wall time (CLI start to exit) | rows/s | peak RSS of the CLI |',
      '| --- | --- | --- | --- | --- |',
      line('first import (all created)', first, first.report.created),
      line('re-import (all unchanged)', again, again.report.unchanged),
      line(`another file, dry run, heap capped at ${HEAP_CAP_MB} MB`, capped, capped.report.created),
    ].join('\n'));
  } finally {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
