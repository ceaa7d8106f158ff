import { readFileSync } from 'node:fs';
import { parseGtrText, renderGtrText, type GtrTextDocument, type ParseOptions } from './index.js';

const FIXTURE = readFileSync(new URL('../../../test/fixtures/gtr/ES-J008435-1.txt', import.meta.url), 'utf8');

/** Feeds parse output straight back to render, as an export of imported outcomes does. */
function render(doc: GtrTextDocument): string {
  return renderGtrText({
    award: doc.award,
    outcomes: doc.outcomes.map((o) => ({ type: o.type, fields: o.input, sourceFields: o.sourceFields })),
  });
}

// Line numbers move when render drops GtR's stray blank lines, so the first comparison leaves them out.
const withoutLines = (doc: GtrTextDocument) => doc.outcomes.map(({ line: _line, ...rest }) => rest);

function roundTrip(text: string, options: ParseOptions = {}) {
  const first = parseGtrText(text, options);
  const rendered = render(first);
  const second = parseGtrText(rendered, options);
  const again = render(second);
  return { first, rendered, second, again, third: parseGtrText(again, options) };
}

describe('GTR_TEXT render and round trip', () => {
  const trip = roundTrip(FIXTURE);

  it('parse → render → parse gives identical award and outcomes (sourceFields included)', () => {
    expect(trip.second.problems).toEqual([]);
    expect(trip.second.award).toEqual(trip.first.award);
    expect(withoutLines(trip.second)).toEqual(withoutLines(trip.first));
  });

  it('is a fixed point: rendering again gives the same text, and parsing it the same document', () => {
    expect(trip.again).toBe(trip.rendered);
    expect(trip.third).toEqual(trip.second);
  });

  it('writes the GtR layout: U+00A0 separator lines, GtR money, MM/YYYY, no final newline', () => {
    const text = trip.rendered;
    expect(text.endsWith('\n')).toBe(false);
    expect(text.split('\n').filter((l) => l === '\u00a0')).toHaveLength(47);
    expect(text).toContain('\nAmount £4,755,356 (GBP)\nFunding ID ES/M010163/1\n');
    expect(text).toContain('\nAmount €\u00a02,344,500 (EUR)\n');
    expect(text).toContain('\nStart 01/2016\nEnd 12/2020');
    expect(text).toContain('\nSector Communities and Social Services/Policy,Healthcare,Government, Democracy and Justice\n');
    expect(text).toContain('\nImpact Types Societal,Economic,Policy & public services');
    expect(text).toContain('\nURL https://www.powertochange.org.uk/research/finding-innovative-ways-health-social-care-community-busin...\n');
    expect(text).toMatch(/^The role of mutuals in public service innovation\n\nLead Research Organisation: Middlesex University\nDepartment Name: Business School\n\nAbstract\n\nThe agenda/);
  });

  it('differs from the GtR original only in the U+00A0 padding of values and one stray blank line', () => {
    const strip = (t: string) =>
      t
        .split('\n')
        .map((l) => (l === '\u00a0' ? l : l.replace(/[ \u00a0]+$/, '')))
        .filter((l, i, all) => !(l === '' && all[i + 1] === '\u00a0'));
    expect(strip(trip.rendered)).toEqual(strip(FIXTURE));
  });

  it('writes fields in GtR order whatever order they are given in, and lists and ranges of years', () => {
    const text = renderGtrText({
      award: { title: 'T' },
      outcomes: [
        {
          type: 'ENGAGEMENT_ACTIVITY',
          fields: {
            years: [2013, 2014, 2015],
            primaryAudience: 'SCHOOLS',
            geographicReach: 'LOCAL',
            form: 'A_TALK_OR_PRESENTATION',
            description: 'D',
            otherAudiences: ['MEDIA_AS_A_CHANNEL_TO_THE_PUBLIC'],
          },
        },
        { type: 'FURTHER_FUNDING', fields: { description: 'F', amount: { amount: '1234.50', currency: 'GBP' }, organisation: 'O' } },
      ],
    });
    expect(text).toBe(
      [
        'T',
        '\u00a0',
        'Description D',
        'Form Of Engagement Activity A talk or presentation',
        'Geographic Reach Local',
        'Primary Audience Schools',
        'Year(s) Of Engagement Activity 2013,2014,2015',
        '\u00a0',
        'Description F',
        'Amount £1,234.50 (GBP)',
        'Organisation O',
      ].join('\n'),
    );
    const back = parseGtrText(text);
    expect(back.problems).toEqual([]);
    expect(back.outcomes[1].input.amount).toEqual({ amount: '1234.50', currency: 'GBP' });
  });

  it('round-trips what lenient import kept as text', () => {
    const page = [
      'Title',
      '\u00a0',
      'Description Odd one',
      'Form Of Engagement Activity Interpretive dance',
      'Geographic Reach Galactic',
      'Primary Audience Schools',
      'Year(s) Of Engagement Activity 2013-2015',
    ].join('\n');
    const lenient = roundTrip(page, { lenient: true });
    expect(lenient.first.outcomes[0].sourceFields).toEqual({
      'Form Of Engagement Activity': 'Interpretive dance',
      'Geographic Reach': 'Galactic',
    });
    expect(lenient.first.outcomes[0].input.years).toEqual([2013, 2014, 2015]);
    expect(withoutLines(lenient.second)).toEqual(withoutLines(lenient.first));
    expect(lenient.again).toBe(lenient.rendered);
  });
});
