// PostgreSQL stopped and started again under write load: while it is down every request fails with
// SERVICE_UNAVAILABLE and /health says 503; once it is back the same process serves again, and every create that
// answered success is in the database with its detail and audit event. The process never dies.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { codesOf, pgCtl, Server, sleep, startCluster } from './support.js';

const REF = 'ES/R000001/1';
const CREATE = `mutation($refs: [String!]!, $input: EngagementActivityInput!) {
  createEngagementActivity(awardReferences: $refs, input: $input) { id }
}`;

let server: Server;

beforeAll(async () => {
  server = await Server.start();
  await server.ok('mutation($i: AwardInput!) { createAward(input: $i) { id } }', {
    i: { reference: REF, title: 'Reliability under outage', funder: 'ESRC', leadOrganisation: 'Middlesex University' },
  });
});

afterAll(() => server?.destroy());

interface Failure {
  phase: string;
  code: string;
  status?: number;
}

it('answers SERVICE_UNAVAILABLE during an outage, recovers without a restart and keeps every acknowledged write', async () => {
  const acknowledged: string[] = [];
  const failures: Failure[] = [];
  let phase: 'before' | 'outage' | 'restarting' | 'after' = 'before';
  let running = true;
  let seq = 0;
  const writer = async () => {
    // bounded: the loop ends when the test says so, and no request waits more than 20 s
    while (running && seq < 20_000) {
      const n = seq++;
      const at = phase;
      try {
        const res = await server.gql(CREATE, {
          refs: [REF],
          input: { description: `Outage write ${n}`, form: 'A_TALK_OR_PRESENTATION', primaryAudience: 'SCHOOLS', geographicReach: 'LOCAL', years: [2019] },
        }, 20_000);
        const id = res.data?.createEngagementActivity?.id;
        if (id) acknowledged.push(id);
        else failures.push({ phase: at, code: codesOf(res).join(',') || 'NO_DATA', status: res.status });
      } catch (e) {
        failures.push({ phase: at, code: `NETWORK ${(e as Error).message}` });
      }
      if (phase !== 'before' && phase !== 'after') await sleep(25);
    }
  };
  const writers = Array.from({ length: 4 }, writer);

  await sleep(2000);
  expect(acknowledged.length).toBeGreaterThan(0);

  phase = 'outage';
  await pgCtl(['stop', '-m', 'fast', '-w', '-t', '60'], server.clusterDir);
  await sleep(2500);
  const health = await server.health();
  expect(health.status).toBe(503);
  expect(failures.filter((f) => f.phase === 'outage').length).toBeGreaterThan(0);
  const acknowledgedDuringOutage = acknowledged.length;
  await sleep(500);
  // nothing can succeed while the database is down
  expect(acknowledged.length).toBe(acknowledgedDuringOutage);

  phase = 'restarting';
  await startCluster(server);
  phase = 'after';
  const resumedFrom = acknowledged.length;
  const deadline = Date.now() + 30_000;
  while (acknowledged.length < resumedFrom + 40 && Date.now() < deadline) await sleep(100);
  running = false;
  await Promise.all(writers);

  expect(acknowledged.length).toBeGreaterThanOrEqual(resumedFrom + 40);
  expect((await server.health()).status).toBe(200);
  // A clear answer, never a masked 500: every refusal names the outage (HTTP 503 when the whole request is refused).
  const answers: Record<string, number> = {};
  for (const f of failures) answers[`${f.code} (HTTP ${f.status})`] = (answers[`${f.code} (HTTP ${f.status})`] ?? 0) + 1;
  const clear = Object.keys(answers).filter((a) => a === 'SERVICE_UNAVAILABLE (HTTP 503)' || a === 'SERVICE_UNAVAILABLE (HTTP 200)');
  expect(Object.keys(answers).sort()).toEqual(clear.sort());

  const rows = await server.sql<{ id: string; details: number; audits: number }>(
    `SELECT o.id,
       (SELECT count(*) FROM engagement_activity_detail d WHERE d.outcome_id = o.id)::int AS details,
       (SELECT count(*) FROM audit_event e WHERE e.entity_id = o.id AND e.action = 'CREATE')::int AS audits
     FROM outcome o JOIN outcome_award oa ON oa.outcome_id = o.id JOIN award a ON a.id = oa.award_id
     WHERE a.reference = $1`,
    [REF],
  );
  const stored = new Set(rows.map((r) => r.id));
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  // nothing half-written: each outcome has its detail row and its audit event
  expect(rows.filter((r) => r.details !== 1 || r.audits !== 1)).toEqual([]);
  // at most the writes in flight when PostgreSQL stopped may have committed without their answer
  expect(rows.length - acknowledged.length).toBeLessThanOrEqual(4);
  expect(server.exit).toBeNull();

  // and it still shuts down cleanly, stopping the PostgreSQL it now runs on (not the one it first started)
  expect(await server.stop()).toEqual({ code: 0, signal: null });
  expect(existsSync(join(server.clusterDir, 'postmaster.pid'))).toBe(false);
});
