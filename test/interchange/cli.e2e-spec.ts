import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase } from '../support/app.js';
import { FIXTURE_REFERENCE, GTR_FIXTURE } from '../support/fixture.js';

const CLI = 'dist/src/cli.js';

/** Newest modification time under a folder: the CLI under test must not be older than its sources. */
function newest(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const path = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let db: { url: string; drop(): Promise<void> };
let dir: string;

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', [CLI, ...args], { env: { ...process.env, DATABASE_URL: db.url, DATA_DIR: dir, LOG_LEVEL: 'silent' }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function count(sql: string): Promise<number> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0].n;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  // The CLI runs compiled (npm run cli); build it when the sources are newer than the build.
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < newest('src')) execFileSync('node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'impact-cli-'));
}, 180_000);
afterAll(() => db.drop());

describe('npm run cli', () => {
  it('imports a file with progress on stderr and the report at the end (exit 0), then recognises it (created 0)', async () => {
    const file = join(dir, 'ES-J008435-1.txt');
    writeFileSync(file, GTR_FIXTURE);
    const dry = await cli(['import', file, '--award', FIXTURE_REFERENCE, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^dry run: nothing was written\ncreated 47, updated 0, unchanged 0, attributed 47, awards created 1/);
    expect(await count('SELECT count(*)::int AS n FROM outcome')).toBe(0);
    const first = await cli(['import', file, '--award', FIXTURE_REFERENCE, '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ created: 47, awardsCreated: 1, problems: [] });
    // Not a terminal here: plain progress lines rather than a bar.
    expect(first.stderr).toMatch(/47 records read, 100% of the file/);
    const again = await cli(['import', file, '--award', FIXTURE_REFERENCE, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, unchanged: 47 });
    expect(await count(`SELECT count(*)::int AS n FROM audit_event WHERE actor = 'system' AND action = 'IMPORT'`)).toBe(47);
  }, 120_000);

  it('exits 1 with every problem listed when the file has problems', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'description,form,primaryAudience,geographicReach,awardReferences\nA talk,Juggling,Schools,Local,ES/J008435/1\n');
    const run = await cli(['import', file, '--type', 'engagement_activity']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^refused: nothing was written/);
    expect(run.stdout).toContain('line 2 · form · "Juggling" · Unknown EngagementForm "Juggling"');
  }, 60_000);

  it('exports to a file or stdout', async () => {
    const out = join(dir, 'export.txt');
    const run = await cli(['export', '--format', 'gtr_text', '--award', FIXTURE_REFERENCE, '-o', out]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^The role of mutuals in public service innovation\n/);
    const csv = await cli(['export', '--format', 'csv', '--type', 'further_funding']);
    expect(csv.stdout.split('\n').filter(Boolean)).toHaveLength(9);
  }, 60_000);

  it('exits 2 on a usage error, 1 on a refused argument', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['import'])).code).toBe(2);
    expect((await cli(['export', '--format', 'pdf'])).code).toBe(2);
    const noType = await cli(['export', '--format', 'csv']);
    expect(noType.code).toBe(1);
    expect(noType.stderr).toMatch(/BAD_USER_INPUT[\s\S]*--type/);
  }, 60_000);
});
