import { detectType, splitDocument, splitFields } from './blocks.js';
import { parseGtrText } from './index.js';

const NBSP = '\u00a0';
const page = (...blocks: string[][]): string => ['Title', ...blocks.flatMap((b) => [NBSP, ...b])].join('\n');

describe('GTR_TEXT block structure', () => {
  it('splits on U+00A0 lines only, numbering lines from 1 and skipping empty blocks', () => {
    const { header, blocks } = splitDocument(`Title\n\nAbstract\n${NBSP}\n\nDescription A\n${NBSP}\n${NBSP}\nDescription B\n`);
    expect(header.map((l) => l.text)).toEqual(['Title', '', 'Abstract']);
    expect(blocks.map((b) => [b.line, b.lines.map((l) => l.text)])).toEqual([
      [6, ['Description A']],
      [9, ['Description B']],
    ]);
  });

  it('matches the longest label: Start Year is not Start, Impact Types is not Impact', () => {
    const doc = parseGtrText(
      page(
        ['Description P', 'Organisation O', 'PI Contribution x', 'Start Year 2016', 'End Year 2018'],
        ['Description N', 'First Year Of Impact 2016', 'Impact Types Economic', 'Impact Something happened'],
      ),
    );
    expect(doc.problems).toEqual([]);
    expect(doc.outcomes[0].input).toMatchObject({ startYear: 2016, endYear: 2018 });
    expect(doc.outcomes[1].input).toMatchObject({ impactTypes: ['ECONOMIC'], impact: 'Something happened' });
  });

  it('continues a value over following lines, blank ones included, until the next label', () => {
    const doc = parseGtrText(
      page([
        'Description D',
        'Policy Influence Type Citation in other policy documents',
        'Impact First paragraph.  ',
        '',
        '  Indented second paragraph.' + NBSP,
        'Impactful third line is not a label.',
        '',
        'URL https://example.org/',
      ]),
    );
    expect(doc.outcomes[0].input.impact).toBe(
      'First paragraph.\n\n  Indented second paragraph.\nImpactful third line is not a label.',
    );
    expect(doc.outcomes[0].input.url).toBe('https://example.org/');
  });

  it('reads a repeated label, or another type\'s label, as text of the value above', () => {
    const doc = parseGtrText(
      page([
        'Description D',
        'Geographic Reach National',
        'Policy Influence Type Citation in other policy documents',
        'Impact It worked.',
        'Description of how: well.',
        'Amount raised: none.',
      ]),
    );
    expect(doc.outcomes[0].input).toMatchObject({
      description: 'D',
      impact: 'It worked.\nDescription of how: well.\nAmount raised: none.',
    });
  });

  it('decides the type by the most markers, so a stray marker in a value does not flip it', () => {
    const lines = (texts: string[]) => ({ line: 1, lines: texts.map((text, i) => ({ no: i + 1, text })) });
    const block = lines([
      'Description D',
      'Form Of Engagement Activity A talk or presentation',
      'Results and Impact We raised money:',
      'Amount £5 (GBP)',
      'Year(s) Of Engagement Activity 2014',
    ]);
    const detected = detectType(block);
    expect('spec' in detected && detected.spec.type).toBe('ENGAGEMENT_ACTIVITY');
    if (!('spec' in detected)) return;
    const { fields } = splitFields(block, detected.spec);
    expect(fields.find((f) => f.label === 'Results and Impact')?.value).toBe('We raised money:\nAmount £5 (GBP)');
    expect(detectType(lines(['Description D', 'Amount £5 (GBP)', 'Policy Influence Type x']))).toEqual({
      error: 'Unrecognised block: its labels fit FURTHER_FUNDING and POLICY_INFLUENCE equally',
    });
  });

  it('reads Yes/No, year lists and ranges, MM/YYYY and CRLF line ends', () => {
    const text = page(
      [
        'Description D',
        'Form Of Engagement Activity a TALK or presentation',
        'Part Of Official Scheme? yes',
        'Geographic Reach Local/Municipal/Regional',
        'Primary Audience General Public',
        'Year(s) Of Engagement Activity 2016, 2013-2014, 2014',
      ],
      ['Description F', 'Amount ¥1,000 (JPY)', 'Organisation O', 'Sector Charity/Non-profit', 'Start 1/2016', 'End 12/2017'],
    ).replace(/\n/g, '\r\n');
    const doc = parseGtrText(text);
    expect(doc.problems).toEqual([]);
    expect(doc.outcomes[0].input).toEqual({
      description: 'D',
      form: 'A_TALK_OR_PRESENTATION',
      partOfOfficialScheme: true,
      geographicReach: 'LOCAL',
      primaryAudience: 'PUBLIC_OTHER_AUDIENCES',
      years: [2013, 2014, 2016],
    });
    expect(doc.outcomes[1].input).toEqual({
      description: 'F',
      amount: { amount: '1000', currency: 'JPY' },
      organisation: 'O',
      sector: 'CHARITY_NON_PROFIT',
      start: '2016-01',
      end: '2017-12',
    });
  });
});
