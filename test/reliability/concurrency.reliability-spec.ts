// Optimistic concurrency under contention: 50 simultaneous updates of one outcome with the same expectedVersion
// (exactly one wins, the rest are CONFLICT and write nothing); then clients that re-read and retry on CONFLICT
// (every increment lands exactly once: no update is lost, the versions form one unbroken chain).
import { startTestApp, type GqlResponse, type TestApp } from '../support/app.js';

const REF = 'CC/A000001/1';
const CREATE = `mutation($i: EngagementActivityInput!) { c: createEngagementActivity(awardReferences: ["${REF}"], input: $i) { id version } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateEngagementActivityInput!) {
  u: updateEngagementActivity(id: $id, expectedVersion: $v, input: $i) { version audienceSize }
}`;
const READ = 'query($id: ID!) { outcome(id: $id) { version ... on EngagementActivity { audienceSize } } }';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ DATABASE_POOL_SIZE: '20' });
  await t.ok('mutation($i: AwardInput!) { createAward(input: $i) { id } }', { i: { reference: REF, title: 'Contention', funder: 'ESRC' } });
});
afterAll(() => t?.close());

async function newOutcome(): Promise<string> {
  const d = await t.ok(CREATE, {
    i: { description: 'Contended activity', form: 'A_TALK_OR_PRESENTATION', primaryAudience: 'SCHOOLS', geographicReach: 'LOCAL', audienceSize: 0 },
  });
  return d.c.id;
}

const code = (r: GqlResponse) => r.errors?.[0]?.extensions?.code ?? (r.data?.u ? 'OK' : 'NONE');

async function updateEvents(id: string): Promise<{ from: number; to: number }[]> {
  return t.sql(
    `SELECT (before ->> 'version')::int AS "from", (after ->> 'version')::int AS "to" FROM audit_event
     WHERE entity_id = $1 AND action = 'UPDATE' ORDER BY (after ->> 'version')::int`,
    [id],
  );
}

it('lets exactly one of 50 concurrent updates with the same expectedVersion win; the others are CONFLICT', async () => {
  const id = await newOutcome();
  const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => t.gql(UPDATE, { id, v: 1, i: { audienceSize: 100 + i } })));
  const codes = answers.map(code);
  expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
  expect(codes.filter((c) => c === 'CONFLICT')).toHaveLength(49);
  const winner = answers.find((a) => a.data?.u)!.data!.u;
  expect(winner.version).toBe(2);
  const now = (await t.ok(READ, { id })).outcome;
  expect(now).toEqual({ version: 2, audienceSize: winner.audienceSize });
  expect(await updateEvents(id)).toEqual([{ from: 1, to: 2 }]);
});

it('loses none of many chained updates that re-read and retry on CONFLICT', async () => {
  const id = await newOutcome();
  const clients = 20;
  const each = 3;
  let conflicts = 0;
  const client = async () => {
    for (let done = 0, attempts = 0; done < each; attempts++) {
      if (attempts > 500) throw new Error('too many retries');
      const { version, audienceSize } = (await t.ok(READ, { id })).outcome;
      const res = await t.gql(UPDATE, { id, v: version, i: { audienceSize: audienceSize + 1 } });
      if (res.data?.u) done++;
      else if (code(res) === 'CONFLICT') conflicts++;
      else throw new Error(`unexpected answer: ${JSON.stringify(res.errors)}`);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const total = clients * each;
  expect((await t.ok(READ, { id })).outcome).toEqual({ version: 1 + total, audienceSize: total });
  // one unbroken chain of versions in the audit trail: 1→2, 2→3, … — no update lost, none applied twice
  expect(await updateEvents(id)).toEqual(Array.from({ length: total }, (_, i) => ({ from: i + 1, to: i + 2 })));
  expect(conflicts).toBeGreaterThan(0); // the clients did contend
});
