import { startTestApp, type TestApp } from '../support/app.js';
import { FIXTURE_REFERENCE, loadGtrFixture } from '../support/fixture.js';
import { createAward, createFunding, FUNDING_TOTALS, money, setRate, statementsOf } from './support.js';

let t: TestApp;
let fundingIds: string[];
const SHARED = 'ES/T000001/1';

beforeAll(async () => {
  t = await startTestApp();
  const fixture = await loadGtrFixture(t);
  fundingIds = fixture.byType.FURTHER_FUNDING;
});
afterAll(() => t.close());

const totals = async (variables: Record<string, unknown>, token?: string) => (await t.ok(FUNDING_TOTALS, variables, token)).fundingTotals;
const fixtureOnly = { awardReferences: [FIXTURE_REFERENCE] };

describe('fundingTotals of the GtR fixture award ES/J008435/1', () => {
  it('counts its 8 funding records and totals them exactly, per currency, never across currencies', async () => {
    const r = await totals({ filter: fixtureOnly });
    expect(r.count).toBe(8);
    expect(money(r.byCurrency)).toEqual(['EUR 2344500.00', 'GBP 5158616.00']);
    expect(r.converted).toBeNull();
    expect(r.groups).toEqual([]);
    expect(r.leverage).toBeNull();
  });

  it('groups by sector: Public in two currencies, Charity/Non Profit in one', async () => {
    const r = await totals({ filter: fixtureOnly, groupBy: ['SECTOR'] });
    expect(r.groups.map((g: any) => [g.key.sector, g.count, money(g.byCurrency)])).toEqual([
      ['CHARITY_NON_PROFIT', 5, ['GBP 206360.00']],
      ['PUBLIC', 3, ['EUR 2344500.00', 'GBP 4952256.00']],
    ]);
    expect(r.groups[0].key).toEqual({
      award: null, awardFunder: null, fundingOrganisation: null, sector: 'CHARITY_NON_PROFIT', country: null, year: null, fundingType: null,
    });
    expect(r.groups.every((g: any) => g.converted === null)).toBe(true);
  });

  it('groups by several dimensions at once, one group per combination, ordered by the key values', async () => {
    const r = await totals({ filter: fixtureOnly, groupBy: ['YEAR', 'FUNDING_ORGANISATION'] });
    expect(r.groups.map((g: any) => `${g.key.year} ${g.key.fundingOrganisation} ${g.count} ${money(g.byCurrency).join('+')}`)).toEqual([
      '2015 Arts Enterprise with a Social Purpose 1 GBP 10000.00',
      '2015 Youth Business International 2 GBP 118360.00',
      '2016 Economic and Social Research Council 1 GBP 4755356.00',
      '2016 European Commission 1 EUR 2344500.00',
      '2017 Department for Digital, Culture, Media & Sport 1 GBP 196900.00',
      '2017 Power to Change 1 GBP 24000.00',
      '2019 Médecins Sans Frontières (MSF) 1 GBP 54000.00',
    ]);
  });

  it('filters by funding organisation, sector, country (text or ISO code), start year and award funder', async () => {
    const check = async (filter: Record<string, unknown>, count: number, amounts: string[]) => {
      const r = await totals({ filter: { ...fixtureOnly, ...filter } });
      expect([r.count, money(r.byCurrency)]).toEqual([count, amounts]);
    };
    await check({ fundingOrganisation: '  youth   BUSINESS international ' }, 2, ['GBP 118360.00']);
    await check({ sectors: ['PUBLIC'] }, 3, ['EUR 2344500.00', 'GBP 4952256.00']);
    await check({ countries: ['france'] }, 1, ['GBP 54000.00']);
    await check({ countries: ['European Union (EU)'] }, 1, ['EUR 2344500.00']);
    await check({ countries: ['GB'] }, 6, ['GBP 5104616.00']);
    await check({ countries: ['UK', 'FR'] }, 7, ['GBP 5158616.00']);
    await check({ yearFrom: 2017 }, 3, ['GBP 274900.00']);
    await check({ yearFrom: 2016, yearTo: 2016 }, 2, ['EUR 2344500.00', 'GBP 4755356.00']);
    await check({ awardFunder: 'esrc' }, 8, ['EUR 2344500.00', 'GBP 5158616.00']);
    await check({ awardFunder: 'Wellcome Trust' }, 0, []);
    const { award } = await t.ok('query($r: String!) { award(reference: $r) { leadOrganisation { id } } }', { r: FIXTURE_REFERENCE });
    await check({ organisationId: award.leadOrganisation.id }, 8, ['EUR 2344500.00', 'GBP 5158616.00']);
  });

  it('refuses unknown award references with BAD_USER_INPUT naming each', async () => {
    const res = await t.gql(FUNDING_TOTALS, { filter: { awardReferences: [FIXTURE_REFERENCE, 'XX/NOPE/1', 'XX/NOPE/2'] } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual(['filter.awardReferences[1]', 'filter.awardReferences[2]']);
  });

  it('refuses an invalid reporting currency and filter fields, naming every one', async () => {
    const res = await t.gql(FUNDING_TOTALS, { filter: { yearFrom: 1066, organisationId: 'nope' }, rc: 'POUNDS' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.path).sort()).toEqual(['filter.organisationId', 'filter.yearFrom', 'reportingCurrency']);
  });
});

describe('a funding record attributed to two awards', () => {
  beforeAll(async () => {
    await createAward(t, SHARED);
    // The EUR grant and the ESRC grant also count for the second award.
    for (const id of [fundingIds[0], fundingIds[5]]) {
      await t.ok('mutation($id: ID!, $refs: [String!]!) { attributeOutcome(id: $id, awardReferences: $refs) { id } }', { id, refs: [SHARED] });
    }
  });

  it('counts once at the top, and in both AWARD groups', async () => {
    const r = await totals({ filter: { awardReferences: [FIXTURE_REFERENCE, SHARED] }, groupBy: ['AWARD'], rc: 'EUR' });
    expect(r.count).toBe(8);
    expect(money(r.byCurrency)).toEqual(['EUR 2344500.00', 'GBP 5158616.00']);
    expect(r.groups.map((g: any) => [g.key.award, g.count, money(g.byCurrency)])).toEqual([
      [FIXTURE_REFERENCE, 8, ['EUR 2344500.00', 'GBP 5158616.00']],
      [SHARED, 2, ['EUR 2344500.00', 'GBP 4755356.00']],
    ]);
    // The converted total counts the EUR grant once as well.
    expect(r.converted.total).toEqual({ amount: '2344500.00', currency: 'EUR' });
    expect(r.groups[1].converted).toBeNull();
  });

  it('counts once in a funder group both awards share, and once without any filter', async () => {
    const r = await totals({ groupBy: ['AWARD_FUNDER'] });
    expect(r.count).toBe(8);
    expect(r.groups.map((g: any) => [g.key.awardFunder, g.count, money(g.byCurrency)])).toEqual([['ESRC', 8, ['EUR 2344500.00', 'GBP 5158616.00']]]);
  });

  it('lists only the awards the filter names in AWARD groups', async () => {
    const r = await totals({ filter: { awardReferences: [SHARED] }, groupBy: ['AWARD'] });
    expect([r.count, r.groups.map((g: any) => g.key.award)]).toEqual([2, [SHARED]]);
  });
});

describe('conversion into a reporting currency', () => {
  it('leaves out and lists the currency-years without a rate, and never adds currencies', async () => {
    const r = await totals({ filter: fixtureOnly, rc: 'GBP', groupBy: ['YEAR'] });
    expect(r.converted).toEqual({
      total: { amount: '5158616.00', currency: 'GBP' },
      ratesUsed: [],
      missingRates: [{ currency: 'EUR', year: 2016 }],
      unconverted: [{ amount: '2344500.00', currency: 'EUR' }],
    });
    expect(money(r.byCurrency)).toEqual(['EUR 2344500.00', 'GBP 5158616.00']);
    const byYear = Object.fromEntries(r.groups.map((g: any) => [g.key.year, g.converted && `${g.converted.currency} ${g.converted.amount}`]));
    expect(byYear).toEqual({ 2015: 'GBP 128360.00', 2016: null, 2017: 'GBP 220900.00', 2019: 'GBP 54000.00' });
  });

  it('converts exactly with the rate of the start year, and says which rates it used', async () => {
    await setRate(t, 'EUR', 2015, '0.5', 'GBP'); // a year no record starts in: not used
    await setRate(t, 'EUR', 2016, '0.81939', 'GBP');
    const r = await totals({ filter: fixtureOnly, rc: 'GBP', groupBy: ['YEAR'] });
    // 2344500 × 0.81939 = 1921059.855; + 5158616 = 7079675.855, rounded once, at the end
    expect(r.converted).toEqual({
      total: { amount: '7079675.86', currency: 'GBP' },
      ratesUsed: [{ currency: 'EUR', year: 2016, base: 'GBP', rate: '0.81939' }],
      missingRates: [],
      unconverted: [],
    });
    expect(r.groups.find((g: any) => g.key.year === 2016).converted).toEqual({ amount: '6676415.86', currency: 'GBP' });
  });

  it('rounds the sum, not each conversion', async () => {
    await createAward(t, 'TEST/ROUND/1');
    for (let i = 0; i < 3; i++) await createFunding(t, ['TEST/ROUND/1'], { amount: '1.01', currency: 'EUR', start: '2020-03' });
    await setRate(t, 'EUR', 2020, '0.5', 'GBP');
    const r = await totals({ filter: { awardReferences: ['TEST/ROUND/1'] }, rc: 'GBP' });
    // each converts to 0.505 (0.51 rounded); the exact sum 1.515 rounds to 1.52, not 1.53
    expect(r.converted.total).toEqual({ amount: '1.52', currency: 'GBP' });
    expect(money(r.byCurrency)).toEqual(['EUR 3.03']);
  });

  it('uses the minor units of the reporting currency', async () => {
    await setRate(t, 'GBP', 2016, '150.5', 'JPY');
    await setRate(t, 'GBP', 2015, '180.123', 'JPY');
    const r = await totals({ filter: { ...fixtureOnly, sectors: ['CHARITY_NON_PROFIT'], yearTo: 2016 }, rc: 'JPY' });
    // 128360 × 180.123 = 23120588.28 → ¥23120588
    expect(r.converted.total).toEqual({ amount: '23120588', currency: 'JPY' });
  });

  it('lists every rate and replaces one when set again', async () => {
    await setRate(t, 'EUR', 2015, '0.72', 'GBP');
    const { exchangeRates } = await t.ok('{ exchangeRates { currency year base rate } }');
    expect(exchangeRates).toEqual([
      { currency: 'EUR', year: 2015, base: 'GBP', rate: '0.72' },
      { currency: 'EUR', year: 2016, base: 'GBP', rate: '0.81939' },
      { currency: 'EUR', year: 2020, base: 'GBP', rate: '0.5' },
      { currency: 'GBP', year: 2015, base: 'JPY', rate: '180.123' },
      { currency: 'GBP', year: 2016, base: 'JPY', rate: '150.5' },
    ]);
    const audit = await t.sql(
      `SELECT action, actor, before->>'rate' AS before, after->>'rate' AS after FROM audit_event
       WHERE entity_type = 'ExchangeRate' AND after->>'currency' = 'EUR' AND (after->>'year')::int = 2015 ORDER BY at, id`,
    );
    expect(audit).toEqual([
      { action: 'CREATE', actor: expect.any(String), before: null, after: '0.5' },
      { action: 'UPDATE', actor: expect.any(String), before: '0.5', after: '0.72' },
    ]);
  });
});

describe('setExchangeRate', () => {
  const SET = 'mutation($c: String!, $y: Int!, $r: Decimal!, $b: String!) { setExchangeRate(currency: $c, year: $y, rate: $r, base: $b) { rate } }';

  it('refuses bad codes, years and rates, naming every field', async () => {
    const res = await t.gql(SET, { c: 'ABC', y: 1800, r: '-1', b: 'gbp' });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.path).sort()).toEqual(['base', 'currency', 'rate', 'year']);
    for (const [r, b] of [['0', 'GBP'], ['0.0000000000001', 'GBP'], ['1', 'EUR']]) {
      const again = await t.gql(SET, { c: 'EUR', y: 2020, r, b });
      expect(again.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('is for admins and impact officers only', async () => {
    const token = await tokenFor('RESEARCHER', 'Middlesex University');
    const res = await t.gql(SET, { c: 'EUR', y: 2020, r: '0.9', b: 'GBP' }, token);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.ok('{ exchangeRates { rate } }', undefined, token)).exchangeRates.length).toBeGreaterThan(0);
  });
});

describe('leverage', () => {
  const LEV = 'TEST/LEV/1';
  beforeAll(async () => {
    await createAward(t, LEV, { value: { amount: '500000.00', currency: 'GBP' }, startDate: '2013-01-01', funder: 'Leverhulme Trust' });
    await createFunding(t, [LEV], { amount: '100000.00', currency: 'USD', start: '2018-01' });
    await createFunding(t, [LEV], { amount: '50000.00', currency: 'GBP', start: '2018-06' });
  });

  it('is null without a reporting currency, or when a funding record cannot be converted', async () => {
    expect((await totals({ filter: { awardReferences: [LEV] } })).leverage).toBeNull();
    expect((await totals({ filter: { awardReferences: [LEV] }, rc: 'GBP' })).leverage).toBeNull();
  });

  it('divides converted funding by the converted value of the filtered awards', async () => {
    await setRate(t, 'USD', 2018, '0.8', 'GBP');
    const r = await totals({ filter: { awardReferences: [LEV] }, rc: 'GBP' });
    expect(r.converted.total.amount).toBe('130000.00');
    expect(r.leverage).toBe('0.26');
    // the award funder is an award-level filter: it picks the same award
    expect((await totals({ filter: { awardFunder: 'leverhulme trust' }, rc: 'GBP' })).leverage).toBe('0.26');
  });

  it('is null when an award value has no rate for its start year', async () => {
    await setRate(t, 'USD', 2018, '0.9', 'EUR');
    await setRate(t, 'GBP', 2018, '1.1', 'EUR');
    const r = await totals({ filter: { awardReferences: [LEV] }, rc: 'EUR' });
    expect(r.converted.total.amount).toBe('145000.00');
    expect(r.leverage).toBeNull();
  });

  it('is null when a filtered award has no value recorded', async () => {
    expect((await totals({ filter: { awardReferences: [LEV, FIXTURE_REFERENCE] }, rc: 'GBP' })).leverage).toBeNull();
  });
});

describe('scope and deletion', () => {
  it('leaves out what the caller may not read, and refuses it when named', async () => {
    const token = await tokenFor('IMPACT_OFFICER', 'University of Elsewhere');
    const r = await totals({ groupBy: ['AWARD'] }, token);
    expect([r.count, r.byCurrency, r.groups]).toEqual([0, [], []]);
    const res = await t.gql(FUNDING_TOTALS, { filter: fixtureOnly }, token);
    expect(res.errors?.[0].extensions?.fields).toEqual([{ path: 'filter.awardReferences[0]', message: expect.any(String) }]);
    // the lead organisation's impact officer reads the fixture award
    const own = await tokenFor('IMPACT_OFFICER', 'Middlesex University');
    expect((await totals({ filter: fixtureOnly }, own)).count).toBe(8);
  });

  it('never counts deleted funding records', async () => {
    await createAward(t, 'TEST/DEL/1');
    const keep = await createFunding(t, ['TEST/DEL/1'], { amount: '10.00' });
    const gone = await createFunding(t, ['TEST/DEL/1'], { amount: '20.00' });
    await t.ok('mutation($id: ID!) { deleteOutcome(id: $id, expectedVersion: 1) { id } }', { id: gone });
    const r = await totals({ filter: { awardReferences: ['TEST/DEL/1'] }, groupBy: ['AWARD'] });
    expect([r.count, money(r.byCurrency), r.groups[0].count]).toEqual([1, ['GBP 10.00'], 1]);
    expect(keep).toBeDefined();
  });
});

describe('round trips', () => {
  it('does not grow with the number of funding records', async () => {
    const REF = 'TEST/COUNT/1';
    await createAward(t, REF);
    await createFunding(t, [REF], { amount: '1.00', currency: 'EUR', start: '2016-01', sector: 'PUBLIC' });
    const variables = { filter: { awardReferences: [REF] }, groupBy: ['AWARD', 'SECTOR', 'YEAR'], rc: 'GBP' };
    await totals(variables); // the token's last use is recorded at most once a minute: not inside the measurements
    const one = await statementsOf(() => totals(variables));
    for (let i = 0; i < 19; i++) {
      await createFunding(t, [REF], { amount: `${i + 2}.00`, currency: i % 2 ? 'EUR' : 'USD', start: `${2000 + i}-01`, sector: 'PRIVATE' });
    }
    let r: any;
    const twenty = await statementsOf(async () => (r = await totals(variables)));
    expect(r.count).toBe(20);
    expect(twenty).toBe(one);
    // besides what authenticating any request costs: the award references and the one funding statement
    const request = await statementsOf(() => t.ok('{ __typename }'));
    expect(one - request).toBe(2);
  });
});

let users = 0;
async function tokenFor(role: string, organisation: string): Promise<string> {
  const existing = await t.sql('SELECT id FROM organisation WHERE name = $1', [organisation]);
  const orgId =
    existing[0]?.id ??
    (await t.ok('mutation($n: String!) { createOrganisation(input: { name: $n }) { id } }', { n: organisation })).createOrganisation.id;
  const { createUser } = await t.ok('mutation($input: UserInput!) { createUser(input: $input) { id } }', {
    input: { email: `user${++users}@example.org`, name: `User ${users}`, role, organisationId: orgId },
  });
  const { createApiToken } = await t.ok('mutation($u: ID!) { createApiToken(input: { userId: $u, name: "t" }) { token } }', { u: createUser.id });
  return createApiToken.token;
}
