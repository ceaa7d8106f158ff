import { parse } from 'csv-parse/sync';
import { startTestApp, type TestApp } from '../support/app.js';
import { exportFile, importFile, tableCounts } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  for (const reference of ['ES/C000001/1', 'ES/C000002/1']) {
    await t.ok('mutation($i: AwardInput!) { createAward(input: $i) { id } }', { i: { reference, title: `Award ${reference}` } });
  }
});
afterAll(() => t.close());

const HEADER = 'description,form,primaryAudience,otherAudiences,geographicReach,partOfOfficialScheme,years,audienceSize,url,awardReferences';
const ENGAGEMENT = [
  HEADER,
  // codes and labels alike; one outcome for two awards
  'Talk to officials,A_TALK_OR_PRESENTATION,Policymakers/politicians,Schools; Media (as a channel to the public),NATIONAL,yes,2019;2020,120,https://example.org/a,ES/C000001/1; ES/C000002/1',
  '"=HYPERLINK(""http://evil.example/"",""click"")",a talk or presentation,schools,,Local,No,2021,,,ES/C000001/1',
  '-5 people came,A talk or presentation,Schools,,Local,,2021,,,ES/C000001/1',
  '"+44 20 7946 0000, @SUM(A1), a tab\tinside",A talk or presentation,Schools,,Local,,2021,,,ES/C000001/1',
].join('\n');

describe('CSV import and export', () => {
  it('imports rows of one type: codes or labels, ;-separated lists, several awards per row', async () => {
    const report = await importFile(t, { format: 'CSV', outcomeType: 'ENGAGEMENT_ACTIVITY', content: ENGAGEMENT });
    expect(report).toEqual({ created: 4, updated: 0, unchanged: 0, attributed: 5, awardsCreated: 0, problems: [], dataQuality: [] });
    const [row] = await t.sql(`SELECT o.url, o.years, d.form, d.primary_audience, d.other_audiences, d.part_of_official_scheme, d.audience_size,
      (SELECT array_agg(a.reference ORDER BY a.reference) FROM outcome_award oa JOIN award a ON a.id = oa.award_id WHERE oa.outcome_id = o.id) AS awards
      FROM outcome o JOIN engagement_activity_detail d ON d.outcome_id = o.id WHERE o.description = 'Talk to officials'`);
    expect(row).toEqual({
      url: 'https://example.org/a', years: [2019, 2020], form: 'A_TALK_OR_PRESENTATION', primary_audience: 'POLICYMAKERS_POLITICIANS',
      other_audiences: ['SCHOOLS', 'MEDIA_AS_A_CHANNEL_TO_THE_PUBLIC'], part_of_official_scheme: true, audience_size: 120,
      awards: ['ES/C000001/1', 'ES/C000002/1'],
    });
    expect(await importFile(t, { format: 'CSV', outcomeType: 'ENGAGEMENT_ACTIVITY', content: ENGAGEMENT })).toMatchObject({ created: 0, unchanged: 4 });
  });

  it('exports labels under the GraphQL field names, neutralising cells a spreadsheet would run as formulas', async () => {
    const csv = await exportFile(t, 'CSV', { awardReferences: ['ES/C000001/1'] }, 'ENGAGEMENT_ACTIVITY');
    const [header, ...rows] = parse(csv) as string[][];
    expect(header).toEqual(['id', 'title', 'description', 'impact', 'url', 'externalIds', 'form', 'primaryAudience', 'otherAudiences',
      'geographicReach', 'partOfOfficialScheme', 'typeOfPresentation', 'years', 'audienceSize', 'awardReferences', 'sourceFields']);
    const byDescription = Object.fromEntries(rows.map((r) => [r[2], r]));
    expect(byDescription['Talk to officials'].slice(6, 15)).toEqual(['A talk or presentation', 'Policymakers/politicians',
      'Schools; Media (as a channel to the public)', 'National', 'true', '', '2019; 2020', '120', 'ES/C000001/1; ES/C000002/1']);
    const descriptions = rows.map((r) => r[2]).sort();
    expect(descriptions).toEqual([
      "'+44 20 7946 0000, @SUM(A1), a tab\tinside",
      "'-5 people came",
      `'=HYPERLINK("http://evil.example/","click")`,
      'Talk to officials',
    ]);
    // Import takes cells as they are (it reverses nothing silently): the neutralised rows come back changed.
    const report = await importFile(t, { format: 'CSV', outcomeType: 'ENGAGEMENT_ACTIVITY', content: csv });
    expect(report).toMatchObject({ created: 0, unchanged: 1, updated: 3, problems: [] });
  });

  it('refuses a malformed file in strict mode, listing every problem with its line, and writes nothing', async () => {
    const before = await tableCounts(t);
    const bad = [
      `${HEADER},colour`,
      'Fine,A talk or presentation,Schools,,Local,,2020,,,ES/C000001/1,blue',
      ',A juggling act,Schools,,Galactic,perhaps,1820,-3,not a url,ES/C000001/1,',
      'Short row,A talk or presentation',
      'Unknown award,A talk or presentation,Schools,,Local,,2020,,,ES/NOPE/1,',
    ].join('\n');
    const report = await importFile(t, { format: 'CSV', outcomeType: 'ENGAGEMENT_ACTIVITY', content: bad });
    expect(report.created).toBe(0);
    const seen = report.problems.map((p) => `${p.location}|${p.field ?? ''}|${p.value ?? ''}`);
    expect(seen).toEqual(expect.arrayContaining([
      'line 1|colour|', 'line 3|form|A juggling act', 'line 3|geographicReach|Galactic', 'line 3|partOfOfficialScheme|perhaps',
      'line 3|description|', 'line 3|years|1820', 'line 3|audienceSize|-3', 'line 3|url|not a url', 'line 4||2',
      'line 5|awardReferences|ES/NOPE/1',
    ]));
    expect(await tableCounts(t)).toEqual(before);
  });

  it('imports the sound rows leniently, keeping unreadable text in sourceFields', async () => {
    const file = [
      HEADER,
      'Lenient one,A talk or presentation,Schools,,Local,perhaps,2020,,,ES/C000002/1',
      'Lenient two,A juggling act,Schools,,Local,,2020,,,ES/C000002/1',
    ].join('\n');
    const report = await importFile(t, { format: 'CSV', outcomeType: 'ENGAGEMENT_ACTIVITY', content: file, lenient: true });
    expect(report).toMatchObject({ created: 1, problems: [] });
    expect(report.dataQuality.map((p) => [p.location, p.field])).toEqual([['line 2', 'partOfOfficialScheme'], ['line 3', 'form'], ['line 3', 'form']]);
    const [row] = await t.sql(`SELECT o.source_fields FROM outcome o WHERE o.description = 'Lenient one'`);
    expect(row.source_fields).toEqual({ partOfOfficialScheme: 'perhaps' });
  });

  it('reads money as amount + currency and checks it as the API does', async () => {
    const file = [
      'description,amount,currency,organisation,sector,country,start,end,awardReferences',
      'Grant,1000.5,GBP,Wellcome Trust,Charity/Non Profit,UK,2020-01,01/2022,ES/C000001/1',
      'Bad grant,10.123,GBP,Wellcome Trust,,,2020-05,2019-01,ES/C000001/1',
      'No currency,500,,Wellcome Trust,,,,,ES/C000001/1',
      'Odd currency,500,Pounds,Wellcome Trust,,,,,ES/C000001/1',
    ].join('\n');
    const strict = await importFile(t, { format: 'CSV', outcomeType: 'FURTHER_FUNDING', content: file });
    expect(strict.problems.map((p) => `${p.location}|${p.field}`)).toEqual(['line 3|amount', 'line 3|end', 'line 4|amount', 'line 5|amount']);
    const lenient = await importFile(t, { format: 'CSV', outcomeType: 'FURTHER_FUNDING', content: file, lenient: true });
    expect(lenient).toMatchObject({ created: 1, problems: [] });
    const [grant] = await t.sql(`SELECT d.amount::text, d.currency, d.country_code, d.start_month, d.end_month FROM further_funding_detail d`);
    expect(grant).toEqual({ amount: '1000.50', currency: 'GBP', country_code: 'GB', start_month: '2020-01', end_month: '2022-01' });
  });

  it('needs outcomeType for CSV', async () => {
    const res = await t.gql('mutation { importOutcomes(input: { format: CSV, content: "description" }) { created } }');
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.outcomeType' }] });
    const exp = await t.gql('{ exportOutcomes(format: CSV) }');
    expect(exp.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'outcomeType' }] });
  });
});
