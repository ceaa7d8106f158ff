// Pathways to impact: the fixture award's Planned Impact text as plan items, and what delivered them.
import { startTestApp, type TestApp } from '../support/app.js';
import { FIXTURE_REFERENCE, GTR_FIXTURE, loadGtrFixture } from '../support/fixture.js';
import { ADD_PLAN_ITEM, castOf, codeOf, fieldsOf, LINK, PROGRESS, type Cast } from './support.js';

let t: TestApp;
let fixture: Awaited<ReturnType<typeof loadGtrFixture>>;
let cast: Cast;
const plan: Record<string, string> = {};

/** The plan as the award's "Planned Impact" section states it: who benefits, and what will be done for them. */
const PLAN = [
  { key: 'briefings', says: 'Policy briefing papers will also be prepared', input: { beneficiaryGroup: 'Policy makers', description: 'National and local policy makers, commissioners, advisors, lobby groups and think tanks develop policies on a rigorous evidence base.', plannedActivity: 'Policy briefing papers drawing out key findings and recommendations; small policy circles with the Mutuals Task Force and Right to Provide teams', targetYear: 2013 } },
  { key: 'advisory', says: 'An Advisory Group will be established', input: { beneficiaryGroup: 'Government departments and support organisations', description: 'Key stakeholders shape the research and share the learning.', plannedActivity: 'An Advisory Group', targetYear: 2012 } },
  { key: 'events', says: 'Events for linking users with the research findings will be set up at two points in the project', input: { beneficiaryGroup: 'Service providers', description: 'Existing mutuals and those thinking of becoming mutuals learn how to innovate and manage its risks.', plannedActivity: 'Events linking users with the findings, at two points in the project', targetYear: 2013 } },
  { key: 'media', says: 'prepared in accessible ways for different forms of media, online and the press', input: { beneficiaryGroup: 'Service users', description: 'Bodies representing patients and other users of services hear what the research found.', plannedActivity: 'Accessible results for media, online and the press' } },
  { key: 'support', says: 'Employee Ownership Association and Cooperatives UK', input: { beneficiaryGroup: 'Support providers', description: 'Advisors, professional firms and unions develop more appropriate assistance.', plannedActivity: 'Work with membership groups such as the Employee Ownership Association and Cooperatives UK', targetYear: 2014 } },
];

beforeAll(async () => {
  t = await startTestApp();
  fixture = await loadGtrFixture(t);
  cast = await castOf(t);
});
afterAll(() => t.close());

describe('impact plans', () => {
  it("builds the award's plan from its Planned Impact text, listed beside plannedImpact", async () => {
    for (const { key, says, input } of PLAN) {
      expect(GTR_FIXTURE).toContain(says);
      const { addImpactPlanItem: item } = await t.ok(ADD_PLAN_ITEM, { ref: FIXTURE_REFERENCE, input }, cast.officer);
      expect(item).toMatchObject({ ...input, targetYear: input.targetYear ?? null });
      plan[key] = item.id;
    }
    const { award } = await t.ok('query($r: String!) { award(reference: $r) { plannedImpact impactPlan { id beneficiaryGroup } } }', { r: FIXTURE_REFERENCE }, cast.funder);
    expect(award.plannedImpact).toContain('Who will benefit?');
    expect(award.impactPlan.map((i: { id: string }) => i.id)).toEqual(PLAN.map((p) => plan[p.key]));
  });

  it('links the three policy influences to the policy-briefings item, once however often they are linked', async () => {
    const influences = fixture.byType.POLICY_INFLUENCE;
    expect(influences).toHaveLength(3);
    for (const id of [...influences, influences[0]]) {
      expect((await t.ok(LINK, { o: id, p: plan.briefings }, cast.member)).linkOutcomeToPlan.id).toBe(plan.briefings);
    }
    const { pathwayProgress: p } = await t.ok(PROGRESS, { ref: FIXTURE_REFERENCE }, cast.officer);
    expect(p.award.reference).toBe(FIXTURE_REFERENCE);
    expect(p.items.map((i: { id: string }) => i.id)).toEqual(PLAN.map((x) => plan[x.key]));
    const briefings = p.items.find((i: { id: string }) => i.id === plan.briefings);
    expect(briefings.item.id).toBe(plan.briefings);
    expect(briefings.delivered.map((o: { id: string }) => o.id).sort()).toEqual([...influences].sort());
    expect(briefings.delivered.every((o: { type: string }) => o.type === 'POLICY_INFLUENCE')).toBe(true);
    const events = p.items.find((i: { id: string }) => i.id === plan.events);
    expect(events).toMatchObject({ item: { beneficiaryGroup: 'Service providers' }, delivered: [] });
  });

  it('audits every write, and a repeated link is no write', async () => {
    const rows = await t.sql(
      `SELECT action, count(*)::int AS n FROM audit_event WHERE entity_type = 'ImpactPlanItem' GROUP BY action ORDER BY action`,
    );
    expect(rows).toEqual([{ action: 'ATTRIBUTE', n: 3 }, { action: 'CREATE', n: 5 }]);
  });

  it('drops an outcome from the progress once it is deleted, and counts plan progress in the annual return', async () => {
    const [gone] = fixture.byType.POLICY_INFLUENCE;
    await t.ok('mutation($id: ID!) { deleteOutcome(id: $id, expectedVersion: 1) { id } }', { id: gone });
    const { pathwayProgress: p } = await t.ok(PROGRESS, { ref: FIXTURE_REFERENCE });
    expect(p.items.find((i: { id: string }) => i.id === plan.briefings).delivered).toHaveLength(2);
    expect((await t.gql(LINK, { o: gone, p: plan.events })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await t.ok('mutation($id: ID!) { restoreOutcome(id: $id) { id } }', { id: gone });

    const DAY = 86_400_000;
    const { createReportingPeriod: period } = await t.ok('mutation($i: ReportingPeriodInput!) { createReportingPeriod(input: $i) { id } }', {
      i: { name: 'Researchfish 2026', opensAt: new Date(Date.now() - DAY), closesAt: new Date(Date.now() + DAY), coversFrom: '2012-01-01T00:00:00Z', coversTo: '2020-03-31T23:59:59Z' },
    });
    const { annualReturn: r } = await t.ok(
      `query($ref: String!, $p: ID!) { annualReturn(awardReference: $ref, periodId: $p) {
        planProgress { id beneficiaryGroup plannedActivity targetYear delivered } md: rendered(format: MARKDOWN) html: rendered(format: HTML) csv: rendered(format: CSV) } }`,
      { ref: FIXTURE_REFERENCE, p: period.id },
      cast.officer,
    );
    expect(r.planProgress.map((i: { id: string; delivered: number }) => [i.id, i.delivered])).toEqual(PLAN.map((x) => [plan[x.key], x.key === 'briefings' ? 3 : 0]));
    expect(r.md).toContain('## Pathways to impact: planned and delivered');
    expect(r.md).toMatch(/\| Policy makers \| Policy briefing papers[^|]*\| 2013 \| 3 \|/);
    expect(r.md).toContain('| Service providers | Events linking users with the findings, at two points in the project | 2013 | 0 (undelivered) |');
    expect(r.html).toContain('<h2>Pathways to impact: planned and delivered</h2>');
    expect(r.csv).toContain('Impact plan');
  });
});

describe('who may plan', () => {
  const input = { beneficiaryGroup: 'Think tanks', description: 'Read the briefings.' };

  it('lets readers see progress, but only the team, impact officers and admins change the plan', async () => {
    expect((await t.ok(PROGRESS, { ref: FIXTURE_REFERENCE }, cast.funder)).pathwayProgress.items).toHaveLength(5);
    expect(codeOf(await t.gql(ADD_PLAN_ITEM, { ref: FIXTURE_REFERENCE, input }, cast.funder))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ADD_PLAN_ITEM, { ref: FIXTURE_REFERENCE, input }, cast.outsider))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(LINK, { o: fixture.byType.IMPACT_NARRATIVE[0], p: plan.media }, cast.funder))).toBe('FORBIDDEN');
  });

  it('answers another organisation as if the award and plan did not exist', async () => {
    const named = await t.gql(ADD_PLAN_ITEM, { ref: FIXTURE_REFERENCE, input }, cast.stranger);
    expect(named.errors?.[0].extensions?.fields).toEqual([{ path: 'awardReference', message: 'unknown award reference "ES/J008435/1"' }]);
    expect(fieldsOf(await t.gql(PROGRESS, { ref: FIXTURE_REFERENCE }, cast.stranger))).toEqual(['awardReference']);
    expect(codeOf(await t.gql(LINK, { o: fixture.byType.IMPACT_NARRATIVE[0], p: plan.media }, cast.stranger))).toBe('NOT_FOUND');
    const { award } = await t.ok('query($r: String!) { award(reference: $r) { id } }', { r: FIXTURE_REFERENCE }, cast.stranger);
    expect(award).toBeNull();
  });

  it('links only outcomes of the plan item\'s own award, and unknown ids are NOT_FOUND', async () => {
    await t.ok('mutation { createAward(input: { reference: "ES/X000009/1", title: "Other award", leadOrganisation: "Middlesex University" }) { id } }');
    const { createPolicyInfluence: other } = await t.ok(
      'mutation { createPolicyInfluence(awardReferences: ["ES/X000009/1"], input: { description: "Elsewhere", influenceType: CITATION_IN_OTHER_POLICY_DOCUMENTS }) { id } }',
    );
    const res = await t.gql(LINK, { o: other.id, p: plan.media }, cast.officer);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(res)).toEqual(['outcomeId']);
    expect(codeOf(await t.gql(LINK, { o: '00000000-0000-0000-0000-000000000000', p: plan.media }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(LINK, { o: fixture.byType.IMPACT_NARRATIVE[0], p: 'not-an-id' }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(LINK, { o: 'not-an-id', p: plan.media }))).toBe('NOT_FOUND');
  });

  it('checks every field of a plan item and writes nothing when one is wrong', async () => {
    const before = await t.sql('SELECT count(*)::int AS n FROM impact_plan_item');
    const bad = { beneficiaryGroup: '   ', description: 'x'.repeat(5001), plannedActivity: 'y'.repeat(2001), targetYear: 1899 };
    const res = await t.gql(ADD_PLAN_ITEM, { ref: FIXTURE_REFERENCE, input: bad }, cast.officer);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect([...new Set(fieldsOf(res))]).toEqual(['input.beneficiaryGroup', 'input.description', 'input.plannedActivity', 'input.targetYear']);
    expect(fieldsOf(await t.gql(ADD_PLAN_ITEM, { ref: FIXTURE_REFERENCE, input: { ...input, targetYear: 2101 } }))).toEqual(['input.targetYear']);
    expect(await t.sql('SELECT count(*)::int AS n FROM impact_plan_item')).toEqual(before);
  });
});
