import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../support/app.js';
import { exportFile, importFile, tableCounts } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const COMMON = ['Outcome Type', 'Funder', 'Award Reference', 'Award Title', 'RO', 'Department', 'Start Date', 'End Date', 'PI Name', 'PI Surname', 'id', 'pubid', 'Outcome Base ID'];
const A1 = 'ES/R000001/1';
const A2 = 'ES/R000002/1';
const award = (ref: string) => ['', 'ESRC', ref, `Award ${ref}`, 'University of Testing', 'Economics', '', '', 'Ada', 'Lovelace'];

/** A workbook as Researchfish exports it, messy cells included: one row per (outcome, award). */
async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, header: (string | number)[], rows: unknown[][]) => {
    const ws = wb.addWorksheet(name);
    ws.addRow(header);
    rows.forEach((r) => ws.addRow(r));
  };
  sheet('Awards', ['Funder', 'Award Reference', 'Award Title', 'RO', 'Department', 'Start Date', 'End Date', 'Award Type', 'Funding Value', 'PI Name', 'PI Surname', '# of Engagement'], [
    ['ESRC', A1, 'Mutuals and innovation', 'University of Testing', 'Business School', new Date(Date.UTC(2019, 3, 1)), '31/03/2022', 'Research Grant', 250000, 'Ada', 'Lovelace', 2],
    ['ESRC', A2, 'Spin-outs in health', 'University of Testing', 'Business School', '2020-01-01', '2023-12-31', 'Research Grant', 99000.5, 'Alan', 'Turing', 1],
  ]);
  sheet('Engagement', [...COMMON, 'Record Title', 'Outcome Sub-type', 'Part of Official Scheme?', 'Type of Presentation', 'Geographical Reach',
    'Primary Audience', 'Other Audience', 'Audience Size', 'Year Took Place', 'Results of Activity', 'Impact', 'Most Significant Outcome', 'Url', 2018, 2019], [
    [...award(A1), 'r1', 'p1', 1001, 'Public lecture', 'A talk or presentation', 'No', '', 'National', 'General Public', 'Schools, Media (as a channel to the public)', 250, 2018, 'Good questions', 'More interest', 'A new contact', { text: 'event page', hyperlink: 'https://example.org/lecture' }, 0, 1],
    [...award(A2), 'r2', 'p1', 1001, 'Public lecture', 'A talk or presentation', 'No', '', 'National', 'General Public', 'Schools, Media (as a channel to the public)', 250, 2018, 'Good questions', 'More interest', 'A new contact', { text: 'event page', hyperlink: 'https://example.org/lecture' }, 0, 1],
    [...award(A1), 'r3', '', 1002, '=cmd|calc', 'Juggling', '', '', 'Local', 'Schools', '', '', 2019],
  ]);
  sheet('FurtherFunding', [...COMMON, 'Description', 'Outcome Sub-type', 'Funding ID', 'Parent Org', 'Child Org', 'Sector', 'Country', 'Currency', 'Amount',
    'Currency conversion to GBP rate', 'GBP equivalent value', 'Fund Start Month', 'Fund Start Year', 'Fund End Month', 'Fund End Year'], [
    [...award(A1), 'r4', '', 2001, 'Follow-on grant', 'Research grant (including intramural programme)', 'FG/1', 'Wellcome Trust', '', 'Charity/Non-profit', 'United Kingdom', 'GBP', 5000, 1, 5000, 'January', 2019, 12, 2020],
    [...award(A2), 'r5', '', 2001, 'Follow-on grant', 'Research grant (including intramural programme)', 'FG/1', 'Wellcome Trust', '', 'Charity/Non-profit', 'United Kingdom', 'GBP', 5000, 1, 5000, 'January', 2019, 12, 2020],
    [...award(A1), 'r6', '', 2002, 'Seed money', '', new Date(Date.UTC(2024, 0, 2)), 'Nesta', '', 'Charity/Non Profit', 'UK', '', 100, '', 100, 3, 2021, '', ''],
    [...award(A1), 'r7', '', 2003, 'Pounds grant', '', '', 'Nesta', '', '', '', 'Pounds', 300, '', '', '', '', '', ''],
  ]);
  sheet('Policy', [...COMMON, 'Record Title', 'Outcome Sub-type', 'Geographic Reach', 'Country', 'First Year of Influence', 'Policy Impact Areas', 'Policy Impact Types', 'Impact', 'URL'], [
    [...award(A1), 'r8', '', 4001, 'Advisory committee seat', 'Participation in a advisory committee', 'Local/Municipal/Regional', 'United Kingdom', 2020, 'Health; Education', 'Guidance', 'Shaped guidance', ''],
  ]);
  sheet('Collaborations', [...COMMON, 'Collaboration Name', 'Parent Org', 'Child Org', 'Sector', 'Country', 'PI Contribution', 'Partner Contribution',
    'Year Collaboration Started', 'Active?', 'Impact', 'Formal Agreements?', 'URL', 'collaborationID', 'CollaboratorID', 'Collaboration Base ID', 'Collaborator Base ID'], [
    [...award(A1), 'r9', '', '', 'Think tank partnership', 'New Economics Foundation', '', 'Charity/Non Profit', 'United Kingdom', 'Design', 'Networks', 2018, 'Still Active', '', 'No', '', 'c1', 'k1', 5000, 3001],
    [...award(A2), 'r10', '', '', 'Think tank partnership', 'New Economics Foundation', '', 'Charity/Non Profit', 'United Kingdom', 'Design', 'Networks', 2018, 'Still Active', '', 'No', '', 'c2', 'k2', 5000, 3001],
  ]);
  sheet('Databases', [...COMMON, 'Record Title', 'Outcome Sub-type', 'Description', 'Published OR Made Avaliable to Others?', 'Year Produced', 'Impact', 'DOI', 'Url'], [
    [...award(A1), 'r11', '', 6001, 'Survey data', 'Database/Collection of data', 'Survey of mutuals', 'Yes', new Date(Date.UTC(1905, 6, 5)), '', 'https://doi.org/10.5255/UKDA-SN-8000-1', ''],
  ]);
  sheet('Publications', [...COMMON, 'Title'], [[...award(A1), 'r12', 'p9', 7001, 'A paper']]);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('RESEARCHFISH_XLSX import', () => {
  let content: string;
  beforeAll(async () => {
    content = await workbook();
  });

  it('strict: refuses the messy workbook, listing every problem by sheet and row, and writes nothing', async () => {
    const before = await tableCounts(t);
    const report = await importFile(t, { format: 'RESEARCHFISH_XLSX', content });
    expect(report.created).toBe(0);
    const seen = report.problems.map((p) => `${p.location}|${p.field ?? ''}|${p.value ?? ''}`);
    expect(seen).toEqual(expect.arrayContaining([
      'Engagement row 4|Outcome Sub-type|Juggling',
      'FurtherFunding row 4|Funding ID|2024-01-02',
      'FurtherFunding row 4|Currency|',
      'FurtherFunding row 5|Currency|Pounds',
      'Databases row 2|Year Produced|1905-07-05',
      'Publications||',
    ]));
    expect(report.problems.find((p) => p.location === 'FurtherFunding row 5')?.message).toMatch(/"Pounds" is not an ISO 4217 currency code/);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('lenient: imports what is sound — rows of one outcome become one outcome with several awards', async () => {
    const report = await importFile(t, { format: 'RESEARCHFISH_XLSX', content, lenient: true });
    expect(report).toMatchObject({ created: 6, updated: 0, unchanged: 0, attributed: 9, awardsCreated: 2, problems: [] });
    const locations = report.dataQuality.map((p) => `${p.location}|${p.field ?? ''}`);
    expect(locations).toEqual(expect.arrayContaining(['Engagement row 4|Outcome Sub-type', 'FurtherFunding row 4|Funding ID',
      'FurtherFunding row 4|Currency', 'FurtherFunding row 5|Currency', 'Databases row 2|Year Produced', 'Publications|']));
    const [lecture] = await t.sql(`SELECT o.title, o.description, o.impact, o.url, o.years, o.external_ids, o.source_fields, d.primary_audience, d.other_audiences,
      d.audience_size, (SELECT array_agg(a.reference ORDER BY a.reference) FROM outcome_award oa JOIN award a ON a.id = oa.award_id WHERE oa.outcome_id = o.id) AS awards
      FROM outcome o JOIN engagement_activity_detail d ON d.outcome_id = o.id`);
    expect(lecture).toEqual({
      title: 'Public lecture', description: 'Public lecture', impact: 'Good questions', url: 'https://example.org/lecture', years: [2018, 2019],
      external_ids: ['1001', 'r1', 'r2'], source_fields: { Impact: 'More interest', 'Most Significant Outcome': 'A new contact', pubid: 'p1' },
      primary_audience: 'PUBLIC_OTHER_AUDIENCES', other_audiences: ['SCHOOLS', 'MEDIA_AS_A_CHANNEL_TO_THE_PUBLIC'], audience_size: 250, awards: [A1, A2],
    });
    const funding = await t.sql(`SELECT o.description, d.amount::text, d.currency, d.funding_type, d.funding_id, d.start_month, d.end_month, o.source_fields
      FROM outcome o JOIN further_funding_detail d ON d.outcome_id = o.id ORDER BY o.description`);
    expect(funding).toEqual([
      { description: 'Follow-on grant', amount: '5000.00', currency: 'GBP', funding_type: 'RESEARCH_GRANT_INCLUDING_INTRAMURAL_PROGRAMME', funding_id: 'FG/1',
        start_month: '2019-01', end_month: '2020-12', source_fields: { 'Currency conversion to GBP rate': 1, 'GBP equivalent value': 5000 } },
      { description: 'Seed money', amount: '100.00', currency: 'GBP', funding_type: null, funding_id: null, start_month: '2021-03', end_month: null,
        source_fields: { 'Funding ID': '2024-01-02', Amount: 100, 'GBP equivalent value': 100 } },
    ]);
    const [policy] = await t.sql('SELECT d.influence_type, d.geographic_reach, d.areas, d.impact_types FROM policy_influence_detail d');
    expect(policy).toEqual({ influence_type: 'PARTICIPATION_IN_A_GUIDANCE_ADVISORY_COMMITTEE', geographic_reach: 'LOCAL', areas: ['Health', 'Education'], impact_types: ['Guidance'] });
    const [collab] = await t.sql(`SELECT o.external_ids, d.active, d.formal_agreement, d.start_year, (SELECT count(*)::int FROM outcome_award oa WHERE oa.outcome_id = o.id) AS awards
      FROM outcome o JOIN partnership_detail d ON d.outcome_id = o.id`);
    expect(collab).toEqual({ external_ids: ['3001', 'r9', 'r10'], active: true, formal_agreement: false, start_year: 2018, awards: 2 });
    const [material] = await t.sql('SELECT d.provided_to_others, d.year_produced, d.doi, o.source_fields FROM research_material_detail d JOIN outcome o ON o.id = d.outcome_id');
    expect(material).toEqual({ provided_to_others: true, year_produced: null, doi: '10.5255/UKDA-SN-8000-1', source_fields: { 'Year Produced': '1905-07-05' } });
    const { award } = await t.ok(`{ award(reference: "${A1}") { title startDate endDate value { amount currency } leadOrganisation { name } funder { name } } }`);
    expect(award).toEqual({ title: 'Mutuals and innovation', startDate: '2019-04-01', endDate: '2022-03-31', value: { amount: '250000.00', currency: 'GBP' },
      leadOrganisation: { name: 'University of Testing' }, funder: { name: 'ESRC' } });
  });

  it('is idempotent on Outcome Base ID / Collaborator Base ID', async () => {
    const before = await tableCounts(t);
    expect(await importFile(t, { format: 'RESEARCHFISH_XLSX', content, lenient: true })).toMatchObject({ created: 0, unchanged: 6, attributed: 0, awardsCreated: 0 });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('exports the workbook layout, one row per outcome and award, that imports back without loss', async () => {
    const base64 = await exportFile(t, 'RESEARCHFISH_XLSX');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Awards', 'FurtherFunding', 'Engagement', 'Policy', 'Collaborations', 'Databases']);
    const engagement = wb.getWorksheet('Engagement')!;
    expect(engagement.actualRowCount).toBe(3);
    const headers = (engagement.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => headers.indexOf(name) + 1;
    expect([2, 3].map((r) => engagement.getRow(r).getCell(col('Award Reference')).value)).toEqual([A1, A2]);
    expect(engagement.getRow(2).getCell(col('Primary Audience')).value).toBe('Public/other audiences');
    expect(engagement.getRow(2).getCell(col('2019')).value).toBe(1);
    // Text the first import could not type goes back into its column: still unreadable, still reported, nothing lost.
    const strict = await importFile(t, { format: 'RESEARCHFISH_XLSX', content: base64 });
    expect(strict.problems.map((p) => `${p.location}|${p.field}|${p.value}`)).toEqual(['Databases row 2|Year Produced|1905-07-05']);
    // Seed money's Funding ID was a date cell; written back as text it now reads as the id: one update.
    const again = await importFile(t, { format: 'RESEARCHFISH_XLSX', content: base64, lenient: true });
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 5, problems: [] });
    const [seed] = await t.sql(`SELECT d.funding_id FROM further_funding_detail d JOIN outcome o ON o.id = d.outcome_id WHERE o.description = 'Seed money'`);
    expect(seed.funding_id).toBe('2024-01-02');
  });

  it('neutralises workbook cells that would run as formulas', async () => {
    await t.ok('mutation($i: AwardInput!) { createAward(input: $i) { id } }', { i: { reference: 'ES/R000003/1', title: 'Formula award' } });
    await t.ok(`mutation { createResearchMaterial(awardReferences: ["ES/R000003/1"], input: { title: "=HYPERLINK(\\"http://evil.example\\")",
      description: "@SUM(1)", materialType: DATABASE_COLLECTION_OF_DATA }) { id } }`);
    const base64 = await exportFile(t, 'RESEARCHFISH_XLSX', { awardReferences: ['ES/R000003/1'] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
    const row = wb.getWorksheet('Databases')!.getRow(2).values as unknown[];
    expect(row).toEqual(expect.arrayContaining(['\'=HYPERLINK("http://evil.example")', "'@SUM(1)"]));
  });
});
