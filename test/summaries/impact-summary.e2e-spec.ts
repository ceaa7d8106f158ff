import { startTestApp, type TestApp } from '../support/app.js';
import { FIXTURE_REFERENCE, loadGtrFixture } from '../support/fixture.js';
import { createAward, createFunding, money, statementsOf } from './support.js';

let t: TestApp;
let byType: Record<string, string[]>;

beforeAll(async () => {
  t = await startTestApp();
  ({ byType } = await loadGtrFixture(t));
});
afterAll(() => t.close());

const VOCAB = '{ code label count }';
const IMPACT_SUMMARY = `query($filter: OutcomeFilter) { impactSummary(filter: $filter) {
  outcomeCounts { type count }
  engagement { total byForm ${VOCAB} byPrimaryAudience ${VOCAB} byGeographicReach ${VOCAB} byYear { year count } formByAudience { row column count } }
  policyInfluence { total byType ${VOCAB} byGeographicReach ${VOCAB} }
  partnerships { total bySector ${VOCAB} byCountry ${VOCAB} }
  researchMaterials { total byType ${VOCAB} providedToOthers { yes no unknown } }
  impactNarratives { total byImpactType ${VOCAB} bySector ${VOCAB} }
  furtherFunding { count byCurrency { amount currency } converted { total { amount } } groups { count } leverage }
} }`;

const summary = async (filter?: Record<string, unknown>, token?: string) => (await t.ok(IMPACT_SUMMARY, { filter }, token)).impactSummary;
const fixtureOnly = { awardReferences: [FIXTURE_REFERENCE] };
const pairs = (list: { label: string; count: number }[]) => list.map((v) => `${v.label}: ${v.count}`);
const sum = (list: { count: number }[]) => list.reduce((n, v) => n + v.count, 0);

describe('impactSummary of the GtR fixture award ES/J008435/1', () => {
  let s: any;
  beforeAll(async () => {
    s = await summary(fixtureOnly);
  });

  it('counts every outcome type, in the OutcomeType order', () => {
    expect(s.outcomeCounts).toEqual([
      { type: 'ENGAGEMENT_ACTIVITY', count: 30 },
      { type: 'FURTHER_FUNDING', count: 8 },
      { type: 'POLICY_INFLUENCE', count: 3 },
      { type: 'PARTNERSHIP', count: 4 },
      { type: 'RESEARCH_MATERIAL', count: 1 },
      { type: 'IMPACT_NARRATIVE', count: 1 },
    ]);
  });

  it('summarises the 30 engagement activities by year, reach and audience, with labels', () => {
    expect(s.engagement.total).toBe(30);
    expect(s.engagement.byYear.map((y: any) => `${y.year}:${y.count}`)).toEqual(['2013:4', '2014:7', '2016:5', '2017:4', '2018:9', '2019:1']);
    expect(pairs(s.engagement.byGeographicReach)).toEqual(['National: 19', 'International: 5', 'Local: 4', 'Regional: 2']);
    expect(s.engagement.byPrimaryAudience).toEqual([
      { code: 'POLICYMAKERS_POLITICIANS', label: 'Policymakers/politicians', count: 15 },
      { code: 'PROFESSIONAL_PRACTITIONERS', label: 'Professional Practitioners', count: 12 },
      { code: 'PUBLIC_OTHER_AUDIENCES', label: 'Public/other audiences', count: 2 },
      { code: 'UNDERGRADUATE_STUDENTS', label: 'Undergraduate students', count: 1 },
    ]);
    expect(sum(s.engagement.byForm)).toBe(30);
    expect(sum(s.engagement.formByAudience)).toBe(30);
    expect(s.engagement.formByAudience[0]).toEqual({ row: expect.any(String), column: expect.any(String), count: expect.any(Number) });
  });

  it('orders vocabulary counts by count, then label', () => {
    for (const list of [s.engagement.byForm, s.engagement.byPrimaryAudience, s.policyInfluence.byType, s.impactNarratives.bySector]) {
      const sorted = [...list].sort((a: any, b: any) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
      expect(list).toEqual(sorted);
    }
  });

  it('summarises policy influences, partnerships, materials and narratives', () => {
    expect(s.policyInfluence.total).toBe(3);
    expect(pairs(s.policyInfluence.byType)).toEqual([
      'Contribution to a national consultation/review: 2',
      'Influenced training of practitioners or researchers: 1',
    ]);
    expect(pairs(s.policyInfluence.byGeographicReach)).toEqual(['National: 3']);
    expect(s.partnerships.total).toBe(4);
    expect(sum(s.partnerships.byCountry)).toBeLessThanOrEqual(4);
    for (const c of s.partnerships.byCountry) expect(c.code).toBe(c.label);
    expect(s.researchMaterials).toEqual({
      total: 1,
      byType: [{ code: 'DATABASE_COLLECTION_OF_DATA', label: 'Database/Collection of data', count: 1 }],
      providedToOthers: { yes: 0, no: 1, unknown: 0 },
    });
    expect(s.impactNarratives.total).toBe(1);
    expect(pairs(s.impactNarratives.byImpactType)).toEqual(['Economic: 1', 'Policy & public services: 1', 'Societal: 1']);
    expect(pairs(s.impactNarratives.bySector)).toEqual([
      'Communities and Social Services/Policy: 1',
      'Government, Democracy and Justice: 1',
      'Healthcare: 1',
    ]);
  });

  it('includes further funding as FundingTotals without groups', () => {
    expect(s.furtherFunding).toEqual({
      count: 8,
      byCurrency: [
        { amount: '2344500.00', currency: 'EUR' },
        { amount: '5158616.00', currency: 'GBP' },
      ],
      converted: null,
      groups: [],
      leverage: null,
    });
  });
});

describe('impactSummary filters', () => {
  it('lists only the types asked for; funding is zero when it is not one of them', async () => {
    const s = await summary({ ...fixtureOnly, types: ['POLICY_INFLUENCE', 'ENGAGEMENT_ACTIVITY'] });
    expect(s.outcomeCounts).toEqual([
      { type: 'ENGAGEMENT_ACTIVITY', count: 30 },
      { type: 'POLICY_INFLUENCE', count: 3 },
    ]);
    expect([s.furtherFunding.count, s.furtherFunding.byCurrency, s.partnerships.total]).toEqual([0, [], 0]);
  });

  it('keeps byYear within the years asked for (an activity over several years still counts once)', async () => {
    const s = await summary({ ...fixtureOnly, yearFrom: 2016, yearTo: 2017 });
    expect(s.engagement.byYear.map((y: any) => `${y.year}:${y.count}`)).toEqual(['2016:5', '2017:4']);
    expect(s.engagement.total).toBeLessThanOrEqual(9);
    expect([s.furtherFunding.count, money(s.furtherFunding.byCurrency)]).toEqual([4, ['EUR 2344500.00', 'GBP 4976256.00']]);
  });

  it('maps the award filter onto further funding: shared records count once', async () => {
    await createAward(t, 'ES/S000002/1');
    await t.ok('mutation($id: ID!) { attributeOutcome(id: $id, awardReferences: ["ES/S000002/1"]) { id } }', { id: byType.FURTHER_FUNDING[0] });
    const both = await summary({ awardReferences: [FIXTURE_REFERENCE, 'ES/S000002/1'] });
    expect([both.outcomeCounts[1].count, both.furtherFunding.count]).toEqual([8, 8]);
    const second = await summary({ awardReferences: ['ES/S000002/1'] });
    expect(second.outcomeCounts.map((c: any) => c.count)).toEqual([0, 1, 0, 0, 0, 0]);
    expect(money(second.furtherFunding.byCurrency)).toEqual(['GBP 4755356.00']);
  });

  it('counts deleted outcomes only when asked to, and deleted funding never', async () => {
    await createAward(t, 'TEST/DEL/2');
    const id = await createFunding(t, ['TEST/DEL/2'], { amount: '5.00' });
    await t.ok('mutation($id: ID!) { deleteOutcome(id: $id, expectedVersion: 1) { id } }', { id });
    const live = await summary({ awardReferences: ['TEST/DEL/2'] });
    const all = await summary({ awardReferences: ['TEST/DEL/2'], includeDeleted: true });
    expect([live.outcomeCounts[1].count, all.outcomeCounts[1].count, all.furtherFunding.count]).toEqual([0, 1, 0]);
  });

  it('refuses unknown award references with BAD_USER_INPUT naming each', async () => {
    const res = await t.gql(IMPACT_SUMMARY, { filter: { awardReferences: ['XX/NOPE/1'] } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.path)).toEqual(['filter.awardReferences[0]']);
  });

  it('answers zeros, not errors, for a caller who may read nothing', async () => {
    const org = (await t.ok('mutation { createOrganisation(input: { name: "Elsewhere University" }) { id } }')).createOrganisation.id;
    const { createUser } = await t.ok('mutation($o: ID!) { createUser(input: { email: "elsewhere@example.org", name: "E", role: FUNDER, organisationId: $o }) { id } }', { o: org });
    const { createApiToken } = await t.ok('mutation($u: ID!) { createApiToken(input: { userId: $u, name: "t" }) { token } }', { u: createUser.id });
    const s = await summary(undefined, createApiToken.token);
    expect(s.outcomeCounts.every((c: any) => c.count === 0)).toBe(true);
    expect([s.engagement.total, s.engagement.byYear, s.furtherFunding.count]).toEqual([0, [], 0]);
  });
});

describe('round trips', () => {
  it('are the same for one award with a few outcomes and for the 47-outcome fixture', async () => {
    await createAward(t, 'TEST/SMALL/1');
    await createFunding(t, ['TEST/SMALL/1'], { amount: '1.00' });
    await summary({ awardReferences: ['TEST/SMALL/1'] }); // the token's last use is recorded at most once a minute
    const small = await statementsOf(() => summary({ awardReferences: ['TEST/SMALL/1'] }));
    const fixture = await statementsOf(() => summary(fixtureOnly));
    expect(fixture).toBe(small);
    // besides what authenticating any request costs: award references, the sections (one statement), the funding
    const request = await statementsOf(() => t.ok('{ __typename }'));
    expect(small - request).toBe(3);
  });
});
