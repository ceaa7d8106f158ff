import { formatAmount } from '../common/money.js';
import type { OutcomeView } from '../outcomes/outcome.models.js';
import { display, typeLabel } from '../returns/render/fields.js';
import type { ImpactSummary, VocabCount } from '../summaries/impact.models.js';
import { labelOf, type VocabularyName } from '../vocabulary/index.js';
import { para, seg, type Block, type Segment } from './case-study.render.js';
import { EVIDENCE_KIND_LABELS, type Evidence } from './evidence.entity.js';

export interface CaseStudyAward {
  reference: string;
  title: string;
  funder: string | null;
  leadOrganisation: string | null;
  department: string | null;
  startDate: string | null;
  endDate: string | null;
  valueAmount: string | null;
  valueCurrency: string | null;
  abstract: string | null;
}

/** A page of outcomes of one type: the first ones to list, and how many there are in all (counted in SQL). */
export interface ListedOutcomes {
  items: OutcomeView[];
  totalItems: number;
}

export interface CaseStudyData {
  award: CaseStudyAward;
  summary: ImpactSummary;
  narratives: ListedOutcomes;
  policyInfluences: ListedOutcomes;
  partnerships: ListedOutcomes;
  /** the sources the caller may see, at most ten */
  sources: Evidence[];
  unlistedSources: number;
  draftedOn: string;
}

export const SOURCES_HEADING = 'Sources to corroborate the impact';
export const CONFIDENTIAL_MARK = '(confidential: for internal use)';

/** "Policymakers/politicians (3), Professional practitioners (2)"; "none recorded" when empty. */
const counts = (list: VocabCount[]): string => (list.length ? list.map((v) => `${v.label} (${v.count})`).join(', ') : 'none recorded');

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function safeLabel(name: VocabularyName, code: string): string {
  try {
    return labelOf(name, code);
  } catch {
    return code;
  }
}

/** Paragraphs of a free text as written (blank lines separate them). */
const paragraphs = (text: string | null | undefined): Block[] =>
  (text ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => para(p));

const more = (listed: ListedOutcomes, what: string): Block[] =>
  listed.totalItems > listed.items.length ? [para(seg(`… and ${listed.totalItems - listed.items.length} more ${what} recorded.`, { em: true }))] : [];

function summarySection(d: CaseStudyData): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 2, text: 'Summary of the impact' }];
  if (!d.narratives.items.length) {
    out.push(para(seg('No narrative impact is recorded yet: record an impact narrative on the award to draft this summary.', { em: true })));
  }
  for (const n of d.narratives.items) {
    out.push(...paragraphs(n.description), ...paragraphs(n.impact));
  }
  const recorded = d.summary.outcomeCounts.filter((c) => c.count > 0).map((c) => `${typeLabel(c.type)} (${c.count})`);
  if (recorded.length) out.push(para(seg('Outcomes recorded against the award: ', { strong: true }), `${recorded.join(', ')}.`));
  return out;
}

function researchSection(a: CaseStudyAward): Block[] {
  const dates = a.startDate || a.endDate ? `${a.startDate ?? '?'} to ${a.endDate ?? '?'}` : 'not recorded';
  const facts: Segment[][] = [
    [seg('Award: ', { strong: true }), seg(`${a.reference}, “${a.title}”`)],
    [seg('Funder: ', { strong: true }), seg(a.funder ?? 'not recorded')],
    [seg('Lead organisation: ', { strong: true }), seg(`${a.leadOrganisation ?? 'not recorded'}${a.department ? ` (${a.department})` : ''}`)],
    [seg('Dates: ', { strong: true }), seg(dates)],
  ];
  if (a.valueAmount && a.valueCurrency) facts.push([seg('Value: ', { strong: true }), seg(`${formatAmount(a.valueAmount, a.valueCurrency)} ${a.valueCurrency}`)]);
  return [{ kind: 'heading', level: 2, text: 'Underpinning research' }, { kind: 'list', items: facts }, ...paragraphs(a.abstract)];
}

function outcomeItem(o: OutcomeView, facts: string[]): Segment[] {
  const head = o.title ? [seg(`${o.title}: `, { strong: true })] : [];
  const tail = facts.filter(Boolean);
  return [...head, seg(o.description), ...(tail.length ? [seg(` (${tail.join('; ')})`)] : []), ...(o.impact ? [seg(` Impact: ${o.impact}`)] : [])];
}

function detailsSection(d: CaseStudyData): Block[] {
  const s = d.summary;
  const out: Block[] = [{ kind: 'heading', level: 2, text: 'Details of the impact' }];
  if (d.narratives.items.length) {
    out.push({ kind: 'heading', level: 3, text: 'Narrative impact' });
    out.push({ kind: 'list', items: d.narratives.items.map((n) => outcomeItem({ ...n, impact: null }, [
      n.firstYearOfImpact ? `first year of impact ${n.firstYearOfImpact}` : '', display('IMPACT_NARRATIVE', 'impactTypes', n.impactTypes), display('IMPACT_NARRATIVE', 'sectors', n.sectors),
    ])) }, ...more(d.narratives, 'narratives'));
  }
  out.push({ kind: 'heading', level: 3, text: 'Influence on policy, practice, patients and the public' });
  out.push(para(`${plural(s.policyInfluence.total, 'influence')} recorded. By type: ${counts(s.policyInfluence.byType)}. By geographic reach: ${counts(s.policyInfluence.byGeographicReach)}.`));
  if (d.policyInfluences.items.length) {
    out.push({ kind: 'list', items: d.policyInfluences.items.map((p) => outcomeItem(p, [
      display('POLICY_INFLUENCE', 'influenceType', p.influenceType), display('POLICY_INFLUENCE', 'geographicReach', p.geographicReach), p.firstYear ? String(p.firstYear) : '',
    ])) }, ...more(d.policyInfluences, 'influences'));
  }
  out.push({ kind: 'heading', level: 3, text: 'Collaborations and partnerships' });
  out.push(para(`${plural(s.partnerships.total, 'partnership')} recorded. By sector: ${counts(s.partnerships.bySector)}. By country: ${counts(s.partnerships.byCountry)}.`));
  if (d.partnerships.items.length) {
    out.push({ kind: 'list', items: d.partnerships.items.map((p) => outcomeItem({ ...p, title: p.organisation?.name ?? p.title }, [
      display('PARTNERSHIP', 'sector', p.sector), p.country ?? '', p.startYear ? `from ${p.startYear}${p.endYear ? ` to ${p.endYear}` : ''}` : '',
    ])) }, ...more(d.partnerships, 'partnerships'));
  }
  out.push(...engagement(s), ...furtherFunding(s));
  return out;
}

function engagement(s: ImpactSummary): Block[] {
  const e = s.engagement;
  const out: Block[] = [
    { kind: 'heading', level: 3, text: 'Engagement' },
    para(`${plural(e.total, 'engagement activity', 'engagement activities')} recorded. By primary audience: ${counts(e.byPrimaryAudience)}. By geographic reach: ${counts(e.byGeographicReach)}.`),
  ];
  if (e.audienceByReach.length) {
    out.push({ kind: 'table', head: ['Primary audience', 'Geographic reach', 'Activities'], rows: e.audienceByReach.map((c) => [safeLabel('Audience', c.row), safeLabel('GeographicReach', c.column), String(c.count)]) });
  }
  if (e.byYear.length) out.push(para(`By year: ${e.byYear.map((y) => `${y.year} (${y.count})`).join(', ')}.`));
  return out;
}

function furtherFunding(s: ImpactSummary): Block[] {
  const f = s.furtherFunding;
  if (!f.count) return [];
  return [{ kind: 'heading', level: 3, text: 'Further funding' }, para(`${plural(f.count, 'further funding award')} recorded, totalling ${f.byCurrency.map((m) => `${m.amount} ${m.currency}`).join(' and ')}.`)];
}

function sourceItem(e: Evidence): Segment[] {
  const who = [e.sourceRole, e.sourceOrganisation, e.date].filter(Boolean).join(', ');
  const out: Segment[] = [seg(`${EVIDENCE_KIND_LABELS[e.kind] ?? e.kind}: `, { strong: true }), seg(e.summary)];
  if (e.quote) out.push(seg(' “'), seg(e.quote, { em: true }), seg('”'));
  if (who) out.push(seg(` (${who})`));
  if (e.url) out.push(seg(' '), seg(e.url, { href: e.url }));
  if (e.confidential) out.push(seg(` ${CONFIDENTIAL_MARK}`, { strong: true }));
  return out;
}

function sourcesSection(d: CaseStudyData): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 2, text: SOURCES_HEADING }];
  if (!d.sources.length) out.push(para(seg('No corroborating sources are recorded yet.', { em: true })));
  else out.push({ kind: 'list', ordered: true, items: d.sources.map(sourceItem) });
  if (d.unlistedSources) out.push(para(seg(`${plural(d.unlistedSources, 'further source')} recorded in the tracker (REF lists at most ten).`, { em: true })));
  return out;
}

/** The case study as blocks, in the REF template's order; rendered to Markdown and HTML from the same blocks. */
export function buildCaseStudy(d: CaseStudyData): Block[] {
  return [
    { kind: 'heading', level: 1, text: `Impact case study (draft): ${d.award.title}` },
    para(seg(`Drafted on ${d.draftedOn} from the records of award ${d.award.reference}. Figures are as recorded; edit the text before submission.`, { em: true })),
    ...summarySection(d),
    ...researchSection(d.award),
    ...detailsSection(d),
    ...sourcesSection(d),
  ];
}
