// SIGTERM with requests in flight: the server stops taking new work, lets the requests it accepted finish, closes
// its pool, stops its PostgreSQL and exits 0; every accepted write is complete (outcome, detail, attribution,
// audit event) and nothing else is in the database.
import pg from 'pg';
import { request, Server, sleep, within } from './support.js';

const REF = 'ES/S000001/1';
const CREATE = `mutation($refs: [String!]!, $input: EngagementActivityInput!) {
  createEngagementActivity(awardReferences: $refs, input: $input) { id version }
}`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateEngagementActivityInput!) {
  updateEngagementActivity(id: $id, expectedVersion: $v, input: $input) { id version audienceSize }
}`;
const INPUT = { form: 'A_TALK_OR_PRESENTATION', primaryAudience: 'POLICYMAKERS_POLITICIANS', geographicReach: 'NATIONAL', years: [2018] };

let server: Server;
let restarted: Server | null = null;

beforeAll(async () => {
  server = await Server.start({ env: { SHUTDOWN_TIMEOUT_MS: '60000' } });
});

afterAll(async () => {
  await restarted?.destroy();
  await server?.destroy();
});

it('finishes the requests in flight, exits 0 and leaves nothing half-written', async () => {
  await server.ok('mutation($i: AwardInput!) { createAward(input: $i) { id } }', {
    i: { reference: REF, title: 'Shutdown under load', funder: 'ESRC', leadOrganisation: 'Middlesex University' },
  });
  const existing: string[] = [];
  for (let i = 0; i < 6; i++) {
    const d = await server.ok(CREATE, { refs: [REF], input: { ...INPUT, description: `Existing ${i}` } });
    existing.push(d.createEngagementActivity.id);
  }

  // Hold the rows the requests need, so they are certainly in flight (waiting inside their transactions).
  const blocker = new pg.Client({ connectionString: server.databaseUrl() });
  await blocker.connect();
  blocker.on('error', () => undefined); // the server stops its PostgreSQL when it exits
  await blocker.query('BEGIN');
  await blocker.query('SELECT id FROM outcome WHERE id = ANY($1::uuid[]) FOR UPDATE', [existing]);
  await blocker.query('SELECT id FROM award WHERE reference = $1 FOR UPDATE', [REF]); // creates wait on the FK check
  const inFlight = [
    ...existing.map((id, i) => server.gql(UPDATE, { id, v: 1, input: { audienceSize: 100 + i } }, 90_000)),
    ...Array.from({ length: 6 }, (_, i) => server.gql(CREATE, { refs: [REF], input: { ...INPUT, description: `In flight ${i}` } }, 90_000)),
  ];
  // Observed from another connection: inside the blocker's transaction pg_stat_activity would be a cached snapshot.
  const waiting = async () =>
    Number((await server.sql(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'impact-tracker' AND wait_event_type = 'Lock'`,
    ))[0].n);
  for (const end = Date.now() + 30_000; (await waiting()) < 12 && Date.now() < end; ) await sleep(100);
  expect(await waiting()).toBe(12);

  server.proc.kill('SIGTERM');
  await sleep(1000);
  expect(server.exit).toBeNull(); // still finishing what it accepted
  // new work is refused once shutdown began
  const late = await request(`${server.baseUrl}/health`, { timeoutMs: 2000 }).then((r) => `HTTP ${r.status}`, (e: Error) => e.message);
  expect(late).not.toBe('HTTP 200');

  await blocker.query('ROLLBACK');
  await blocker.end();
  const answers = await Promise.all(inFlight);
  const exit = await within(server.exited, 60_000);
  expect(exit).toEqual({ code: 0, signal: null });

  expect(answers.map((a) => a.errors ?? [])).toEqual(answers.map(() => []));
  const updated = answers.slice(0, 6).map((a) => a.data.updateEngagementActivity);
  expect(updated.map((u) => u.version)).toEqual([2, 2, 2, 2, 2, 2]);
  const created = answers.slice(6).map((a) => a.data.createEngagementActivity.id as string);

  // The same DATA_DIR again: what the first process committed is all there, and complete.
  restarted = await Server.start({ dataDir: server.dataDir, token: server.token });
  const rows = await restarted.sql<{ id: string; version: number; size: number | null; details: number; awards: number; audits: string[] }>(
    `SELECT o.id, o.version, d.audience_size AS size,
       (SELECT count(*) FROM engagement_activity_detail x WHERE x.outcome_id = o.id)::int AS details,
       (SELECT count(*) FROM outcome_award oa WHERE oa.outcome_id = o.id)::int AS awards,
       ARRAY(SELECT e.action FROM audit_event e WHERE e.entity_id = o.id ORDER BY e.at, e.action) AS audits
     FROM outcome o JOIN engagement_activity_detail d ON d.outcome_id = o.id`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  expect(rows).toHaveLength(12);
  existing.forEach((id, i) => expect(byId.get(id)).toMatchObject({ version: 2, size: 100 + i, details: 1, awards: 1, audits: ['CREATE', 'UPDATE'] }));
  for (const id of created) expect(byId.get(id)).toMatchObject({ version: 1, details: 1, awards: 1, audits: ['CREATE'] });
});
