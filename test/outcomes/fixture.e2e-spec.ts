// The real GtR award ES/J008435/1 and its 47 outcomes, recorded one by one through GraphQL and read back exactly.
import { parseGtrText } from '../../src/interchange/gtr-text/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { FIXTURE_REFERENCE, GTR_FIXTURE, fixtureOutcomes, loadGtrFixture } from '../support/fixture.js';
import { GRAPHQL_NAME, OUTCOME_QUERY } from './support.js';

let t: TestApp;
let loaded: Awaited<ReturnType<typeof loadGtrFixture>>;
let startedAt: number;
let finishedAt: number;

beforeAll(async () => {
  t = await startTestApp();
  startedAt = Date.now() - 1000;
  loaded = await loadGtrFixture(t);
  finishedAt = Date.now() + 1000;
});
afterAll(() => t.close());

const COUNTRY_CODES: Record<string, string | null> = {
  'United Kingdom': 'GB',
  France: 'FR',
  Spain: 'ES',
  'European Union (EU)': null,
};

/** Every field of the type as the API must answer it, from the create input (absent fields null or []). */
function expected(type: string, input: Record<string, any>): Record<string, unknown> {
  const common = {
    __typename: GRAPHQL_NAME[type],
    type,
    title: input.title ?? null,
    description: input.description,
    impact: input.impact ?? null,
    url: input.url ?? null,
    externalIds: input.externalIds ?? [],
    version: 1,
    sourceFields: null,
    awards: [{ reference: FIXTURE_REFERENCE }],
  };
  const country = (c: string | undefined) => ({ country: c ?? null, countryCode: c == null ? null : COUNTRY_CODES[c] });
  switch (type) {
    case 'ENGAGEMENT_ACTIVITY':
      return {
        ...common, form: input.form, primaryAudience: input.primaryAudience, otherAudiences: input.otherAudiences ?? [],
        engagementReach: input.geographicReach, partOfOfficialScheme: input.partOfOfficialScheme ?? null,
        typeOfPresentation: input.typeOfPresentation ?? null, years: input.years ?? [], audienceSize: input.audienceSize ?? null,
      };
    case 'FURTHER_FUNDING':
      return {
        ...common, amount: input.amount, fundingType: input.fundingType ?? null, fundingId: input.fundingId ?? null,
        organisation: { id: expect.any(String), name: input.organisation }, department: input.department ?? null,
        sector: input.sector ?? null, ...country(input.country), start: input.start ?? null, end: input.end ?? null,
      };
    case 'POLICY_INFLUENCE':
      return {
        ...common, influenceType: input.influenceType, policyReach: input.geographicReach ?? null, ...country(input.country),
        firstYear: input.firstYear ?? null, guidelineTitle: input.guidelineTitle ?? null, areas: input.areas ?? [],
        policyImpactTypes: input.impactTypes ?? [],
      };
    case 'PARTNERSHIP':
      return {
        ...common, organisation: { id: expect.any(String), name: input.organisation }, department: input.department ?? null,
        sector: input.sector ?? null, ...country(input.country), piContribution: input.piContribution ?? null,
        partnerContribution: input.partnerContribution ?? null, startYear: input.startYear ?? null, endYear: input.endYear ?? null,
        active: input.active ?? null, formalAgreement: input.formalAgreement ?? null,
      };
    case 'RESEARCH_MATERIAL':
      return {
        ...common, materialType: input.materialType, providedToOthers: input.providedToOthers ?? null,
        yearProduced: input.yearProduced ?? null, doi: input.doi ?? null,
      };
    case 'IMPACT_NARRATIVE':
      return {
        ...common, firstYearOfImpact: input.firstYearOfImpact ?? null, sectors: input.sectors ?? [],
        narrativeImpactTypes: input.impactTypes ?? [],
      };
    default:
      throw new Error(`unknown type ${type}`);
  }
}

describe('the GtR fixture ES/J008435/1 recorded through GraphQL', () => {
  it('records the award header as the page gives it', async () => {
    const { award } = parseGtrText(GTR_FIXTURE);
    const data = await t.ok(
      `query($ref: String!) { award(reference: $ref) { reference title department abstract plannedImpact version status
        funder { name } leadOrganisation { name } value { amount } members { role } } }`,
      { ref: FIXTURE_REFERENCE },
    );
    expect(data.award).toEqual({
      reference: 'ES/J008435/1',
      title: 'The role of mutuals in public service innovation',
      department: 'Business School',
      abstract: award.abstract,
      plannedImpact: award.plannedImpact,
      version: 1,
      status: 'ACTIVE',
      funder: { name: 'ESRC' },
      leadOrganisation: { name: 'Middlesex University' },
      value: null,
      members: [],
    });
    expect(award.abstract!.length).toBeGreaterThan(500);
    expect(award.plannedImpact!.length).toBeGreaterThan(500);
  });

  it('records all 47 outcomes: 30 engagement, 8 funding, 3 policy, 4 partnerships, 1 material, 1 narrative', async () => {
    const counts = Object.fromEntries(Object.entries(loaded.byType).map(([k, v]) => [k, v.length]));
    expect(counts).toEqual({
      ENGAGEMENT_ACTIVITY: 30, FURTHER_FUNDING: 8, POLICY_INFLUENCE: 3, PARTNERSHIP: 4, RESEARCH_MATERIAL: 1, IMPACT_NARRATIVE: 1,
    });
    expect(new Set(loaded.outcomeIds).size).toBe(47);
    const perType = await t.ok(`{
      all: outcomes(take: 100) { totalItems }
      e: outcomes(filter: { types: [ENGAGEMENT_ACTIVITY] }) { totalItems }
      f: outcomes(filter: { types: [FURTHER_FUNDING] }) { totalItems }
      p: outcomes(filter: { types: [POLICY_INFLUENCE] }) { totalItems }
      c: outcomes(filter: { types: [PARTNERSHIP] }) { totalItems }
      m: outcomes(filter: { types: [RESEARCH_MATERIAL] }) { totalItems }
      n: outcomes(filter: { types: [IMPACT_NARRATIVE] }) { totalItems }
    }`);
    expect(Object.fromEntries(Object.entries(perType).map(([k, v]: [string, any]) => [k, v.totalItems]))).toEqual({
      all: 47, e: 30, f: 8, p: 3, c: 4, m: 1, n: 1,
    });
    const [rows] = await t.sql(`SELECT (SELECT count(*)::int FROM outcome) AS outcomes, (SELECT count(*)::int FROM outcome_award) AS links,
      (SELECT count(*)::int FROM audit_event WHERE action = 'CREATE' AND entity_type = 'Outcome') AS audits`);
    expect(rows).toEqual({ outcomes: 47, links: 47, audits: 47 });
  });

  it('reads every outcome back field for field as it was given', async () => {
    const inputs = fixtureOutcomes();
    expect(inputs).toHaveLength(47);
    for (const [i, { type, input }] of inputs.entries()) {
      const { outcome } = await t.ok(OUTCOME_QUERY, { id: loaded.outcomeIds[i] });
      expect({ i, ...outcome }).toEqual({
        i,
        id: loaded.outcomeIds[i],
        ...expected(type, input),
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/),
        updatedAt: outcome.createdAt,
      });
      const created = Date.parse(outcome.createdAt);
      expect(created).toBeGreaterThanOrEqual(startedAt);
      expect(created).toBeLessThanOrEqual(finishedAt);
    }
  });

  it('keeps the exact amounts and the countries as given, with their ISO codes', async () => {
    const { outcomes } = await t.ok(`{ outcomes(filter: { types: [FURTHER_FUNDING] }, take: 100) {
      items { ... on FurtherFunding { amount { amount currency } organisation { name } country countryCode start end } } } }`);
    const byAmount = Object.fromEntries(outcomes.items.map((o: any) => [`${o.amount.currency} ${o.amount.amount}`, o]));
    expect(Object.keys(byAmount).sort()).toEqual([
      'EUR 2344500.00', 'GBP 10000.00', 'GBP 196900.00', 'GBP 24000.00', 'GBP 4755356.00', 'GBP 53800.00', 'GBP 54000.00', 'GBP 64560.00',
    ]);
    expect(byAmount['GBP 4755356.00']).toEqual({
      amount: { amount: '4755356.00', currency: 'GBP' },
      organisation: { name: 'Economic and Social Research Council' },
      country: 'United Kingdom', countryCode: 'GB', start: '2016-01', end: '2020-12',
    });
    expect(byAmount['EUR 2344500.00']).toMatchObject({ organisation: { name: 'European Commission' }, country: 'European Union (EU)', countryCode: null });
    expect(byAmount['GBP 54000.00']).toMatchObject({ organisation: { name: 'Médecins Sans Frontières (MSF)' }, country: 'France', countryCode: 'FR' });
    const [{ amount }] = await t.sql(`SELECT amount::text FROM further_funding_detail WHERE amount = 4755356`);
    expect(amount).toBe('4755356.00');
  });

  it('names each organisation once: Youth Business International funds and partners through one row', async () => {
    const rows = await t.sql(`SELECT name FROM organisation WHERE name_key = 'youth business international'`);
    expect(rows).toEqual([{ name: 'Youth Business International' }]);
    const data = await t.ok(`{ outcomes(take: 100) { items {
      ... on FurtherFunding { organisation { id name } } ... on Partnership { organisation { id name } } } } }`);
    const ids = new Set(data.outcomes.items.filter((o: any) => o.organisation?.name === 'Youth Business International').map((o: any) => o.organisation.id));
    expect(ids.size).toBe(1);
  });

  it('attributes every outcome to the award and audits each creation with its actor', async () => {
    const { me } = await t.ok('{ me { email } }');
    const trail = await t.ok('query($id: ID!) { auditTrail(entityId: $id) { totalItems items { action actor entityType entityId before after } } }', {
      id: loaded.byType.FURTHER_FUNDING[0],
    });
    expect(trail.auditTrail.totalItems).toBe(1);
    expect(trail.auditTrail.items[0]).toMatchObject({
      action: 'CREATE', actor: me.email, entityType: 'Outcome', entityId: loaded.byType.FURTHER_FUNDING[0], before: null,
      after: { amount: { amount: '4755356.00', currency: 'GBP' }, awards: [FIXTURE_REFERENCE] },
    });
    const data = await t.ok('query($refs: [String!]) { outcomes(filter: { awardReferences: $refs }, take: 100) { totalItems } }', {
      refs: ['es/j008435/1'],
    });
    expect(data.outcomes.totalItems).toBe(47);
  });
});
