import { readFileSync } from 'node:fs';
import { startTestApp, type TestApp } from '../support/app.js';
import { countsByType, exportFile, importFile, tableCounts } from './support.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/interchange/${name}`, import.meta.url), 'utf8');
const JSON_SAMPLE = fixture('gtr-outcomes.json');
const XML_SAMPLE = fixture('gtr-outcomes.xml');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('GTR_JSON import', () => {
  it('imports outcomes, attributing them through PROJECT links to the award the project resource describes', async () => {
    // The second dissemination links to no project: it falls back on awardReference.
    const report = await importFile(t, { format: 'GTR_JSON', content: JSON_SAMPLE, awardReference: 'ES/T000001/1' });
    expect(report).toEqual({ created: 7, updated: 0, unchanged: 0, attributed: 7, awardsCreated: 1, problems: [], dataQuality: [] });
    const { award } = await t.ok('{ award(reference: "ES/T000001/1") { title abstract plannedImpact funder { name } leadOrganisation { name } } }');
    expect(award).toEqual({
      title: 'Community businesses and wellbeing', abstract: 'How community businesses affect local wellbeing.',
      plannedImpact: 'Policy makers and practitioners will benefit.', funder: { name: 'ESRC' }, leadOrganisation: { name: 'University of Testing' },
    });
    const [funding] = await t.sql(`SELECT o.external_ids, d.amount::text, d.currency, d.start_month, d.end_month, d.country_code
      FROM outcome o JOIN further_funding_detail d ON d.outcome_id = o.id`);
    expect(funding).toEqual({
      external_ids: ['56d9a4b1bdd2c1.00000003', '5463a1b2c3d4e5.33333333'], amount: '120000.50', currency: 'GBP',
      start_month: '2016-01', end_month: '2017-12', country_code: 'GB',
    });
    const [policy] = await t.sql(`SELECT o.source_fields, d.areas FROM outcome o JOIN policy_influence_detail d ON d.outcome_id = o.id`);
    expect(policy).toEqual({ source_fields: { methods: 'Written evidence' }, areas: ['Community', 'Health'] });
    const [collab] = await t.sql(`SELECT d.start_year, d.sector FROM partnership_detail d`);
    expect(collab).toEqual({ start_year: 2015, sector: 'CHARITY_NON_PROFIT' });
    const [narrative] = await t.sql(`SELECT d.sectors, d.impact_types FROM impact_narrative_detail d`);
    expect(narrative).toEqual({ sectors: ['COMMUNITIES_AND_SOCIAL_SERVICES_POLICY', 'GOVERNMENT_DEMOCRACY_AND_JUSTICE'], impact_types: ['SOCIETAL', 'POLICY_PUBLIC_SERVICES'] });
  });

  it('re-imports by outcomeid: unchanged, and a changed field updates the outcome in place', async () => {
    expect(await importFile(t, { format: 'GTR_JSON', content: JSON_SAMPLE, awardReference: 'ES/T000001/1' })).toMatchObject({ created: 0, unchanged: 7 });
    const changed = JSON_SAMPLE.replace('A roundtable with civil servants', 'A roundtable with senior civil servants');
    expect(await importFile(t, { format: 'GTR_JSON', content: changed, awardReference: 'ES/T000001/1' })).toMatchObject({ created: 0, updated: 1, unchanged: 6 });
    const rows = await t.sql(`SELECT description, version FROM outcome WHERE '56d9a4b1bdd2c1.00000001' = ANY(external_ids)`);
    expect(rows).toEqual([{ description: 'A roundtable with senior civil servants', version: 2 }]);
  });

  it('reports an outcome that names no award, and unreadable JSON, without writing', async () => {
    const before = await tableCounts(t);
    const unlinked = JSON_SAMPLE.replace(/0f6b3c2e-1d2a-4b5c-9e8f-0a1b2c3d4e5f", "rel"/g, 'ffffffff-1d2a-4b5c-9e8f-0a1b2c3d4e5f", "rel"');
    const report = await importFile(t, { format: 'GTR_JSON', content: unlinked });
    expect(report.problems).toHaveLength(7);
    expect(report.problems[1]).toMatchObject({ location: 'dissemination[1]', message: expect.stringMatching(/^no award/) });
    expect(report.problems[0]).toMatchObject({ location: 'dissemination[0]', field: 'links', message: expect.stringMatching(/names no project/) });
    const broken = await importFile(t, { format: 'GTR_JSON', content: '{"page": 1,' });
    expect(broken.problems).toEqual([{ location: 'file', field: null, value: null, message: expect.stringMatching(/^not valid JSON/) }]);
    expect(await tableCounts(t)).toEqual(before);
  });

  it('exports GTR_JSON that imports back as the same outcomes', async () => {
    const exported = JSON.parse(await exportFile(t, 'GTR_JSON', { awardReferences: ['ES/T000001/1'] }));
    expect(exported).toMatchObject({ page: 1, totalPages: 1, totalSize: 7 });
    expect(exported.furtherFunding[0]).toMatchObject({
      outcomeid: '56d9a4b1bdd2c1.00000003', amount: { currencyCode: 'GBP', amount: '120000.50' }, start: 1451606400000, sector: 'Public',
    });
    expect(exported.project[0].identifiers.identifier[0]).toEqual({ value: 'ES/T000001/1', type: 'RCUK' });
    const again = await importFile(t, { format: 'GTR_JSON', content: JSON.stringify(exported) });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 7, problems: [] });
  });
});

describe('GTR_XML import', () => {
  it('reads the same names from XML in the GtR namespace', async () => {
    const before = await countsByType(t);
    const report = await importFile(t, { format: 'GTR_XML', content: XML_SAMPLE });
    expect(report).toEqual({ created: 4, updated: 0, unchanged: 0, attributed: 4, awardsCreated: 1, problems: [], dataQuality: [] });
    expect((await countsByType(t)).FURTHER_FUNDING).toBe(before.FURTHER_FUNDING + 1);
    const [funding] = await t.sql(`SELECT d.amount::text, d.currency, d.country, d.country_code, d.end_month FROM further_funding_detail d WHERE d.currency = 'EUR'`);
    expect(funding).toEqual({ amount: '2344500.00', currency: 'EUR', country: 'European Union (EU)', country_code: null, end_month: '2019-12' });
    const [narrative] = await t.sql(`SELECT d.impact_types, d.sectors FROM impact_narrative_detail d JOIN outcome o ON o.id = d.outcome_id
      WHERE '66d9a4b1bdd2c1.00000006' = ANY(o.external_ids)`);
    expect(narrative).toEqual({ impact_types: ['ECONOMIC', 'SOCIETAL'], sectors: ['HEALTHCARE'] });
    expect(await importFile(t, { format: 'GTR_XML', content: XML_SAMPLE })).toMatchObject({ created: 0, unchanged: 4 });
  });

  it('reports malformed XML with its line', async () => {
    const report = await importFile(t, { format: 'GTR_XML', content: '<?xml version="1.0"?>\n<outcomes>\n<dissemination>\n</outcomes>' });
    expect(report.problems).toEqual([{ location: 'line 4', field: null, value: null, message: expect.stringMatching(/^not well-formed XML/) }]);
  });
});
