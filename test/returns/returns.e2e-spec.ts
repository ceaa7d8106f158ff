import { canonicalJson, sha256 } from '../../src/common/canonical-json.js';
import { parseGtrText } from '../../src/interchange/gtr-text/index.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { FIXTURE_REFERENCE, loadGtrFixture } from '../support/fixture.js';
import { createOrganisation, createUserWithToken } from '../support/users.js';

let t: TestApp;
let periodId: string;
let fixture: Awaited<ReturnType<typeof loadGtrFixture>>;
const DAY = 86_400_000;

const DRAFT = `query($ref: String!, $p: ID!) { annualReturn(awardReference: $ref, periodId: $p) {
  award { reference } period { name } changes { new updated unchanged removed }
  outcomes { changeStatus outcome { id type version } } warnings { outcomeId field message }
  summary { engagement { total } outcomeCounts { type count } } fundingTotals { count byCurrency { amount currency } }
  lastSubmitted { id version } } }`;
const SUBMIT = `mutation($ref: String!, $p: ID!, $why: String) { submitAnnualReturn(awardReference: $ref, periodId: $p, overrideReason: $why) {
  id version checksum submittedBy overrideReason snapshot award { reference } period { id } } }`;

async function period(name: string, opensAt: Date, closesAt: Date): Promise<string> {
  const d = await t.ok('mutation($i: ReportingPeriodInput!) { createReportingPeriod(input: $i) { id } }', {
    i: { name, opensAt, closesAt, coversFrom: '2012-01-01T00:00:00Z', coversTo: '2020-03-31T23:59:59Z' },
  });
  return d.createReportingPeriod.id;
}

beforeAll(async () => {
  t = await startTestApp();
  fixture = await loadGtrFixture(t);
  periodId = await period('Researchfish 2026', new Date(Date.now() - DAY), new Date(Date.now() + 30 * DAY));
});
afterAll(() => t.close());

describe('annual returns', () => {
  let first: { id: string; checksum: string; snapshot: unknown };

  it('drafts every attributed outcome as NEW, with the summary figures and warnings', async () => {
    const { annualReturn: r } = await t.ok(DRAFT, { ref: FIXTURE_REFERENCE, p: periodId });
    expect(r.changes).toEqual({ new: 47, updated: 0, unchanged: 0, removed: 0 });
    expect(r.outcomes).toHaveLength(47);
    expect(r.summary.engagement.total).toBe(30);
    expect(r.fundingTotals.byCurrency).toEqual([{ amount: '2344500.00', currency: 'EUR' }, { amount: '5158616.00', currency: 'GBP' }]);
    expect(r.lastSubmitted).toBeNull();
    for (const w of r.warnings) expect(fixture.outcomeIds).toContain(w.outcomeId);
  });

  it('submits a frozen snapshot with the SHA-256 of its canonical JSON', async () => {
    const { submitAnnualReturn: s } = await t.ok(SUBMIT, { ref: FIXTURE_REFERENCE, p: periodId });
    expect(s).toMatchObject({ version: 1, overrideReason: null, award: { reference: FIXTURE_REFERENCE }, period: { id: periodId } });
    expect(s.checksum).toBe(sha256(canonicalJson(s.snapshot)));
    first = s;
  });

  it('shows exactly what changed since, while the submitted return never changes', async () => {
    const [editId] = fixture.byType.ENGAGEMENT_ACTIVITY;
    await t.ok('mutation($id: ID!) { updateEngagementActivity(id: $id, expectedVersion: 1, input: { audienceSize: 120 }) { id } }', { id: editId });
    await t.ok('mutation($r: [String!]!) { createPolicyInfluence(awardReferences: $r, input: { description: "Cited by DCMS", influenceType: CITATION_IN_OTHER_POLICY_DOCUMENTS }) { id } }', { r: [FIXTURE_REFERENCE] });
    const { annualReturn: r } = await t.ok(DRAFT, { ref: FIXTURE_REFERENCE, p: periodId });
    expect(r.changes).toEqual({ new: 1, updated: 1, unchanged: 46, removed: 0 });
    expect(r.outcomes.find((o: { outcome: { id: string } }) => o.outcome.id === editId).changeStatus).toBe('UPDATED');
    expect(r.lastSubmitted).toEqual({ id: first.id, version: 1 });
    const again = await t.ok('query($id: ID!) { submittedReturn(id: $id) { checksum snapshot } }', { id: first.id });
    expect(again.submittedReturn).toEqual({ checksum: first.checksum, snapshot: first.snapshot });
  });

  it('lists deleted outcomes as REMOVED, as they were submitted', async () => {
    const removedId = fixture.byType.RESEARCH_MATERIAL[0];
    await t.ok('mutation($id: ID!) { deleteOutcome(id: $id, expectedVersion: 1) { id } }', { id: removedId });
    const { annualReturn: r } = await t.ok(DRAFT, { ref: FIXTURE_REFERENCE, p: periodId });
    expect(r.changes).toEqual({ new: 1, updated: 1, unchanged: 45, removed: 1 });
    const removed = r.outcomes.find((o: { changeStatus: string }) => o.changeStatus === 'REMOVED');
    expect(removed.outcome).toEqual({ id: removedId, type: 'RESEARCH_MATERIAL', version: 1 });
  });

  it('adds a version when submitted again and keeps the old one', async () => {
    const { submitAnnualReturn: s } = await t.ok(SUBMIT, { ref: FIXTURE_REFERENCE, p: periodId });
    expect(s.version).toBe(2);
    const list = await t.ok('query($ref: String!) { submittedReturns(awardReference: $ref) { id version checksum } }', { ref: FIXTURE_REFERENCE });
    expect(list.submittedReturns.map((x: { version: number }) => x.version)).toEqual([2, 1]);
    expect(list.submittedReturns[1].checksum).toBe(first.checksum);
    const { annualReturn: r } = await t.ok(DRAFT, { ref: FIXTURE_REFERENCE, p: periodId });
    expect(r.changes).toEqual({ new: 0, updated: 0, unchanged: 47, removed: 0 });
  });

  it('refuses a closed period unless an admin gives a reason, which is kept', async () => {
    const closed = await period('Researchfish 2024', new Date(Date.now() - 90 * DAY), new Date(Date.now() - 60 * DAY));
    const refused = await t.gql(SUBMIT, { ref: FIXTURE_REFERENCE, p: closed });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { submitAnnualReturn: s } = await t.ok(SUBMIT, { ref: FIXTURE_REFERENCE, p: closed, why: 'Funder extension granted by e-mail' });
    expect(s).toMatchObject({ version: 1, overrideReason: 'Funder extension granted by e-mail' });
    const bad = await t.gql(SUBMIT, { ref: 'NO/SUCH/1', p: periodId });
    expect(bad.errors?.[0].extensions?.fields).toEqual([{ path: 'awardReference', message: 'unknown award reference "NO/SUCH/1"' }]);
  });

  it('renders json, csv, markdown, GtR text and HTML, over GraphQL and HTTP', async () => {
    const q = `query($id: ID!) { submittedReturn(id: $id) { snapshot json: rendered(format: JSON) csv: rendered(format: CSV)
      md: rendered(format: MARKDOWN) gtr: rendered(format: GTR_TEXT) html: rendered(format: HTML) } }`;
    const { submittedReturn: r } = await t.ok(q, { id: first.id });
    expect(JSON.parse(r.json)).toEqual(r.snapshot);
    expect(r.csv).toContain('Engagement activity');
    expect(r.md).toMatch(/^# Annual return: ES\/J008435\/1/);
    expect(parseGtrText(r.gtr).outcomes).toHaveLength(47);
    expect(r.html).toContain('<svg');
    const res = await fetch(`${t.baseUrl}/returns/${first.id}?format=html`, { headers: { authorization: `Bearer ${t.adminToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toBe(r.html);
    expect((await fetch(`${t.baseUrl}/returns/${first.id}?format=html`)).status).toBe(401);
    const draft = await fetch(`${t.baseUrl}/returns/draft?award=${encodeURIComponent(FIXTURE_REFERENCE)}&period=${periodId}&format=csv`, {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(draft.status).toBe(200);
    expect(await draft.text()).toContain('changeStatus');
  });

  it('shows drafts to the team and impact officers, submitted returns also to the funder, nothing to others', async () => {
    const esrc = (await t.ok('{ award(reference: "ES/J008435/1") { funder { id } leadOrganisation { id } } }')).award;
    const funder = await createUserWithToken(t, 'FUNDER', esrc.funder.id);
    const officer = await createUserWithToken(t, 'IMPACT_OFFICER', esrc.leadOrganisation.id);
    const stranger = await createUserWithToken(t, 'IMPACT_OFFICER', await createOrganisation(t, 'Elsewhere University'));
    expect((await t.gql(DRAFT, { ref: FIXTURE_REFERENCE, p: periodId }, funder.token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(DRAFT, { ref: FIXTURE_REFERENCE, p: periodId }, officer.token)).errors).toBeUndefined();
    expect((await t.gql(DRAFT, { ref: FIXTURE_REFERENCE, p: periodId }, stranger.token)).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const seen = await t.ok('query($id: ID!) { submittedReturn(id: $id) { id } }', { id: first.id }, funder.token);
    expect(seen.submittedReturn).toEqual({ id: first.id });
    expect((await t.ok('query($id: ID!) { submittedReturn(id: $id) { id } }', { id: first.id }, stranger.token)).submittedReturn).toBeNull();
  });

  it('rolls up a portfolio: every award in scope with its submission, shared outcomes counted once', async () => {
    const lead = (await t.ok('{ award(reference: "ES/J008435/1") { leadOrganisation { id } } }')).award.leadOrganisation.id;
    await t.ok('mutation($i: AwardInput!) { createAward(input: $i) { id } }', { i: { reference: 'ES/X000001/1', title: 'Second', leadOrganisation: 'Middlesex University', funder: 'ESRC' } });
    const shared = fixture.byType.FURTHER_FUNDING[0];
    await t.ok('mutation($id: ID!) { attributeOutcome(id: $id, awardReferences: ["ES/X000001/1"]) { id } }', { id: shared });
    const q = `query($p: ID!, $o: ID) { portfolioReturn(periodId: $p, organisationId: $o) { awards { award { reference } submitted { version } changes { new unchanged } }
      fundingTotals { count byCurrency { amount currency } } summary { outcomeCounts { type count } } } }`;
    const { portfolioReturn: p } = await t.ok(q, { p: periodId, o: lead });
    expect(p.awards.map((a: { award: { reference: string } }) => a.award.reference)).toEqual(['ES/J008435/1', 'ES/X000001/1']);
    expect(p.awards[0].submitted).toEqual({ version: 2 });
    expect(p.awards[1]).toMatchObject({ submitted: null, changes: { new: 1, unchanged: 0 } });
    expect(p.fundingTotals.count).toBe(8);
    const none = await t.gql(q, { p: periodId, o: null });
    expect(none.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
