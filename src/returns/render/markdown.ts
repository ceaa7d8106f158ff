import type { ReturnDocument } from '../return-document.js';
import { byType, deliveredText, display, sourceLine, typeLabel, withheld } from './fields.js';

const cell = (s: unknown) => String(s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const table = (head: string[], rows: unknown[][]) =>
  [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');

/** The return as Markdown: header, changes, figures, warnings, then every outcome by type. */
export function renderMarkdown(doc: ReturnDocument): string {
  const a = doc.award;
  const out = [
    `# Annual return: ${a.reference} — ${a.title}`,
    '',
    `- Period: ${doc.period.name} (covers ${doc.period.coversFrom.slice(0, 10)} to ${doc.period.coversTo.slice(0, 10)})`,
    `- Funder: ${a.funder ?? '—'}; lead organisation: ${a.leadOrganisation ?? '—'}${a.department ? ` (${a.department})` : ''}`,
    a.value ? `- Award value: ${a.value.amount} ${a.value.currency}` : '',
    '',
    '## Changes since the last submission',
    table(['New', 'Updated', 'Unchanged', 'Removed'], [[doc.changes.new, doc.changes.updated, doc.changes.unchanged, doc.changes.removed]]),
    '',
    '## Outcomes by type',
    table(['Type', 'Count'], doc.summary.outcomeCounts.map((c) => [typeLabel(c.type), c.count])),
    '',
    '## Further funding',
    table(['Currency', 'Total'], doc.fundingTotals.byCurrency.map((m) => [m.currency, m.amount])),
    '',
    '## Engagement by year',
    table(['Year', 'Activities'], doc.summary.engagement.byYear.map((y) => [y.year, y.count])),
    '',
  ];
  out.push(...pathways(doc));
  if (doc.warnings.length) {
    out.push('## Warnings', '', ...doc.warnings.map((w) => `- ${w.outcomeId} \`${w.field}\`: ${w.message}`), '');
  }
  for (const [type, outcomes] of byType(doc)) {
    out.push(`## ${typeLabel(type)} (${outcomes.length})`, '');
    for (const { changeStatus, outcome, evidenceCount } of outcomes) {
      const head = outcome.title ? `**${cell(outcome.title)}** — ` : '';
      out.push(`- [${changeStatus}] ${head}${cell(outcome.description)}`);
      if (evidenceCount) out.push(`  - evidence: ${evidenceCount}`);
      for (const f of ['form', 'primaryAudience', 'geographicReach', 'years', 'amount', 'organisation', 'sector', 'country', 'start', 'end', 'influenceType', 'materialType', 'impactTypes', 'sectors']) {
        const v = display(type, f, outcome[f]);
        if (v) out.push(`  - ${f}: ${cell(v)}`);
      }
    }
    out.push('');
  }
  return out.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}

/** Plan progress and corroborating evidence (returns submitted before pathways have neither). */
function pathways(doc: ReturnDocument): string[] {
  const out: string[] = [];
  if (doc.planProgress) {
    out.push('## Pathways to impact: planned and delivered', '');
    out.push(doc.planProgress.length
      ? table(['Beneficiary group', 'Planned activity', 'Target year', 'Delivered outcomes'], doc.planProgress.map((p) => [p.beneficiaryGroup, p.plannedActivity ?? p.description, p.targetYear ?? '', deliveredText(p.delivered)]))
      : 'No impact plan recorded.', '');
  }
  if (doc.evidence) {
    out.push('## Corroborating evidence', '', ...doc.evidence.sources.map((e) => `- ${cell(sourceLine(e))}`));
    if (doc.evidence.confidentialWithheld) out.push(`- ${withheld(doc.evidence.confidentialWithheld)}`);
    if (!doc.evidence.total) out.push('No evidence recorded.');
    out.push('');
  }
  return out;
}
