// Awards through GraphQL: organisations by name (never duplicated), unique references, optimistic concurrency,
// exact money, people with verified ORCID iDs, filters, and scope.
import { startTestApp, type TestApp } from '../support/app.js';
import { createAward, errorOf, rowCounts, userWithToken } from '../outcomes/support.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const AWARD_FIELDS = `id reference title department startDate endDate status abstract plannedImpact version
  value { amount currency } funder { id name } leadOrganisation { id name }
  people { role person { name orcid } } members { role }`;
const CREATE = `mutation($input: AwardInput!) { createAward(input: $input) { ${AWARD_FIELDS} } }`;
const UPDATE = `mutation($ref: String!, $v: Int!, $input: UpdateAwardInput!) { updateAward(reference: $ref, expectedVersion: $v, input: $input) { ${AWARD_FIELDS} } }`;
const GET = `query($ref: String!) { award(reference: $ref) { ${AWARD_FIELDS} } }`;
const LIST = `query($f: AwardFilter, $skip: Int, $take: Int) { awards(filter: $f, skip: $skip, take: $take) { totalItems items { reference } } }`;

const refs = async (filter?: Record<string, unknown>, skip?: number, take?: number) => {
  const { awards } = await t.ok(LIST, { f: filter, skip, take });
  return { refs: awards.items.map((a: { reference: string }) => a.reference), total: awards.totalItems };
};

describe('creating awards', () => {
  it('records every field exactly, the reference normalised', async () => {
    const { createAward: a } = await t.ok(CREATE, {
      input: {
        reference: 'es/a000001/1', title: '  The role of mutuals  ', funder: 'ESRC', leadOrganisation: 'Middlesex University',
        department: 'Business School', startDate: '2012-10-01', endDate: '2015-09-30', status: 'CLOSED',
        value: { amount: '123456789012.3', currency: 'GBP' }, abstract: 'Abstract text', plannedImpact: 'Who will benefit?',
      },
    });
    expect(a).toEqual({
      id: expect.any(String), reference: 'ES/A000001/1', title: 'The role of mutuals', department: 'Business School',
      startDate: '2012-10-01', endDate: '2015-09-30', status: 'CLOSED', abstract: 'Abstract text', plannedImpact: 'Who will benefit?',
      version: 1, value: { amount: '123456789012.30', currency: 'GBP' }, funder: { id: expect.any(String), name: 'ESRC' },
      leadOrganisation: { id: expect.any(String), name: 'Middlesex University' }, people: [], members: [],
    });
    expect((await t.ok(GET, { ref: ' es/a000001/1 ' })).award).toEqual(a);
    const [{ value_amount }] = await t.sql(`SELECT value_amount::text FROM award WHERE id = $1`, [a.id]);
    expect(value_amount).toBe('123456789012.30');
  });

  it('keeps money exact in its own minor units', async () => {
    for (const [amount, currency, shown] of [['4755356', 'GBP', '4755356.00'], ['1000', 'JPY', '1000'], ['999999999999999.99', 'EUR', '999999999999999.99']]) {
      const { createAward: a } = await t.ok(CREATE, { input: { reference: `ES/M${currency}/1`, title: 'Money', value: { amount, currency } } });
      expect(a.value).toEqual({ amount: shown, currency });
    }
    for (const [amount, currency, path] of [['10.005', 'GBP', 'input.value.amount'], ['-1', 'GBP', 'input.value.amount'], ['1', 'XYZ', 'input.value.currency']]) {
      const before = await rowCounts(t);
      const e = errorOf(await t.gql(CREATE, { input: { reference: 'ES/BAD/1', title: 'Bad money', value: { amount, currency } } }));
      expect(e).toMatchObject({ code: 'BAD_USER_INPUT', paths: [path] });
      expect(await rowCounts(t)).toEqual(before);
    }
  });

  it('finds organisations case- and space-insensitively or creates them, never twice', async () => {
    const a = (await t.ok(CREATE, { input: { reference: 'ES/O000001/1', title: 'One', leadOrganisation: 'university of  leeds', funder: ' esrc ' } })).createAward;
    const b = (await t.ok(CREATE, { input: { reference: 'ES/O000002/1', title: 'Two', leadOrganisation: 'University of Leeds', funder: 'ESRC' } })).createAward;
    expect(b.leadOrganisation.id).toBe(a.leadOrganisation.id);
    expect(b.funder.id).toBe(a.funder.id);
    const rows = await t.sql(`SELECT name FROM organisation WHERE name_key IN ('university of leeds', 'esrc')`);
    expect(rows).toHaveLength(2);
    // the name is kept as first written, single-spaced
    expect(rows.map((r) => r.name).sort()).toEqual(['ESRC', 'university of leeds']);
  });

  it('refuses a duplicate reference (CONFLICT), whatever its case, and writes nothing', async () => {
    await createAward(t, 'ES/D000001/1');
    const before = await rowCounts(t);
    for (const reference of ['ES/D000001/1', 'es/d000001/1']) {
      const e = errorOf(await t.gql(CREATE, { input: { reference, title: 'Again', funder: 'A Funder Never Seen Before' } }));
      expect(e.code).toBe('CONFLICT');
      expect(e.message).toContain('ES/D000001/1');
    }
    expect(await rowCounts(t)).toEqual(before);
  });

  it('refuses an end date before the start, impossible dates and bad references, listing every field', async () => {
    const before = await rowCounts(t);
    expect(errorOf(await t.gql(CREATE, { input: { reference: 'ES/E000001/1', title: 'Dates', startDate: '2015-01-01', endDate: '2014-12-31' } })))
      .toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.endDate'] });
    expect(errorOf(await t.gql(CREATE, { input: { reference: 'ES/E000001/1', title: 'Dates', startDate: '2021-02-30' } })))
      .toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.startDate'] });
    expect(errorOf(await t.gql(CREATE, { input: { reference: 'not a reference!', title: '', startDate: '2021-13-01' } })))
      .toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.reference', 'input.startDate', 'input.title'] });
    expect(errorOf(await t.gql(CREATE, { input: { reference: 'ES/E000001/1', title: '', startDate: '2015-01-01', endDate: '2014-12-31' } })))
      .toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.endDate', 'input.title'] });
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('people on awards', () => {
  it('accepts a valid ORCID iD (also as a URL) and names the person once across awards', async () => {
    const people = [
      { name: 'Josiah  Carberry', orcid: '0000-0002-1825-0097', role: 'PI' },
      { name: 'No Orcid', role: 'CO_I' },
    ];
    const a = (await t.ok(CREATE, { input: { reference: 'ES/R000001/1', title: 'People', people } })).createAward;
    expect(a.people).toEqual(expect.arrayContaining([
      { role: 'PI', person: { name: 'Josiah Carberry', orcid: '0000-0002-1825-0097' } },
      { role: 'CO_I', person: { name: 'No Orcid', orcid: null } },
    ]));
    const b = (await t.ok(CREATE, {
      input: { reference: 'ES/R000002/1', title: 'People again', people: [{ name: 'J. Carberry', orcid: 'https://orcid.org/0000-0002-1825-0097', role: 'CO_I' }] },
    })).createAward;
    expect(b.people).toEqual([{ role: 'CO_I', person: { name: 'Josiah Carberry', orcid: '0000-0002-1825-0097' } }]);
    expect((await t.sql(`SELECT count(*)::int AS n FROM person WHERE orcid = '0000-0002-1825-0097'`))[0].n).toBe(1);
  });

  it('refuses an ORCID iD whose check digit is wrong, naming the list item', async () => {
    const before = await rowCounts(t);
    const e = errorOf(await t.gql(CREATE, {
      input: { reference: 'ES/R000003/1', title: 'Bad ORCID', people: [
        { name: 'Good', orcid: '0000-0002-1825-0097', role: 'PI' },
        { name: 'Bad', orcid: '0000-0002-1825-0096', role: 'CO_I' },
      ] },
    }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.people[1].orcid'] });
    expect(await rowCounts(t)).toEqual(before);
  });
});

describe('updating awards', () => {
  it('changes only the fields given, clears explicit nulls and bumps the version', async () => {
    await createAward(t, 'ES/U000001/1', { department: 'Business School', value: { amount: '500000', currency: 'GBP' }, startDate: '2012-10-01' });
    const before = (await t.ok(GET, { ref: 'ES/U000001/1' })).award;
    const { updateAward } = await t.ok(UPDATE, { ref: 'es/u000001/1', v: 1, input: { title: 'Renamed', department: null, value: null, status: 'CLOSED' } });
    expect(updateAward).toEqual({ ...before, title: 'Renamed', department: null, value: null, status: 'CLOSED', version: 2 });
    expect((await t.ok(GET, { ref: 'ES/U000001/1' })).award).toEqual(updateAward);
    const sheffield = (await createAward(t, 'ES/U000009/1', { leadOrganisation: 'University of Sheffield' })).leadOrganisation.id;
    const moved = (await t.ok(UPDATE, { ref: 'ES/U000001/1', v: 2, input: { leadOrganisation: ' UNIVERSITY  OF SHEFFIELD' } })).updateAward;
    expect(moved.leadOrganisation).toEqual({ id: sheffield, name: 'University of Sheffield' });
    expect(moved.version).toBe(3);
  });

  it('answers a stale expectedVersion with CONFLICT and changes nothing', async () => {
    await createAward(t, 'ES/U000002/1');
    await t.ok(UPDATE, { ref: 'ES/U000002/1', v: 1, input: { title: 'First' } });
    const before = (await t.ok(GET, { ref: 'ES/U000002/1' })).award;
    const counts = await rowCounts(t);
    const e = errorOf(await t.gql(UPDATE, { ref: 'ES/U000002/1', v: 1, input: { title: 'Second', funder: 'Some New Funder' } }));
    expect(e.code).toBe('CONFLICT');
    expect((await t.ok(GET, { ref: 'ES/U000002/1' })).award).toEqual(before);
    expect(await rowCounts(t)).toEqual(counts);
  });

  it('refuses clearing the title and an end before the stored start; NOT_FOUND for an unknown award', async () => {
    await createAward(t, 'ES/U000003/1', { startDate: '2015-01-01' });
    const counts = await rowCounts(t);
    expect(errorOf(await t.gql(UPDATE, { ref: 'ES/U000003/1', v: 1, input: { title: null } }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.title'] });
    expect(errorOf(await t.gql(UPDATE, { ref: 'ES/U000003/1', v: 1, input: { endDate: '2014-01-01' } }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.endDate'] });
    expect(errorOf(await t.gql(UPDATE, { ref: 'XX/NOPE/1', v: 1, input: { title: 'x' } })).code).toBe('NOT_FOUND');
    expect(await rowCounts(t)).toEqual(counts);
    expect((await t.ok(GET, { ref: 'ES/U000003/1' })).award.version).toBe(1);
  });

  it('audits creation and change with before and after', async () => {
    const a = await createAward(t, 'ES/U000004/1');
    await t.ok(UPDATE, { ref: 'ES/U000004/1', v: 1, input: { department: 'Law' } });
    const { auditTrail } = await t.ok('query($id: ID!) { auditTrail(entityId: $id) { items { action entityType before after } } }', { id: a.id });
    expect(auditTrail.items).toEqual([
      { action: 'CREATE', entityType: 'Award', before: null, after: expect.objectContaining({ reference: 'ES/U000004/1', version: 1 }) },
      { action: 'UPDATE', entityType: 'Award', before: expect.objectContaining({ department: null, version: 1 }), after: expect.objectContaining({ department: 'Law', version: 2 }) },
    ]);
  });
});

describe('finding awards', () => {
  beforeAll(async () => {
    await createAward(t, 'LT/F000001/1', { title: 'Cooperative housing in Leeds', funder: 'Leverhulme Trust', status: 'ACTIVE' });
    await createAward(t, 'LT/F000002/1', { title: 'Mutual aid networks', funder: 'leverhulme trust', status: 'CLOSED' });
    await createAward(t, 'LT/F000003/1', { title: 'Spin-outs in health', funder: 'Leverhulme Trust', status: 'CLOSED' });
  });

  it('answers null for an absent reference', async () => {
    expect((await t.ok(GET, { ref: 'ZZ/NOTHING/1' })).award).toBeNull();
    expect((await t.ok(GET, { ref: 'lt/f000001/1' })).award.reference).toBe('LT/F000001/1');
  });

  it('filters by search, funder and status, with the total', async () => {
    expect(await refs({ funder: 'LEVERHULME  TRUST' })).toEqual({ refs: ['LT/F000001/1', 'LT/F000002/1', 'LT/F000003/1'], total: 3 });
    expect(await refs({ funder: 'Leverhulme Trust', status: 'CLOSED' })).toEqual({ refs: ['LT/F000002/1', 'LT/F000003/1'], total: 2 });
    expect(await refs({ search: 'mutual' })).toMatchObject({ refs: expect.arrayContaining(['LT/F000002/1', 'ES/A000001/1']) });
    expect(await refs({ search: 'mutual', funder: 'Leverhulme Trust' })).toEqual({ refs: ['LT/F000002/1'], total: 1 });
    expect(await refs({ search: 'lt/f00000' })).toMatchObject({ total: 3 });
    expect(await refs({ funder: 'Nobody' })).toEqual({ refs: [], total: 0 });
    expect(errorOf(await t.gql(LIST, { f: { organisationId: 'leeds' } }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['filter.organisationId'] });
  });

  it('pages by reference, the total counted even past the last page', async () => {
    const f = { funder: 'Leverhulme Trust' };
    expect(await refs(f, 1, 1)).toEqual({ refs: ['LT/F000002/1'], total: 3 });
    expect(await refs(f, 10, 5)).toEqual({ refs: [], total: 3 });
    expect(errorOf(await t.gql(LIST, { take: 101 }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['take'] });
  });
});

describe('scope', () => {
  it("lets impact officers create and read only their organisation's awards; researchers create none", async () => {
    const york = (await t.ok('mutation { createOrganisation(input: { name: "University of York" }) { id } }')).createOrganisation.id;
    const officer = await userWithToken(t, 'officer@york.example', 'IMPACT_OFFICER', york);
    const researcher = await userWithToken(t, 'researcher@york.example', 'RESEARCHER', york);
    const own = (await t.ok(CREATE, { input: { reference: 'YK/S000001/1', title: 'York award' } }, officer.token)).createAward;
    expect(own.leadOrganisation.name).toBe('University of York');
    expect(errorOf(await t.gql(CREATE, { input: { reference: 'YK/S000002/1', title: 'Elsewhere', leadOrganisation: 'Middlesex University' } }, officer.token)))
      .toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.leadOrganisation'] });
    expect(errorOf(await t.gql(CREATE, { input: { reference: 'YK/S000003/1', title: 'No' } }, researcher.token)).code).toBe('FORBIDDEN');
    expect((await t.ok(GET, { ref: 'ES/A000001/1' }, officer.token)).award).toBeNull();
    expect(await (async () => (await t.ok(LIST, {}, officer.token)).awards)()).toEqual({ totalItems: 1, items: [{ reference: 'YK/S000001/1' }] });
    expect(errorOf(await t.gql(UPDATE, { ref: 'ES/A000001/1', v: 1, input: { title: 'Mine now' } }, officer.token)).code).toBe('NOT_FOUND');
  });
});
