// An import killed with SIGKILL midway: the CLI (`node dist/src/cli.js import <file> --format csv --type
// engagement_activity`) runs beside the server on the same DATA_DIR, is killed while its one transaction has
// written batches, and the database holds nothing of it; run again, the same file imports completely.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvHeader } from '../../src/interchange/formats/csv-columns.js';
import { CLI, ROOT, Server, sleep, within } from './support.js';

const REF = 'ES/K000001/1';
const ROWS = 60_000;

let server: Server;
let file: string;
const children: ChildProcess[] = [];

function csvFile(): string {
  const header = csvHeader('ENGAGEMENT_ACTIVITY');
  const value: Record<string, (i: number) => string> = {
    title: (i) => `Imported roundtable ${i}`,
    description: (i) => `Imported activity ${i}: roundtable with local policy makers on social enterprise`,
    externalIds: (i) => `KILL-${i}`,
    form: () => 'Participation in an activity, workshop or similar',
    primaryAudience: () => 'Policymakers/politicians',
    geographicReach: () => 'National',
    partOfOfficialScheme: () => 'false',
    years: (i) => String(2013 + (i % 7)),
    audienceSize: (i) => String(10 + (i % 90)),
    awardReferences: () => REF,
  };
  const lines = [header.join(',')];
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  for (let i = 0; i < ROWS; i++) lines.push(header.map((h) => cell(value[h]?.(i) ?? '')).join(','));
  const path = join(server.dataDir, 'import.csv');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

function runImport(): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> } {
  const child = spawn(process.execPath, [CLI, 'import', file, '--format', 'csv', '--type', 'engagement_activity', '--json'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', DATA_DIR: server.dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((ok) =>
    child.once('exit', (code, signal) => ok({ code, signal, output })),
  );
  return { child, done };
}

/** Backends of the app (server or CLI) inside a transaction that has written something. */
async function writingTransactions(): Promise<{ pid: number; seconds: number }[]> {
  return server.sql(
    `SELECT pid, extract(epoch FROM now() - xact_start)::float AS seconds FROM pg_stat_activity
     WHERE application_name = 'impact-tracker' AND backend_xid IS NOT NULL`,
  );
}

const imported = async () =>
  (await server.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outcome WHERE description LIKE 'Imported activity %'`))[0].n;

beforeAll(async () => {
  server = await Server.start();
  await server.ok('mutation($i: AwardInput!) { createAward(input: $i) { id } }', {
    i: { reference: REF, title: 'Killed imports', funder: 'ESRC', leadOrganisation: 'Middlesex University' },
  });
  file = csvFile();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await server?.destroy();
});

it('leaves nothing of an import killed midway, and the same import succeeds when run again', async () => {
  const before = await server.sql<{ outcomes: number; audits: number; awards: number; organisations: number }>(
    `SELECT (SELECT count(*) FROM outcome)::int AS outcomes, (SELECT count(*) FROM audit_event)::int AS audits,
       (SELECT count(*) FROM award)::int AS awards, (SELECT count(*) FROM organisation)::int AS organisations`,
  );

  const first = runImport();
  // midway: its transaction has been writing batches for a while, and the CLI is still at it
  let killedAfter = 0;
  for (const end = Date.now() + 120_000; Date.now() < end && first.child.exitCode === null; ) {
    const writing = await writingTransactions();
    if (writing.some((w) => w.seconds >= 2)) {
      killedAfter = Math.max(...writing.map((w) => w.seconds));
      break;
    }
    await sleep(100);
  }
  // still running: the file is large enough to be caught midway
  if (first.child.exitCode !== null) throw new Error(`the import ended before it could be killed: ${(await first.done).output}`);
  expect(killedAfter).toBeGreaterThan(0);
  first.child.kill('SIGKILL');
  const killed = await first.done;
  expect(killed.signal).toBe('SIGKILL');

  // PostgreSQL sees the connection drop and rolls the transaction back
  for (const end = Date.now() + 30_000; (await writingTransactions()).length && Date.now() < end; ) await sleep(100);
  expect(await writingTransactions()).toEqual([]);
  const after = await server.sql(
    `SELECT (SELECT count(*) FROM outcome)::int AS outcomes, (SELECT count(*) FROM audit_event)::int AS audits,
       (SELECT count(*) FROM award)::int AS awards, (SELECT count(*) FROM organisation)::int AS organisations`,
  );
  expect(after).toEqual(before);
  expect(await imported()).toBe(0);
  expect((await server.health()).status).toBe(200);

  const second = runImport();
  const result = await within(second.done, 170_000);
  expect(result).not.toBe('timeout');
  const { code, output } = result as { code: number | null; output: string };
  expect({ code, output: code === 0 ? '' : output }).toEqual({ code: 0, output: '' });
  const report = JSON.parse(output.slice(output.indexOf('{'))) as { created: number; problems: unknown[] };
  expect(report).toMatchObject({ created: ROWS, problems: [] });
  expect(await imported()).toBe(ROWS);
  const incomplete = await server.sql<{ n: number }>(
    `SELECT count(*)::int AS n FROM outcome o WHERE o.description LIKE 'Imported activity %' AND (
       NOT EXISTS (SELECT 1 FROM engagement_activity_detail d WHERE d.outcome_id = o.id)
       OR NOT EXISTS (SELECT 1 FROM outcome_award oa WHERE oa.outcome_id = o.id))`,
  );
  expect(incomplete[0].n).toBe(0);
  expect(server.exit).toBeNull();
}, 300_000);
