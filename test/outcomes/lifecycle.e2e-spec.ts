// An outcome's life: partial updates, explicit nulls, optimistic concurrency, soft delete and restore,
// attribution to awards, and the audit trail of all of it.
import { startTestApp, type TestApp } from '../support/app.js';
import { OUTCOME_FIELDS, createAward, createOutcome, errorOf, readOutcome, rowCounts, updateMutation, userWithToken } from './support.js';

let t: TestApp;
let adminEmail: string;
let officer: { id: string; token: string };
const A = 'ES/L000001/1';
const B = 'ES/L000002/1';
const C = 'ES/L000003/1';

beforeAll(async () => {
  t = await startTestApp();
  const award = await createAward(t, A);
  await createAward(t, B);
  await createAward(t, C);
  adminEmail = (await t.ok('{ me { email } }')).me.email;
  officer = await userWithToken(t, 'officer@mdx.example', 'IMPACT_OFFICER', award.leadOrganisation.id);
});
afterAll(() => t.close());

const update = (type: string, id: string, v: number, input: Record<string, unknown>, token?: string) =>
  t.gql(updateMutation(type), { id, v, input }, token);

const DELETE = `mutation($id: ID!, $v: Int!) { deleteOutcome(id: $id, expectedVersion: $v) { id version ... on Outcome { __typename } } }`;
const RESTORE = `mutation($id: ID!) { restoreOutcome(id: $id) { id version } }`;
const ATTRIBUTE = `mutation($id: ID!, $refs: [String!]!) { attributeOutcome(id: $id, awardReferences: $refs) { version awards { reference } } }`;
const UNATTRIBUTE = `mutation($id: ID!, $refs: [String!]!) { unattributeOutcome(id: $id, awardReferences: $refs) { version awards { reference } } }`;
const TRAIL = `query($id: ID!) { auditTrail(entityId: $id) { totalItems items { action actor entityType entityId before after at } } }`;
const LISTED = `query($f: OutcomeFilter) { outcomes(filter: $f, take: 100) { totalItems items { id } } }`;

const listed = async (filter: Record<string, unknown>, id: string, token?: string) =>
  (await t.ok(LISTED, { f: filter }, token)).outcomes.items.some((o: { id: string }) => o.id === id);

describe('updating an outcome', () => {
  it('changes only the fields given and bumps the version', async () => {
    const id = await createOutcome(t, 'FURTHER_FUNDING', [A], { fundingId: 'ES/M010163/1', title: 'CUSP' });
    const before = await readOutcome(t, id);
    const res = await update('FURTHER_FUNDING', id, 1, { department: 'Research Office', amount: { amount: '12000.5', currency: 'GBP' } });
    expect(res.errors).toBeUndefined();
    const after = res.data.updated;
    expect(after).toEqual({
      ...before,
      department: 'Research Office',
      amount: { amount: '12000.50', currency: 'GBP' },
      version: 2,
      updatedAt: expect.any(String),
    });
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect(await readOutcome(t, id)).toEqual(after);
  });

  it('clears an optional field given as an explicit null, country code included', async () => {
    const id = await createOutcome(t, 'FURTHER_FUNDING', [A], { fundingId: 'F-1', department: 'Dept' });
    const { data } = await update('FURTHER_FUNDING', id, 1, { fundingId: null, country: null, end: null });
    expect(data.updated).toMatchObject({
      fundingId: null, country: null, countryCode: null, end: null, department: 'Dept', start: '2017-02', version: 2,
    });
    const partner = await createOutcome(t, 'PARTNERSHIP', [A], { endYear: 2019, active: true });
    const cleared = await update('PARTNERSHIP', partner, 1, { endYear: null, active: null, sector: null, title: null });
    expect(cleared.data.updated).toMatchObject({ endYear: null, active: null, sector: null, title: null, startYear: 2017 });
    const talk = await createOutcome(t, 'ENGAGEMENT_ACTIVITY', [A], { otherAudiences: ['SCHOOLS'] });
    const lists = await update('ENGAGEMENT_ACTIVITY', talk, 1, { otherAudiences: null, years: [2019, 2018] });
    expect(lists.data.updated).toMatchObject({ otherAudiences: [], years: [2019, 2018], version: 2 });
  });

  it('refuses null or blank on a required field (BAD_USER_INPUT) and changes nothing', async () => {
    const id = await createOutcome(t, 'FURTHER_FUNDING', [A]);
    const before = await readOutcome(t, id);
    const counts = await rowCounts(t);
    for (const [input, paths] of [
      [{ amount: null }, ['input.amount']],
      [{ organisation: null }, ['input.organisation']],
      [{ description: null }, ['input.description']],
      [{ description: '  ' }, ['input.description']],
      [{ amount: null, description: null, department: 'ignored' }, ['input.amount', 'input.description']],
    ] as const) {
      const e = errorOf(await update('FURTHER_FUNDING', id, 1, input));
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT', paths });
    }
    const talk = await createOutcome(t, 'ENGAGEMENT_ACTIVITY', [A]);
    expect(errorOf(await update('ENGAGEMENT_ACTIVITY', talk, 1, { form: null }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.form'] });
    expect(await readOutcome(t, id)).toEqual(before);
    expect((await rowCounts(t)).audit_event).toBe(counts.audit_event + 1);
  });

  it('checks order across fields against the stored record', async () => {
    const id = await createOutcome(t, 'FURTHER_FUNDING', [A], { start: '2017-02', end: '2018-02' });
    expect(errorOf(await update('FURTHER_FUNDING', id, 1, { end: '2016-12' }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.end'] });
    expect(errorOf(await update('FURTHER_FUNDING', id, 1, { start: '2019-01' }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.end'] });
    expect((await readOutcome(t, id)).version).toBe(1);
  });

  it('answers a stale expectedVersion with CONFLICT and changes nothing', async () => {
    const id = await createOutcome(t, 'POLICY_INFLUENCE', [A]);
    expect((await update('POLICY_INFLUENCE', id, 1, { guidelineTitle: 'First' })).data.updated.version).toBe(2);
    const before = await readOutcome(t, id);
    const counts = await rowCounts(t);
    const e = errorOf(await update('POLICY_INFLUENCE', id, 1, { guidelineTitle: 'Second' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toMatch(/version 2/);
    expect(errorOf(await t.gql(DELETE, { id, v: 1 })).code).toBe('CONFLICT');
    expect(await readOutcome(t, id)).toEqual(before);
    expect(await rowCounts(t)).toEqual(counts);
  });

  it('lets exactly one of several concurrent updates with the same expectedVersion win', async () => {
    const id = await createOutcome(t, 'PARTNERSHIP', [A]);
    const titles = ['one', 'two', 'three', 'four', 'five'];
    const results = await Promise.all(titles.map((title) => update('PARTNERSHIP', id, 1, { title, department: `Dept ${title}` })));
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(4);
    const winner = won[0].data.updated.title;
    expect(await readOutcome(t, id)).toMatchObject({ version: 2, title: winner, department: `Dept ${winner}` });
    expect((await t.ok(TRAIL, { id })).auditTrail.items.map((e: any) => e.action)).toEqual(['CREATE', 'UPDATE']);
    const deletes = await Promise.all([1, 2, 3].map(() => t.gql(DELETE, { id, v: 2 })));
    expect(deletes.filter((r) => !r.errors)).toHaveLength(1);
    expect((await t.ok(TRAIL, { id })).auditTrail.items.map((e: any) => e.action)).toEqual(['CREATE', 'UPDATE', 'DELETE']);
  });

  it('answers NOT_FOUND for an unknown id or an update of another type', async () => {
    const id = await createOutcome(t, 'RESEARCH_MATERIAL', [A]);
    expect(errorOf(await update('RESEARCH_MATERIAL', '00000000-0000-4000-8000-000000000000', 1, { doi: null })).code).toBe('NOT_FOUND');
    expect(errorOf(await update('PARTNERSHIP', id, 1, { department: 'x' })).code).toBe('NOT_FOUND');
  });

  it('answers an id that is not a UUID as absent, never as a 500', async () => {
    expect((await t.ok('query($id: ID!) { outcome(id: $id) { id } }', { id: 'not-an-id' })).outcome).toBeNull();
    expect(errorOf(await update('PARTNERSHIP', 'not-an-id', 1, { department: 'x' })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(DELETE, { id: 'not-an-id', v: 1 })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(RESTORE, { id: 'not-an-id' })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(ATTRIBUTE, { id: 'not-an-id', refs: [A] })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(UNATTRIBUTE, { id: "1' OR '1'='1", refs: [A] })).code).toBe('NOT_FOUND');
  });
});

describe('deleting and restoring', () => {
  it('soft-deletes: hidden from outcomes unless includeDeleted; kept for outcome(id) with deletedAt', async () => {
    const id = await createOutcome(t, 'IMPACT_NARRATIVE', [A]);
    const { deleteOutcome } = await t.ok(DELETE, { id, v: 1 });
    expect(deleteOutcome).toMatchObject({ id, version: 2 });
    expect(await listed({}, id)).toBe(false);
    expect(await listed({ awardReferences: [A] }, id)).toBe(false);
    expect(await listed({ includeDeleted: true }, id)).toBe(true);
    const { outcome } = await t.ok('query($id: ID!) { outcome(id: $id) { id version deletedAt } }', { id });
    expect(outcome).toMatchObject({ id, version: 2, deletedAt: expect.any(String) });
    expect((await t.sql('SELECT count(*)::int AS n FROM outcome WHERE id = $1', [id]))[0].n).toBe(1);
    // a deleted outcome is not changed further until restored
    expect(errorOf(await update('IMPACT_NARRATIVE', id, 2, { firstYearOfImpact: 2017 })).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(DELETE, { id, v: 2 })).code).toBe('NOT_FOUND');
  });

  it('restores (admins only), bumping the version', async () => {
    const id = await createOutcome(t, 'ENGAGEMENT_ACTIVITY', [A]);
    await t.ok(DELETE, { id, v: 1 }, officer.token);
    const refused = errorOf(await t.gql(RESTORE, { id }, officer.token));
    expect(refused.code).toBe('FORBIDDEN');
    const { restoreOutcome } = await t.ok(RESTORE, { id });
    expect(restoreOutcome).toEqual({ id, version: 3 });
    expect(await listed({}, id)).toBe(true);
    expect((await t.ok('query($id: ID!) { outcome(id: $id) { deletedAt } }', { id })).outcome.deletedAt).toBeNull();
    expect(errorOf(await t.gql(RESTORE, { id: '00000000-0000-4000-8000-000000000000' })).code).toBe('NOT_FOUND');
  });
});

describe('attribution', () => {
  it('attributes to more awards and unattributes, each bumping the version, never below one award', async () => {
    const id = await createOutcome(t, 'PARTNERSHIP', [A]);
    const a1 = (await t.ok(ATTRIBUTE, { id, refs: [B, 'es/l000003/1'] })).attributeOutcome;
    expect(a1).toEqual({ version: 2, awards: [{ reference: A }, { reference: B }, { reference: C }] });
    // attributing again to an award it already has adds no second link
    const a2 = (await t.ok(ATTRIBUTE, { id, refs: [B] })).attributeOutcome;
    expect(a2.awards).toHaveLength(3);
    expect((await t.sql('SELECT count(*)::int AS n FROM outcome_award WHERE outcome_id = $1', [id]))[0].n).toBe(3);
    const u1 = (await t.ok(UNATTRIBUTE, { id, refs: [A, C] })).unattributeOutcome;
    expect(u1).toEqual({ version: 4, awards: [{ reference: B }] });
    expect(await listed({ awardReferences: [A] }, id)).toBe(false);
    expect(await listed({ awardReferences: [B] }, id)).toBe(true);

    const counts = await rowCounts(t);
    const last = errorOf(await t.gql(UNATTRIBUTE, { id, refs: [B] }));
    expect(last).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['awardReferences'] });
    const unknown = errorOf(await t.gql(ATTRIBUTE, { id, refs: ['XX/NOPE/1'] }));
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['awardReferences[0]'] });
    expect(unknown.message).toContain('XX/NOPE/1');
    expect(await rowCounts(t)).toEqual(counts);
    expect(await readOutcome(t, id)).toMatchObject({ version: 4, awards: [{ reference: B }] });
  });

  it('answers each of several mutations in one document with its own awards', async () => {
    const id = await createOutcome(t, 'POLICY_INFLUENCE', [A]);
    const data = await t.ok(
      `mutation($id: ID!) {
        first: attributeOutcome(id: $id, awardReferences: ["${B}"]) { version awards { reference } }
        second: unattributeOutcome(id: $id, awardReferences: ["${A}"]) { version awards { reference } }
      }`,
      { id },
    );
    expect(data).toEqual({
      first: { version: 2, awards: [{ reference: A }, { reference: B }] },
      second: { version: 3, awards: [{ reference: B }] },
    });
  });
});

describe('the audit trail', () => {
  it('lists CREATE, UPDATE, DELETE, RESTORE, ATTRIBUTE and UNATTRIBUTE with before, after and actor', async () => {
    const id = await createOutcome(t, 'RESEARCH_MATERIAL', [A], { doi: '10.5255/UKDA-SN-8000-1' });
    await t.ok(updateMutation('RESEARCH_MATERIAL'), { id, v: 1, input: { providedToOthers: true, doi: null } });
    await t.ok(DELETE, { id, v: 2 }, officer.token);
    await t.ok(RESTORE, { id });
    await t.ok(ATTRIBUTE, { id, refs: [B] });
    await t.ok(UNATTRIBUTE, { id, refs: [A] }, officer.token);
    const { auditTrail } = await t.ok(TRAIL, { id });
    expect(auditTrail.totalItems).toBe(6);
    const items = auditTrail.items;
    expect(items.map((e: any) => [e.action, e.actor])).toEqual([
      ['CREATE', adminEmail], ['UPDATE', adminEmail], ['DELETE', 'officer@mdx.example'], ['RESTORE', adminEmail],
      ['ATTRIBUTE', adminEmail], ['UNATTRIBUTE', 'officer@mdx.example'],
    ]);
    expect(items.every((e: any) => e.entityType === 'Outcome' && e.entityId === id)).toBe(true);
    const [create, upd, del, restore, attr, unattr] = items;
    expect(create.before).toBeNull();
    expect(create.after).toMatchObject({ id, version: 1, doi: '10.5255/UKDA-SN-8000-1', providedToOthers: false, awards: [A] });
    expect(upd.before).toMatchObject({ version: 1, doi: '10.5255/UKDA-SN-8000-1', providedToOthers: false });
    expect(upd.after).toMatchObject({ version: 2, doi: null, providedToOthers: true });
    expect(del.before).toMatchObject({ version: 2, deletedAt: null });
    expect(del.after).toMatchObject({ version: 3, deletedAt: expect.any(String) });
    expect(restore.before).toMatchObject({ version: 3, deletedAt: expect.any(String) });
    expect(restore.after).toMatchObject({ version: 4, deletedAt: null });
    expect(attr).toMatchObject({ before: { version: 4 }, after: { version: 5, awardReferences: [B] } });
    expect(unattr).toMatchObject({ before: { version: 5 }, after: { version: 6, awardReferences: [A] } });
    const times = items.map((e: any) => Date.parse(e.at));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });

  it('shows nothing of an outcome the caller may not read', async () => {
    const other = await t.ok('mutation { createOrganisation(input: { name: "University of Elsewhere" }) { id } }');
    const stranger = await userWithToken(t, 'stranger@else.example', 'IMPACT_OFFICER', other.createOrganisation.id);
    const id = await createOutcome(t, 'POLICY_INFLUENCE', [A]);
    expect((await t.ok(TRAIL, { id }, stranger.token)).auditTrail).toEqual({ totalItems: 0, items: [] });
    expect((await t.ok(`query($id: ID!) { outcome(id: $id) { ${OUTCOME_FIELDS} } }`, { id }, stranger.token)).outcome).toBeNull();
    expect(errorOf(await update('POLICY_INFLUENCE', id, 1, { firstYear: 2019 }, stranger.token)).code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(DELETE, { id, v: 1 }, stranger.token)).code).toBe('NOT_FOUND');
  });
});
