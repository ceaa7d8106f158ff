import { parseGtrText } from './index.js';

const NBSP = '\u00a0';

// Line numbers matter here: the test checks every problem's place.
const PAGE = [
  'Award title', // 1
  '',
  'Lead Research Organisation: Some University',
  '',
  'Abstract',
  '',
  'Text.', // 7
  NBSP,
  'Description Talk', // 9
  'Form Of Engagement Activity Interpretive dance', // 10
  'Part Of Official Scheme? Maybe', // 11
  'Geographic Reach National',
  'Primary Audience Policymakers/politicians',
  'Year(s) Of Engagement Activity 3000', // 14
  NBSP,
  'Description Grant', // 16
  'Amount £12,34x (GBP)', // 17
  'Organisation Funder',
  'Sector Public',
  'Start 13/2016', // 20
  NBSP,
  'Something else entirely', // 22
  'with no labels',
  NBSP,
  'Description Narrative', // 25
  'First Year Of Impact 2016',
  'Sector Healthcare,Basket weaving,Government, Democracy and Justice', // 27
  'Impact Types Societal',
  NBSP,
  'Description Policy without a type', // 30
  'Geographic Reach Regional',
  'Policy Influence Type', // 32: a label with no value
].join('\n');

describe('GTR_TEXT malformed input', () => {
  it('strict: lists every problem with its line, field and value', () => {
    const doc = parseGtrText(PAGE);
    expect(doc.dataQuality).toEqual([]);
    expect(doc.problems.map((p) => [p.location, p.field, p.value])).toEqual([
      ['line 10', 'Form Of Engagement Activity', 'Interpretive dance'],
      ['line 11', 'Part Of Official Scheme?', 'Maybe'],
      ['line 14', 'Year(s) Of Engagement Activity', '3000'],
      ['line 17', 'Amount', '£12,34x (GBP)'],
      ['line 20', 'Start', '13/2016'],
      ['line 22', undefined, 'Something else entirely'],
      ['line 27', 'Sector', 'Healthcare,Basket weaving,Government, Democracy and Justice'],
      ['line 30', 'Policy Influence Type', undefined],
    ]);
    const [form, scheme, year, amount, start, block, sector, missing] = doc.problems.map((p) => p.message);
    expect(form).toMatch(/^Unknown Form Of Engagement Activity "Interpretive dance"\. Allowed labels: /);
    expect(form).toContain('A talk or presentation; Participation in an activity, workshop or similar');
    expect(scheme).toContain('not Yes or No');
    expect(year).toContain('3000 is outside 1900–2100');
    expect(amount).toContain('is not an amount');
    expect(start).toContain('no month 13');
    expect(block).toMatch(/^Unrecognised block/);
    expect(sector).toMatch(/^Unknown Sector "Basket weaving"\. Allowed labels: .*Communities and Social Services\/Policy/);
    expect(missing).toContain('required');
  });

  it('strict: still reports what it could read, leaving bad fields out of input', () => {
    const doc = parseGtrText(PAGE);
    expect(doc.outcomes.map((o) => [o.type, o.line])).toEqual([
      ['ENGAGEMENT_ACTIVITY', 9],
      ['FURTHER_FUNDING', 16],
      ['IMPACT_NARRATIVE', 25],
      ['POLICY_INFLUENCE', 30],
    ]);
    expect(doc.outcomes[0].input).toEqual({
      description: 'Talk',
      geographicReach: 'NATIONAL',
      primaryAudience: 'POLICYMAKERS_POLITICIANS',
    });
    expect('form' in doc.outcomes[0].input).toBe(false);
  });

  it('lenient: the same problems become data-quality entries; raw text is kept under its GtR label', () => {
    const doc = parseGtrText(PAGE, { lenient: true });
    expect(doc.problems).toEqual([]);
    expect(doc.dataQuality.map((p) => p.location)).toEqual([
      'line 10',
      'line 11',
      'line 14',
      'line 17',
      'line 20',
      'line 22',
      'line 27',
      'line 30',
    ]);
    const [engagement, funding, narrative] = doc.outcomes;
    expect(engagement.input).toEqual({
      description: 'Talk',
      geographicReach: 'NATIONAL',
      primaryAudience: 'POLICYMAKERS_POLITICIANS',
    });
    expect(engagement.sourceFields).toEqual({
      'Form Of Engagement Activity': 'Interpretive dance',
      'Part Of Official Scheme?': 'Maybe',
      'Year(s) Of Engagement Activity': '3000',
    });
    expect(funding.input).toEqual({ description: 'Grant', organisation: 'Funder', sector: 'PUBLIC' });
    expect(funding.sourceFields).toEqual({ Amount: '£12,34x (GBP)', Start: '13/2016' });
    expect(narrative.input).toEqual({ description: 'Narrative', firstYearOfImpact: 2016, impactTypes: ['SOCIETAL'] });
    expect(narrative.sourceFields).toEqual({ Sector: 'Healthcare,Basket weaving,Government, Democracy and Justice' });
  });

  it('lenient: notes a truncated URL it kept as text (strict mode keeps it silently)', () => {
    const page = ['T', NBSP, 'Description D', 'Policy Influence Type Citation in other policy documents', 'URL https://example.org/a...'].join('\n');
    expect(parseGtrText(page).problems).toEqual([]);
    const doc = parseGtrText(page, { lenient: true });
    expect(doc.outcomes[0].sourceFields).toEqual({ URL: 'https://example.org/a...' });
    expect(doc.dataQuality).toEqual([
      expect.objectContaining({ location: 'line 5', field: 'URL', value: 'https://example.org/a...' }),
    ]);
  });

  it('reports a missing award title and text before a block\'s first label', () => {
    const doc = parseGtrText(['', NBSP, 'stray words', 'Description D', 'Policy Influence Type Citation in other policy documents'].join('\n'));
    expect(doc.problems.map((p) => [p.location, p.field, p.message])).toEqual([
      ['line 1', 'Title', 'The award title (first line) is missing'],
      ['line 3', undefined, 'Text before the first label of a block'],
    ]);
    expect(doc.outcomes[0].sourceFields).toEqual({ 'Unlabelled text': 'stray words' });
  });
});
