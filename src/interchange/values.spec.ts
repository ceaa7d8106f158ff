import { fieldDef } from './fields.js';
import { moneyOf, parseValue, parseYearMonth, splitList, yearOfDate } from './values.js';

const def = (type: Parameters<typeof fieldDef>[0], field: string) => fieldDef(type, field)!;

describe('values: source text → typed input fields', () => {
  it('reads vocabularies by code, label or legacy alias, and lists them with allowed labels when unknown', () => {
    expect(parseValue(def('ENGAGEMENT_ACTIVITY', 'primaryAudience'), 'General Public')).toEqual({ ok: 'PUBLIC_OTHER_AUDIENCES' });
    expect(parseValue(def('ENGAGEMENT_ACTIVITY', 'primaryAudience'), 'SCHOOLS')).toEqual({ ok: 'SCHOOLS' });
    expect(parseValue(def('IMPACT_NARRATIVE', 'sectors'), 'Healthcare,Government, Democracy and Justice')).toEqual({ ok: ['HEALTHCARE', 'GOVERNMENT_DEMOCRACY_AND_JUSTICE'] });
    const unknown = parseValue(def('ENGAGEMENT_ACTIVITY', 'form'), 'Juggling');
    expect('error' in unknown && unknown.error).toMatch(/^Unknown EngagementForm "Juggling"\. Allowed labels: A talk or presentation;/);
  });

  it('treats blanks as absent, never as a value', () => {
    for (const v of [null, undefined, '', '  ', '\u00a0', []]) expect(parseValue(def('PARTNERSHIP', 'startYear'), v)).toEqual({ empty: true });
  });

  it('reads years, booleans, integers and DOIs as sources write them', () => {
    expect(parseValue(def('ENGAGEMENT_ACTIVITY', 'years'), '2013-2015; 2018')).toEqual({ ok: [2013, 2014, 2015, 2018] });
    expect(parseValue(def('ENGAGEMENT_ACTIVITY', 'years'), [2019, '2020'])).toEqual({ ok: [2019, 2020] });
    expect(parseValue(def('PARTNERSHIP', 'active'), 'Still Active')).toEqual({ ok: true });
    expect(parseValue(def('PARTNERSHIP', 'formalAgreement'), 'no')).toEqual({ ok: false });
    expect(parseValue(def('ENGAGEMENT_ACTIVITY', 'audienceSize'), '1,200')).toEqual({ ok: 1200 });
    expect(parseValue(def('RESEARCH_MATERIAL', 'yearProduced'), 2017)).toEqual({ ok: 2017 });
    expect('error' in parseValue(def('RESEARCH_MATERIAL', 'yearProduced'), new Date(Date.UTC(1905, 6, 5)))).toBe(true);
    expect(parseValue(def('RESEARCH_MATERIAL', 'doi'), 'https://doi.org/10.5255/UKDA-SN-8000-1')).toEqual({ ok: '10.5255/UKDA-SN-8000-1' });
  });

  it('reads money exactly, never guessing a missing currency', () => {
    expect(moneyOf('1,234.50', 'gbp')).toEqual({ ok: { amount: '1234.50', currency: 'GBP' } });
    expect(moneyOf(2344500, '€')).toEqual({ ok: { amount: '2344500', currency: 'EUR' } });
    expect(moneyOf('', '')).toEqual({ empty: true });
    expect(moneyOf(100, '')).toEqual({ error: 'amount 100 has no currency' });
    expect(parseValue(def('FURTHER_FUNDING', 'amount'), '£4,755,356 (GBP)')).toEqual({ ok: { amount: '4755356.00', currency: 'GBP' } });
  });

  it('reads months and years from GtR Unix milliseconds, ISO text and MM/YYYY', () => {
    expect(parseYearMonth(1451606400000)).toEqual({ ok: '2016-01' });
    expect(parseYearMonth('03/2021')).toEqual({ ok: '2021-03' });
    expect(parseYearMonth('2021-3')).toEqual({ ok: '2021-03' });
    expect('error' in parseYearMonth('13/2021')).toBe(true);
    expect(yearOfDate(1420070400000)).toEqual({ ok: 2015 });
  });

  it('splits free-text lists on ; and line breaks only (items may hold commas)', () => {
    expect(splitList('Health, care; Education\nHousing; Health, care')).toEqual(['Health, care', 'Education', 'Housing']);
  });
});
