import { startTestApp, type TestApp } from '../support/app.js';
import { FIXTURE_REFERENCE, GTR_FIXTURE } from '../support/fixture.js';
import { countsByType, importFile, tableCounts, tokenFor } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const FIXTURE_COUNTS = {
  ENGAGEMENT_ACTIVITY: 30, FURTHER_FUNDING: 8, POLICY_INFLUENCE: 3, PARTNERSHIP: 4, RESEARCH_MATERIAL: 1, IMPACT_NARRATIVE: 1,
};

describe('GTR_TEXT import', () => {
  it('a dry run reports what the import would do and writes nothing', async () => {
    const before = await tableCounts(t);
    const report = await importFile(t, { format: 'GTR_TEXT', content: GTR_FIXTURE, awardReference: FIXTURE_REFERENCE, dryRun: true });
    expect(report).toMatchObject({ created: 47, updated: 0, unchanged: 0, attributed: 47, awardsCreated: 1, problems: [] });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('imports the fixture: the award from the page header and its 47 outcomes', async () => {
    const report = await importFile(t, { format: 'GTR_TEXT', content: GTR_FIXTURE, awardReference: 'es/j008435/1' });
    expect(report).toEqual({ created: 47, updated: 0, unchanged: 0, attributed: 47, awardsCreated: 1, problems: [], dataQuality: [] });
    expect(await countsByType(t)).toEqual(FIXTURE_COUNTS);
    const { award } = await t.ok(`{ award(reference: "${FIXTURE_REFERENCE}") {
      title department abstract plannedImpact funder { name } leadOrganisation { name } } }`);
    expect(award).toMatchObject({
      title: 'The role of mutuals in public service innovation',
      department: 'Business School',
      funder: { name: 'ESRC' },
      leadOrganisation: { name: 'Middlesex University' },
    });
    expect(award.abstract).toMatch(/^The agenda to increase the involvement of mutual organisations/);
    expect(award.plannedImpact).toMatch(/Who will benefit\?/);
    const totals = await t.sql(`SELECT d.currency, sum(d.amount)::text AS total FROM further_funding_detail d GROUP BY d.currency ORDER BY 1`);
    expect(totals).toEqual([{ currency: 'EUR', total: '2344500.00' }, { currency: 'GBP', total: '5158616.00' }]);
  });

  it('is idempotent: importing the page again creates nothing', async () => {
    const before = await tableCounts(t);
    const report = await importFile(t, { format: 'GTR_TEXT', content: GTR_FIXTURE, awardReference: FIXTURE_REFERENCE });
    expect(report).toEqual({ created: 0, updated: 0, unchanged: 47, attributed: 0, awardsCreated: 0, problems: [], dataQuality: [] });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('runs concurrent imports of one file one after the other: the outcomes exist once', async () => {
    const input = { format: 'GTR_TEXT', content: GTR_FIXTURE, awardReference: 'ES/J008435/9' };
    const reports = await Promise.all([importFile(t, input), importFile(t, input), importFile(t, input)]);
    expect(reports.map((r) => r.created).sort()).toEqual([0, 0, 47]);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM outcome_award oa JOIN award a ON a.id = oa.award_id WHERE a.reference = 'ES/J008435/9'`);
    expect(n).toBe(47);
  });

  it('keeps both DCMS staff workshops (identical but for Geographic Reach) and audits each import', async () => {
    const rows = await t.sql(`SELECT d.geographic_reach FROM outcome o JOIN engagement_activity_detail d ON d.outcome_id = o.id
      JOIN outcome_award oa ON oa.outcome_id = o.id JOIN award a ON a.id = oa.award_id
      WHERE o.description = 'DCMS staff workshop' AND a.reference = $1 ORDER BY 1`, [FIXTURE_REFERENCE]);
    expect(rows.map((r) => r.geographic_reach)).toEqual(['NATIONAL', 'REGIONAL']);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'IMPORT' AND entity_type = 'Outcome'`);
    expect(n).toBe(94);
  });

  it('refuses a malformed page in strict mode, listing every problem with its line, and writes nothing', async () => {
    const before = await tableCounts(t);
    const bad = [
      'A malformed award',
      '',
      'Lead Research Organisation: Somewhere',
      '\u00a0',
      'Description A talk',
      'Form Of Engagement Activity A juggling act',
      'Part Of Official Scheme? Maybe',
      'Geographic Reach National',
      'Primary Audience Policymakers/politicians',
      'Year(s) Of Engagement Activity 2099',
      '\u00a0',
      'Description Money',
      'Amount lots (GBP)',
      'Organisation ESRC',
      'Start 13/2016',
    ].join('\n');
    const report = await importFile(t, { format: 'GTR_TEXT', content: bad, awardReference: 'ES/X000001/1' });
    expect(report).toMatchObject({ created: 0, awardsCreated: 0, dataQuality: [] });
    const lines = report.problems.map((p) => [p.location, p.field]);
    expect(lines).toEqual(expect.arrayContaining([
      ['line 6', 'Form Of Engagement Activity'],
      ['line 7', 'Part Of Official Scheme?'],
      ['line 13', 'Amount'],
      ['line 15', 'Start'],
      ['line 5', 'Year(s) Of Engagement Activity'],
    ]));
    expect(report.problems.find((p) => p.field === 'Form Of Engagement Activity')?.value).toBe('A juggling act');
    expect(await tableCounts(t)).toEqual(before);
  });

  it('imports the sound parts of the same page leniently and lists the rest under dataQuality', async () => {
    const page = [
      'A lenient award', '', 'Lead Research Organisation: Somewhere', '\u00a0',
      'Description A talk', 'Form Of Engagement Activity A talk or presentation', 'Part Of Official Scheme? Maybe',
      'Geographic Reach National', 'Primary Audience Policymakers/politicians', '\u00a0',
      'Description Odd', 'Form Of Engagement Activity A juggling act', 'Geographic Reach National', 'Primary Audience Schools',
    ].join('\n');
    const report = await importFile(t, { format: 'GTR_TEXT', content: page, awardReference: 'ES/X000002/1', lenient: true });
    expect(report).toMatchObject({ created: 1, awardsCreated: 1, problems: [] });
    expect(report.dataQuality.map((p) => p.location)).toEqual(expect.arrayContaining(['line 7', 'line 12', 'line 11']));
    const [row] = await t.sql(`SELECT o.source_fields, d.part_of_official_scheme FROM outcome o
      JOIN engagement_activity_detail d ON d.outcome_id = o.id WHERE o.description = 'A talk'`);
    expect(row).toEqual({ source_fields: { 'Part Of Official Scheme?': 'Maybe' }, part_of_official_scheme: null });
  });

  it('needs awardReference, and an award the caller may write', async () => {
    const res = await t.gql('mutation($i: ImportInput!) { importOutcomes(input: $i) { created } }', { i: { format: 'GTR_TEXT', content: GTR_FIXTURE } });
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.[0].path).toBe('input.awardReference');
    // ESRC's funder user reads ES/J008435/1 (ESRC funds it) but may not record its outcomes.
    const funder = await tokenFor(t, 'FUNDER', 'ESRC');
    const refused = await t.gql('mutation($i: ImportInput!) { importOutcomes(input: $i) { created } }',
      { i: { format: 'GTR_TEXT', content: GTR_FIXTURE, awardReference: FIXTURE_REFERENCE } }, funder);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // An impact officer elsewhere cannot see the award: it is reported, not created a second time.
    const officer = await tokenFor(t, 'IMPACT_OFFICER', 'Another University');
    const report = await importFile(t, { format: 'GTR_TEXT', content: GTR_FIXTURE, awardReference: FIXTURE_REFERENCE }, officer);
    expect(report.created).toBe(0);
    expect(report.problems[0]).toMatchObject({ location: 'line 57', value: FIXTURE_REFERENCE, message: `award ${FIXTURE_REFERENCE} belongs to another organisation` });
  });
});
