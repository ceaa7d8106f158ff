// Retry-safe creation: an idempotency key is scoped to the caller and the operation, and a repeated request with
// the same key and arguments returns the first result and writes nothing.
import { startTestApp, type TestApp } from '../support/app.js';
import { SAMPLE, createAward, createMutation, errorOf, rowCounts, userWithToken } from './support.js';

let t: TestApp;
const REF = 'ES/I000001/1';
const OTHER = 'ES/I000002/1';

beforeAll(async () => {
  t = await startTestApp();
  await createAward(t, REF);
  await createAward(t, OTHER);
});
afterAll(() => t.close());

const create = (type: string, key: string, input: Record<string, unknown> = {}, refs = [REF], token?: string) =>
  t.gql(createMutation(type, true), { refs, input: { ...SAMPLE[type], ...input }, key }, token);

const createdId = async (p: ReturnType<typeof create>): Promise<string> => {
  const res = await p;
  expect(res.errors).toBeUndefined();
  return res.data.created.id;
};

describe('idempotency keys', () => {
  it('answers a repeat with the same key and arguments with the first id and writes nothing', async () => {
    const first = await createdId(create('FURTHER_FUNDING', 'key-1'));
    const before = await rowCounts(t);
    for (let i = 0; i < 3; i++) expect(await createdId(create('FURTHER_FUNDING', 'key-1'))).toBe(first);
    expect(await rowCounts(t)).toEqual(before);
    // argument order in the JSON does not make it another request
    const reordered = Object.fromEntries(Object.entries(SAMPLE.FURTHER_FUNDING).reverse());
    const again = await t.gql(createMutation('FURTHER_FUNDING', true), { key: 'key-1', input: reordered, refs: [REF] });
    expect(again.data.created.id).toBe(first);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('answers the same key with other arguments with CONFLICT and writes nothing', async () => {
    const first = await createdId(create('PARTNERSHIP', 'key-2'));
    const before = await rowCounts(t);
    const otherInput = errorOf(await create('PARTNERSHIP', 'key-2', { startYear: 2018 }));
    expect(otherInput.code).toBe('CONFLICT');
    expect(otherInput.message).toContain('key-2');
    expect(errorOf(await create('PARTNERSHIP', 'key-2', {}, [REF, OTHER])).code).toBe('CONFLICT');
    expect(await rowCounts(t)).toEqual(before);
    expect(await createdId(create('PARTNERSHIP', 'key-2'))).toBe(first);
  });

  it('scopes keys per caller: another user with the same key creates their own outcome', async () => {
    const colleague = await userWithToken(t, 'colleague@example.org', 'ADMIN');
    const mine = await createdId(create('POLICY_INFLUENCE', 'shared-key'));
    const theirs = await createdId(create('POLICY_INFLUENCE', 'shared-key', {}, [REF], colleague.token));
    expect(theirs).not.toBe(mine);
    expect(await createdId(create('POLICY_INFLUENCE', 'shared-key', {}, [REF], colleague.token))).toBe(theirs);
    expect(await createdId(create('POLICY_INFLUENCE', 'shared-key'))).toBe(mine);
    const { me } = await t.ok('{ me { email } }', undefined, colleague.token);
    const { outcome } = await t.ok('query($id: ID!) { outcome(id: $id) { id } }', { id: theirs });
    expect(outcome.id).toBe(theirs);
    expect((await t.sql('SELECT created_by FROM outcome WHERE id = $1', [theirs]))[0].created_by).toBe(me.email);
  });

  it('scopes keys per operation: one key on two create mutations creates two outcomes', async () => {
    const talk = await createdId(create('ENGAGEMENT_ACTIVITY', 'per-op'));
    const data = await createdId(create('RESEARCH_MATERIAL', 'per-op'));
    expect(data).not.toBe(talk);
    const types = await t.sql('SELECT type FROM outcome WHERE id = ANY($1::uuid[]) ORDER BY type', [[talk, data]]);
    expect(types.map((r) => r.type)).toEqual(['ENGAGEMENT_ACTIVITY', 'RESEARCH_MATERIAL']);
    expect(await createdId(create('ENGAGEMENT_ACTIVITY', 'per-op'))).toBe(talk);
  });

  it('does not spend a key on a refused request: fixing the input and retrying with it creates', async () => {
    const before = await rowCounts(t);
    const bad = errorOf(await create('IMPACT_NARRATIVE', 'after-error', { firstYearOfImpact: 1800 }));
    expect(bad.code).toBe('BAD_USER_INPUT');
    const unknown = errorOf(await create('IMPACT_NARRATIVE', 'after-error', {}, ['XX/NOPE/1']));
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['awardReferences[0]'] });
    expect(await rowCounts(t)).toEqual(before);
    const id = await createdId(create('IMPACT_NARRATIVE', 'after-error'));
    expect(await createdId(create('IMPACT_NARRATIVE', 'after-error'))).toBe(id);
  });

  it('keeps a key at least 24 hours; an older one may be used again', async () => {
    const first = await createdId(create('RESEARCH_MATERIAL', 'aged-key'));
    // the clock is moved through SQL: the API has no way to age a key
    await t.sql(`UPDATE idempotency_key SET created_at = now() - interval '23 hours' WHERE key = 'aged-key'`);
    expect(await createdId(create('RESEARCH_MATERIAL', 'aged-key'))).toBe(first);
    expect(errorOf(await create('RESEARCH_MATERIAL', 'aged-key', { yearProduced: 2016 })).code).toBe('CONFLICT');
    await t.sql(`UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = 'aged-key'`);
    const second = await createdId(create('RESEARCH_MATERIAL', 'aged-key', { yearProduced: 2016 }));
    expect(second).not.toBe(first);
    expect(await createdId(create('RESEARCH_MATERIAL', 'aged-key', { yearProduced: 2016 }))).toBe(second);
  });

  it('without a key, each request creates', async () => {
    const run = () => t.ok(createMutation('ENGAGEMENT_ACTIVITY'), { refs: [REF], input: SAMPLE.ENGAGEMENT_ACTIVITY });
    const a = await run();
    const b = await run();
    expect(a.created.id).not.toBe(b.created.id);
  });

  it('creates exactly one outcome for 10 parallel identical requests with one key, all answering its id', async () => {
    const before = await rowCounts(t);
    const input = { ...SAMPLE.FURTHER_FUNDING, organisation: 'Brand New Funder Ltd', description: 'Parallel retry' };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.gql(createMutation('FURTHER_FUNDING', true), { refs: [REF], input, key: 'parallel-key' })),
    );
    expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    const ids = new Set(results.map((r) => r.data.created.id));
    expect(ids.size).toBe(1);
    const after = await rowCounts(t);
    expect(after).toEqual({
      ...before,
      outcome: before.outcome + 1,
      outcome_award: before.outcome_award + 1,
      audit_event: before.audit_event + 1,
      organisation: before.organisation + 1,
      idempotency_key: before.idempotency_key + 1,
    });
    expect((await t.sql(`SELECT count(*)::int AS n FROM outcome WHERE description = 'Parallel retry'`))[0].n).toBe(1);
  });

  it('refuses an over-long key as BAD_USER_INPUT rather than failing in the database', async () => {
    const before = await rowCounts(t);
    const res = await create('ENGAGEMENT_ACTIVITY', 'k'.repeat(201));
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['idempotencyKey'] });
    expect(await rowCounts(t)).toEqual(before);
  });
});
