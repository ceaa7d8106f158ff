import { readFileSync } from 'node:fs';
import { fingerprint, fromMinorUnits, parseGtrText, toMinorUnits, type Money, type ParsedOutcome } from './index.js';

// A byte-exact copy of shared/fixtures/gtr/ES-J008435-1.txt (the real GtR page of award ES/J008435/1).
const FIXTURE = readFileSync(new URL('../../../test/fixtures/gtr/ES-J008435-1.txt', import.meta.url), 'utf8');
const doc = parseGtrText(FIXTURE);
const ofType = (type: string): ParsedOutcome[] => doc.outcomes.filter((o) => o.type === type);

/** Counts of a value per outcome, as "key:count" sorted by count desc then key. */
function tally(values: unknown[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
  return counts;
}

/** Exact sums per currency, in minor units: money is never added as floats. */
function sumByCurrency(amounts: Money[]): Record<string, string> {
  const minor = new Map<string, bigint>();
  for (const m of amounts) minor.set(m.currency, (minor.get(m.currency) ?? 0n) + toMinorUnits(m));
  return Object.fromEntries([...minor].map(([c, v]) => [c, fromMinorUnits(v, c).amount]));
}

describe('GTR_TEXT parse of the ES/J008435/1 fixture', () => {
  it('has no problems, and the file really uses U+00A0 separators and no final newline', () => {
    expect(FIXTURE).toContain('\n\u00a0\n');
    expect(FIXTURE.endsWith('\n')).toBe(false);
    expect(doc.problems).toEqual([]);
    expect(doc.dataQuality).toEqual([]);
  });

  it('reads the award header', () => {
    expect(doc.award.title).toBe('The role of mutuals in public service innovation');
    expect(doc.award.leadOrganisation).toBe('Middlesex University');
    expect(doc.award.department).toBe('Business School');
    expect(doc.award.abstract).toMatch(/^The agenda to increase the involvement of mutual organisations/);
    expect(doc.award.abstract).toMatch(/processes of innovation public service delivery\.$/);
    expect(doc.award.abstract).toContain('\n\n2. Mapping of the employee owned-enterprise sector');
    expect(doc.award.plannedImpact).toMatch(/^This proposal has been developed in collaboration/);
    expect(doc.award.plannedImpact).toContain('\nWho will benefit?\n');
    expect(doc.award.plannedImpact).toMatch(/demonstrating the impact of this research\.$/);
  });

  it('finds 47 outcomes of the expected types, in file order', () => {
    expect(doc.outcomes).toHaveLength(47);
    expect(tally(doc.outcomes.map((o) => o.type))).toEqual({
      ENGAGEMENT_ACTIVITY: 30,
      FURTHER_FUNDING: 8,
      POLICY_INFLUENCE: 3,
      PARTNERSHIP: 4,
      RESEARCH_MATERIAL: 1,
      IMPACT_NARRATIVE: 1,
    });
    expect(doc.outcomes[0]).toMatchObject({ type: 'IMPACT_NARRATIVE', line: 57 });
    const lines = doc.outcomes.map((o) => o.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('sums further funding exactly: 7 GBP amounts to 5158616.00 and one EUR 2344500.00', () => {
    const amounts = ofType('FURTHER_FUNDING').map((o) => o.input.amount as Money);
    expect(amounts.filter((m) => m.currency === 'GBP')).toHaveLength(7);
    expect(amounts.filter((m) => m.currency === 'EUR')).toHaveLength(1);
    expect(sumByCurrency(amounts)).toEqual({ GBP: '5158616.00', EUR: '2344500.00' });
    expect(amounts[0]).toEqual({ amount: '4755356.00', currency: 'GBP' });
  });

  it('groups funding by organisation sector', () => {
    const bySector: Record<string, Money[]> = {};
    for (const o of ofType('FURTHER_FUNDING')) (bySector[o.input.sector as string] ??= []).push(o.input.amount as Money);
    expect(Object.fromEntries(Object.entries(bySector).map(([s, m]) => [s, sumByCurrency(m)]))).toEqual({
      PUBLIC: { EUR: '2344500.00', GBP: '4952256.00' },
      CHARITY_NON_PROFIT: { GBP: '206360.00' },
    });
  });

  it('maps every further-funding field, keeping the country verbatim', () => {
    const eu = ofType('FURTHER_FUNDING').find((o) => o.input.fundingId === '691004')!;
    expect(eu.input).toEqual({
      description: 'International Network for Comparative Analysis of Social Inequalities (INCASI)',
      amount: { amount: '2344500.00', currency: 'EUR' },
      fundingId: '691004',
      organisation: 'European Commission',
      sector: 'PUBLIC',
      country: 'European Union (EU)',
      start: '2016-01',
      end: '2019-12',
    });
    expect(eu.sourceFields).toEqual({});
  });

  it('counts engagement years, an activity counting in each of its years', () => {
    const years = ofType('ENGAGEMENT_ACTIVITY').flatMap((o) => o.input.years as number[]);
    expect(tally(years)).toEqual({ 2013: 4, 2014: 7, 2016: 5, 2017: 4, 2018: 9, 2019: 1 });
  });

  it('counts engagement geographic reach and primary audience as codes', () => {
    const engagement = ofType('ENGAGEMENT_ACTIVITY');
    expect(tally(engagement.map((o) => o.input.geographicReach))).toEqual({
      NATIONAL: 19,
      INTERNATIONAL: 5,
      LOCAL: 4,
      REGIONAL: 2,
    });
    expect(tally(engagement.map((o) => o.input.primaryAudience))).toEqual({
      POLICYMAKERS_POLITICIANS: 15,
      PROFESSIONAL_PRACTITIONERS: 12,
      PUBLIC_OTHER_AUDIENCES: 2,
      UNDERGRADUATE_STUDENTS: 1,
    });
  });

  it('maps an engagement block with a multi-line impact and a presentation type', () => {
    const nesta = ofType('ENGAGEMENT_ACTIVITY').find((o) => o.input.description === 'INNOVATION BEYOND THE SPIN')!;
    expect(nesta.input).toEqual({
      description: 'INNOVATION BEYOND THE SPIN',
      form: 'A_TALK_OR_PRESENTATION',
      partOfOfficialScheme: false,
      typeOfPresentation: 'paper presentation',
      geographicReach: 'NATIONAL',
      primaryAudience: 'PROFESSIONAL_PRACTITIONERS',
      impact: 'Event at Nesta\n\nnone known',
      years: [2014],
    });
    expect(ofType('ENGAGEMENT_ACTIVITY').filter((o) => o.input.partOfOfficialScheme === true)).toHaveLength(3);
  });

  it('keeps a truncated URL as text in sourceFields, and a whole one as url', () => {
    const blog = ofType('ENGAGEMENT_ACTIVITY').find((o) => o.input.description === 'Community Business, health and wellbeing')!;
    expect(blog.input.url).toBeUndefined();
    expect(blog.sourceFields).toEqual({
      URL: 'https://www.powertochange.org.uk/research/finding-innovative-ways-health-social-care-community-busin...',
    });
    const civil = ofType('ENGAGEMENT_ACTIVITY').find((o) => o.input.description === 'Innovation beyond the spin - Blog')!;
    expect(civil.input.url).toBe('http://www.civilsociety.co.uk/finance/blogs/content/17286/innovation_beyond_the_spin');
    expect(civil.sourceFields).toEqual({});
  });

  it('maps policy, partnership, material and narrative blocks', () => {
    expect(tally(ofType('POLICY_INFLUENCE').map((o) => o.input.influenceType))).toEqual({
      CONTRIBUTION_TO_A_NATIONAL_CONSULTATION_REVIEW: 2,
      INFLUENCED_TRAINING_OF_PRACTITIONERS_OR_RESEARCHERS: 1,
    });
    expect(ofType('PARTNERSHIP').map((o) => [o.input.organisation, o.input.sector, o.input.startYear])).toEqual([
      ['Autonomous University of Barcelona (UAB)', 'ACADEMIC_UNIVERSITY', 2016],
      ['Social Enterprise UK', 'CHARITY_NON_PROFIT', 2017],
      ['SQW Consultants', 'PRIVATE', 2013],
      ['Youth Business International', 'CHARITY_NON_PROFIT', 2016],
    ]);
    expect(ofType('PARTNERSHIP')[1].input).toMatchObject({
      piContribution: 'conducting longitudinal qualitative study',
      partnerContribution: 'conducting longitudinal qualitative study',
      impact: 'Advising the Department for Digital, Culture, Media and Sports',
    });
    expect(ofType('RESEARCH_MATERIAL')[0].input).toMatchObject({
      title: 'End of the award findings report for UK Data Service',
      materialType: 'DATABASE_COLLECTION_OF_DATA',
      providedToOthers: false,
      impact: 'none known',
    });
    expect(ofType('IMPACT_NARRATIVE')[0].input).toEqual({
      description: 'A new project was funded by the Department for Digital, Culture, Media & Sport (DCMS)',
      firstYearOfImpact: 2016,
      sectors: ['COMMUNITIES_AND_SOCIAL_SERVICES_POLICY', 'HEALTHCARE', 'GOVERNMENT_DEMOCRACY_AND_JUSTICE'],
      impactTypes: ['SOCIETAL', 'ECONOMIC', 'POLICY_PUBLIC_SERVICES'],
    });
  });

  it('strips the U+00A0 padding GtR leaves on values', () => {
    const texts = doc.outcomes.flatMap((o) => Object.values(o.input).filter((v): v is string => typeof v === 'string'));
    expect(texts.some((t) => /[\s\u00a0]$/.test(t) || /^[\s\u00a0]/.test(t))).toBe(false);
  });

  it('keeps the two "DCMS staff workshop" activities apart, with different fingerprints', () => {
    const dcms = ofType('ENGAGEMENT_ACTIVITY').filter((o) => o.input.description === 'DCMS staff workshop');
    expect(dcms).toHaveLength(2);
    expect(dcms.map((o) => o.input.geographicReach)).toEqual(['REGIONAL', 'NATIONAL']);
    const [a, b] = dcms.map((o) => fingerprint(o, 'ES/J008435/1'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    const all = new Set(doc.outcomes.map((o) => fingerprint(o, 'ES/J008435/1')));
    expect(all.size).toBe(47);
  });
});
