// Corroborating evidence from the team's written evidence (PUB0010), its confidentiality, and the case-study draft.
import { startTestApp, type TestApp } from '../support/app.js';
import { FIXTURE_REFERENCE, loadGtrFixture } from '../support/fixture.js';
import { ADD_EVIDENCE, CASE_STUDY, castOf, codeOf, EVIDENCE, fieldsOf, WRITTEN_EVIDENCE, type Cast } from './support.js';

let t: TestApp;
let fixture: Awaited<ReturnType<typeof loadGtrFixture>>;
let cast: Cast;
const DAY = 86_400_000;

/** Verbatim from the written evidence: the test checks each is really there. */
const NURSE = 'being able to use your initiative, to actually develop things that people want and need without the red tape';
const CEO_1 = 'Commissioners like the things like this that help keep their paymasters off their back, and look good.';
const CEO_6 = "We haven't explicitly looked for permission.";
const COMMISSIONER = 'Our ability to fund things outside of a competitive process in the future are going to be severely restricted by the government’s proposals.';
const CONFIDENTIAL_SUMMARY = 'A commissioner on austerity restricting innovation funded outside competitive tendering';

function items() {
  const [narrative] = fixture.byType.IMPACT_NARRATIVE;
  const [briefing, dance, nesta] = fixture.byType.POLICY_INFLUENCE;
  const [partnership] = fixture.byType.PARTNERSHIP;
  return [
    { awardReference: FIXTURE_REFERENCE, kind: 'DOCUMENT', outcomeIds: [briefing, nesta], summary: 'Written evidence PUB0010 to a parliamentary inquiry on mutuals in public services, drawing on the 30 case studies', sourceOrganisation: 'Middlesex University Business School', date: '2013-11' },
    { awardReference: FIXTURE_REFERENCE, kind: 'QUOTE', outcomeIds: [narrative], summary: 'Frontline staff describe the freedom to innovate after spinning out', quote: NURSE, sourceRole: 'Nurse, case 4', date: '2013' },
    { awardReference: FIXTURE_REFERENCE, kind: 'QUOTE', outcomeIds: [narrative, dance], summary: 'A CEO on how commissioners value innovation that helps them', quote: CEO_1, sourceRole: 'CEO, case 1', url: 'https://gtr.ukri.org/projects?ref=ES%2FJ008435%2F1' },
    { awardReference: FIXTURE_REFERENCE, kind: 'TESTIMONIAL', outcomeIds: [narrative], summary: CONFIDENTIAL_SUMMARY, quote: COMMISSIONER, sourceRole: 'Commissioner', confidential: true },
    { awardReference: FIXTURE_REFERENCE, kind: 'QUOTE', outcomeIds: [partnership], summary: 'A CEO on innovating under the radar before spinning out', quote: CEO_6, sourceRole: 'CEO, case 6', date: '2013-11-01' },
  ];
}

beforeAll(async () => {
  t = await startTestApp();
  fixture = await loadGtrFixture(t);
  cast = await castOf(t);
});
afterAll(() => t.close());

describe('evidence', () => {
  it('records quotes and documents from the written evidence against the award and its outcomes', async () => {
    for (const input of items()) {
      if (input.quote) expect(WRITTEN_EVIDENCE).toContain(input.quote);
      const { addEvidence: e } = await t.ok(ADD_EVIDENCE, { input }, cast.officer);
      expect(e).toMatchObject({ kind: input.kind, summary: input.summary, confidential: input.confidential ?? false, sourceRole: input.sourceRole ?? null });
      expect(e.outcomes.map((o: { id: string }) => o.id).sort()).toEqual([...input.outcomeIds].sort());
    }
    const audited = await t.sql(`SELECT count(*)::int AS n FROM audit_event WHERE entity_type = 'Evidence' AND action = 'CREATE'`);
    expect(audited).toEqual([{ n: 5 }]);
  });

  it("shows confidential evidence to the award's team and impact officers only", async () => {
    const seen = async (token: string) => (await t.ok(EVIDENCE, { ref: FIXTURE_REFERENCE }, token)).evidence;
    for (const token of [cast.officer, cast.member, t.adminToken]) {
      const list = await seen(token);
      expect(list).toHaveLength(5);
      expect(list.filter((e: { confidential: boolean }) => e.confidential).map((e: { quote: string }) => e.quote)).toEqual([COMMISSIONER]);
    }
    for (const token of [cast.funder, cast.outsider]) {
      const list = await seen(token);
      expect(list).toHaveLength(4);
      expect(JSON.stringify(list)).not.toContain('Our ability to fund things');
    }
    expect(fieldsOf(await t.gql(EVIDENCE, { ref: FIXTURE_REFERENCE }, cast.stranger))).toEqual(['awardReference']);
  });

  it('keeps confidential evidence out of what the funder can reach through the audit trail', async () => {
    const { award } = await t.ok('query($r: String!) { award(reference: $r) { id } }', { r: FIXTURE_REFERENCE });
    const trail = await t.ok('query($id: ID!) { auditTrail(entityId: $id, take: 100) { items { after } } }', { id: award.id }, cast.funder);
    expect(JSON.stringify(trail)).not.toContain('Our ability to fund things');
    const [confidential] = await t.sql('SELECT id FROM evidence WHERE confidential');
    const own = await t.ok('query($id: ID!) { auditTrail(entityId: $id) { totalItems } }', { id: confidential.id }, cast.funder);
    expect(own.auditTrail.totalItems).toBe(0);
  });
});

describe('the impact case study', () => {
  it('drafts the REF sections, with figures from the summaries and the evidence as sources', async () => {
    const { impactCaseStudy: cs } = await t.ok(CASE_STUDY, { ref: FIXTURE_REFERENCE }, cast.officer);
    const headings = cs.markdown.split('\n').filter((l: string) => l.startsWith('## '));
    expect(headings).toEqual(['## Summary of the impact', '## Underpinning research', '## Details of the impact', '## Sources to corroborate the impact']);
    expect(cs.markdown).toContain('A new project was funded by the Department for Digital, Culture, Media & Sport (DCMS)');
    expect(cs.markdown).toContain('The role of mutuals in public service innovation');
    expect(cs.markdown).toContain('- **Funder:** ESRC');
    expect(cs.markdown).toContain('3 influences recorded. By type:');
    expect(cs.markdown).toMatch(/30 engagement activities recorded\. By primary audience: /);
    expect(cs.markdown).toContain('| Primary audience | Geographic reach | Activities |');
    const sources = cs.markdown.slice(cs.markdown.indexOf('## Sources to corroborate the impact'));
    const numbered = sources.split('\n').filter((l: string) => /^\d+\. /.test(l));
    expect(numbered).toHaveLength(5);
    expect(sources).toContain(NURSE);
    expect(sources).toContain(CEO_1.replace(/\.$/, ''));
    expect(sources).toContain('[https://gtr.ukri.org/projects?ref=ES%2FJ008435%2F1](<https://gtr.ukri.org/projects?ref=ES%2FJ008435%2F1>)');
    const confidentialLine = numbered.find((l: string) => l.includes('Our ability to fund things'));
    expect(confidentialLine).toContain('(confidential: for internal use)');
    expect(numbered.filter((l: string) => l.includes('(confidential: for internal use)'))).toHaveLength(1);

    expect(cs.html).toContain('<h2>Sources to corroborate the impact</h2>');
    expect(cs.html).toContain('(confidential: for internal use)');
    expect(cs.html).not.toMatch(/<script|<link rel="stylesheet"|\ssrc=|@import|url\(/i);
  });

  it('never shows confidential sources to the funder or other readers', async () => {
    for (const token of [cast.funder, cast.outsider]) {
      const { impactCaseStudy: cs } = await t.ok(CASE_STUDY, { ref: FIXTURE_REFERENCE }, token);
      for (const text of [cs.markdown, cs.html]) {
        expect(text).toContain('Sources to corroborate the impact');
        expect(text).toContain(NURSE);
        expect(text).not.toContain('Our ability to fund things');
        expect(text).not.toContain(CONFIDENTIAL_SUMMARY);
        expect(text).not.toContain('confidential: for internal use');
      }
    }
    expect(fieldsOf(await t.gql(CASE_STUDY, { ref: FIXTURE_REFERENCE }, cast.stranger))).toEqual(['awardReference']);
  });

  it('escapes whatever the records hold, in Markdown and in HTML', async () => {
    await t.ok('mutation { createAward(input: { reference: "ES/X000002/1", title: "<b>Bold</b> & *stars*", leadOrganisation: "Middlesex University" }) { id } }');
    const hostile = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) # not a heading';
    await t.ok(ADD_EVIDENCE, { input: { awardReference: 'ES/X000002/1', kind: 'WEB_PAGE', summary: hostile, url: 'https://example.org/a?b=1&c=2' } });
    const { impactCaseStudy: cs } = await t.ok(CASE_STUDY, { ref: 'ES/X000002/1' });
    expect(cs.html).not.toContain('<img');
    expect(cs.html).not.toContain('<b>Bold');
    expect(cs.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(cs.html).toContain('&lt;b&gt;Bold&lt;/b&gt; &amp; *stars*');
    expect(cs.markdown).not.toContain('[click](javascript');
    expect(cs.markdown).toContain('\\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1))');
    expect(cs.markdown).toContain('# Impact case study (draft): \\<b\\>Bold\\</b\\> & \\*stars\\*');
    expect(cs.markdown).toContain('No narrative impact is recorded yet');
    expect(cs.html).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">https://example.org/a?b=1&amp;c=2</a>');
  });
});

describe('annual returns', () => {
  let periodId: string;
  beforeAll(async () => {
    const { createReportingPeriod: p } = await t.ok('mutation($i: ReportingPeriodInput!) { createReportingPeriod(input: $i) { id } }', {
      i: { name: 'Researchfish 2026', opensAt: new Date(Date.now() - DAY), closesAt: new Date(Date.now() + DAY), coversFrom: '2012-01-01T00:00:00Z', coversTo: '2020-03-31T23:59:59Z' },
    });
    periodId = p.id;
  });

  it('counts evidence per outcome and withholds confidential items from every rendering', async () => {
    const q = `query($ref: String!, $p: ID!) { annualReturn(awardReference: $ref, periodId: $p) {
      evidenceCounts { total confidentialWithheld } outcomes { evidenceCount outcome { id } }
      md: rendered(format: MARKDOWN) html: rendered(format: HTML) json: rendered(format: JSON) csv: rendered(format: CSV) } }`;
    const { annualReturn: r } = await t.ok(q, { ref: FIXTURE_REFERENCE, p: periodId }, cast.officer);
    expect(r.evidenceCounts).toEqual({ total: 5, confidentialWithheld: 1 });
    const count = (id: string) => r.outcomes.find((o: { outcome: { id: string } }) => o.outcome.id === id).evidenceCount;
    expect(count(fixture.byType.IMPACT_NARRATIVE[0])).toBe(3);
    expect(fixture.byType.POLICY_INFLUENCE.map(count)).toEqual([1, 1, 1]);
    expect(count(fixture.byType.ENGAGEMENT_ACTIVITY[0])).toBe(0);
    expect(JSON.parse(r.json).evidence).toMatchObject({ total: 5, confidentialWithheld: 1 });
    for (const text of [r.md, r.html, r.json, r.csv]) {
      if (text !== r.json) expect(text).toContain('1 confidential item withheld');
      expect(text).not.toContain('Our ability to fund things');
      expect(text).not.toContain(CONFIDENTIAL_SUMMARY);
    }
    expect(r.md).toContain('## Corroborating evidence');
    expect(r.md).toContain(NURSE);
  });

  it('gives the funder a submitted return without the confidential item', async () => {
    const { submitAnnualReturn: s } = await t.ok(
      'mutation($ref: String!, $p: ID!) { submitAnnualReturn(awardReference: $ref, periodId: $p) { id } }',
      { ref: FIXTURE_REFERENCE, p: periodId },
      cast.officer,
    );
    const q = `query($id: ID!) { submittedReturn(id: $id) { snapshot md: rendered(format: MARKDOWN) html: rendered(format: HTML) } }`;
    const { submittedReturn: r } = await t.ok(q, { id: s.id }, cast.funder);
    for (const text of [JSON.stringify(r.snapshot), r.md, r.html]) {
      expect(text).toContain(text === r.html ? CEO_6.replace("'", '&#39;') : CEO_6);
      expect(text).not.toContain('Our ability to fund things');
      expect(text).not.toContain(CONFIDENTIAL_SUMMARY);
    }
    expect(r.html).toContain('1 confidential item withheld');
    const http = await fetch(`${t.baseUrl}/returns/${s.id}?format=html`, { headers: { authorization: `Bearer ${cast.funder}` } });
    expect(await http.text()).not.toContain('Our ability to fund things');
  });
});

describe('who may add evidence', () => {
  const input = () => ({ awardReference: FIXTURE_REFERENCE, kind: 'QUOTE', summary: 'Another quote', outcomeIds: [fixture.byType.IMPACT_NARRATIVE[0]] });

  it('refuses readers who may not change the award, and answers other organisations as if it did not exist', async () => {
    expect(codeOf(await t.gql(ADD_EVIDENCE, { input: input() }, cast.funder))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(ADD_EVIDENCE, { input: input() }, cast.outsider))).toBe('FORBIDDEN');
    const res = await t.gql(ADD_EVIDENCE, { input: input() }, cast.stranger);
    expect(res.errors?.[0].extensions?.fields).toEqual([{ path: 'input.awardReference', message: 'unknown award reference "ES/J008435/1"' }]);
    expect((await t.ok(ADD_EVIDENCE, { input: input() }, cast.member)).addEvidence.summary).toBe('Another quote');
  });

  it('names every invalid field, and every outcome that is not the award\'s, and writes nothing', async () => {
    const before = await t.sql('SELECT count(*)::int AS n FROM evidence');
    const bad = { ...input(), summary: ' ', date: '2013-13', url: 'javascript:alert(1)', sourceRole: 'r'.repeat(301), quote: 'q'.repeat(10001) };
    const res = await t.gql(ADD_EVIDENCE, { input: bad }, cast.officer);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect([...new Set(fieldsOf(res))]).toEqual(['input.date', 'input.quote', 'input.sourceRole', 'input.summary', 'input.url']);
    for (const date of ['2013', '2013-11', '2013-11-30']) expect((await t.gql(ADD_EVIDENCE, { input: { ...input(), date } }, cast.officer)).errors).toBeUndefined();
    expect(fieldsOf(await t.gql(ADD_EVIDENCE, { input: { ...input(), date: '2013-02-30' } }))).toEqual(['input.date']);

    const { createPolicyInfluence: other } = await t.ok(
      'mutation { createPolicyInfluence(awardReferences: ["ES/X000002/1"], input: { description: "Elsewhere", influenceType: CITATION_IN_OTHER_POLICY_DOCUMENTS }) { id } }',
    );
    const counted = await t.sql('SELECT count(*)::int AS n FROM evidence');
    const wrong = await t.gql(ADD_EVIDENCE, { input: { ...input(), outcomeIds: [fixture.byType.IMPACT_NARRATIVE[0], other.id, 'nope'] } }, cast.officer);
    expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
    expect(fieldsOf(wrong)).toEqual(['input.outcomeIds[1]', 'input.outcomeIds[2]']);
    expect(await t.sql('SELECT count(*)::int AS n FROM evidence')).toEqual(counted);
    expect(counted[0].n).toBe(before[0].n + 3);
  });
});
