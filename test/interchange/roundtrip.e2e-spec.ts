import { startTestApp, type TestApp } from '../support/app.js';
import { FIXTURE_REFERENCE, GTR_FIXTURE } from '../support/fixture.js';
import { exportFile, importFile } from './support.js';

// Two fresh databases: the fixture goes into the first, its GTR_TEXT export into the second.
let first: TestApp;
let second: TestApp;
beforeAll(async () => {
  [first, second] = await Promise.all([startTestApp(), startTestApp()]);
});
afterAll(() => Promise.all([first.close(), second.close()]));

const OUTCOME_FIELDS = `__typename type title description impact url externalIds sourceFields version awards { reference }
  ... on EngagementActivity { form primaryAudience otherAudiences geographicReach partOfOfficialScheme typeOfPresentation years audienceSize }
  ... on FurtherFunding { amount { amount currency } fundingType fundingId organisation { name sector country } department sector country countryCode start end }
  ... on PolicyInfluence { influenceType policyReach: geographicReach country countryCode firstYear guidelineTitle areas policyImpactTypes: impactTypes }
  ... on Partnership { organisation { name } department sector country countryCode piContribution partnerContribution startYear endYear active formalAgreement }
  ... on ResearchMaterial { materialType providedToOthers yearProduced doi }
  ... on ImpactNarrative { firstYearOfImpact sectors impactTypes }`;

/** Every field of every outcome of the award, in a stable order (ids and timestamps differ between databases). */
async function everything(t: TestApp): Promise<unknown> {
  const { award } = await t.ok(`{ award(reference: "${FIXTURE_REFERENCE}") { reference title department abstract plannedImpact
    funder { name } leadOrganisation { name } } }`);
  const items: unknown[] = [];
  for (let skip = 0; ; skip += 100) {
    const { outcomes } = await t.ok(`query($skip: Int!) { outcomes(skip: $skip, take: 100) { totalItems items { ${OUTCOME_FIELDS} } } }`, { skip });
    items.push(...outcomes.items);
    if (skip + 100 >= outcomes.totalItems) break;
  }
  const sorted = items.map((o) => JSON.stringify(o)).sort();
  return { award, outcomes: sorted.map((s) => JSON.parse(s)) };
}

describe('GTR_TEXT import → export → import', () => {
  it('is a fixed point: the second database holds exactly what the first does', async () => {
    expect((await importFile(first, { format: 'GTR_TEXT', content: GTR_FIXTURE, awardReference: FIXTURE_REFERENCE })).created).toBe(47);
    const exported = await exportFile(first, 'GTR_TEXT', { awardReferences: [FIXTURE_REFERENCE] });
    const report = await importFile(second, { format: 'GTR_TEXT', content: exported, awardReference: FIXTURE_REFERENCE });
    expect(report).toMatchObject({ created: 47, awardsCreated: 1, problems: [], dataQuality: [] });
    const a = await everything(first);
    const b = await everything(second);
    expect((a as { outcomes: unknown[] }).outcomes).toHaveLength(47);
    expect(b).toEqual(a);
    // And the text itself: exporting the copy gives the same page, outcomes in the page's order.
    expect(await exportFile(second, 'GTR_TEXT', { awardReferences: [FIXTURE_REFERENCE] })).toBe(exported);
    // Re-importing the export where it came from changes nothing.
    expect(await importFile(first, { format: 'GTR_TEXT', content: exported, awardReference: FIXTURE_REFERENCE })).toMatchObject({ created: 0, unchanged: 47 });
  });

  it('exports the page in the GtR layout, outcomes in the order of the original page', async () => {
    const exported = await exportFile(first, 'GTR_TEXT', { awardReferences: [FIXTURE_REFERENCE] });
    expect(exported).toMatch(/^The role of mutuals in public service innovation\n\nLead Research Organisation: Middlesex University\nDepartment Name: Business School\n\nAbstract\n/);
    const descriptions = (text: string) => text.split('\n').filter((l) => l.startsWith('Description ')).map((l) => l.trim());
    expect(descriptions(exported)).toEqual(descriptions(GTR_FIXTURE));
    expect(exported.endsWith('\n')).toBe(false);
  });

  it('needs exactly one award for GTR_TEXT', async () => {
    const res = await first.gql('{ exportOutcomes(format: GTR_TEXT) }');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'filter.awardReferences' }] });
  });
});
