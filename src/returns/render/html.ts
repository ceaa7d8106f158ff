import { labelOf } from '../../vocabulary/index.js';
import type { ReturnDocument } from '../return-document.js';
import { byType, columnsOf, deliveredText, display, sourceLine, typeLabel, withheld } from './fields.js';
import { barChart, esc, groupedChart } from './svg.js';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0;width:100%}th,td{border:1px solid #d0d0d0;padding:.25rem .45rem;text-align:left;vertical-align:top}
th{background:#f2f4f7}td{overflow-wrap:anywhere;max-width:26rem}td.long{min-width:14rem}.meta{color:#555}.status{font-weight:600;font-size:.8rem}.NEW{color:#1a7f37}.UPDATED{color:#9a6700}.REMOVED{color:#b42318}
.charts{display:flex;flex-wrap:wrap;gap:1rem}.chart .title{font-weight:600;font-size:14px}.chart .label,.chart .value{font-size:12px;fill:#333}.chart .small{font-size:10px}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,svg{break-inside:avoid}}`;

const rowsOf = (head: string[], rows: unknown[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

function charts(doc: ReturnDocument): string {
  const e = doc.summary.engagement;
  const byYear = barChart('Engagement activities by year', e.byYear.map((y) => ({ label: String(y.year), value: y.count, text: String(y.count) })));
  const currencies = doc.fundingTotals.byCurrency.map((m) => m.currency);
  const sectorCharts = currencies.map((cur) =>
    barChart(
      `Further funding by sector (${cur})`,
      doc.fundingTotals.groups.flatMap((g) => {
        const m = g.byCurrency.find((x) => x.currency === cur);
        const label = g.key.sector ? safeLabel('Sector', g.key.sector) : 'Sector not given';
        return m ? [{ label, value: Number(m.amount), text: `${m.amount} ${cur}` }] : [];
      }),
    ),
  );
  const cross = e.audienceByReach ?? [];
  const audiences = [...new Set(cross.map((c) => c.row))];
  const reaches = [...new Set(cross.map((c) => c.column))];
  const audienceByReach = groupedChart(
    'Primary audience by geographic reach',
    audiences.map((a) => safeLabel('Audience', a)),
    reaches.map((r) => safeLabel('GeographicReach', r)),
    (row, s) => cross.find((c) => safeLabel('Audience', c.row) === row && safeLabel('GeographicReach', c.column) === s)?.count ?? 0,
  );
  return `<div class="charts">${byYear}${sectorCharts.join('')}${audienceByReach}</div>`;
}

/** "primaryAudience" -> "Primary audience" */
const heading = (field: string): string => field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()).replace(/ ([A-Z])(?=[a-z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

function safeLabel(name: Parameters<typeof labelOf>[0], code: string): string {
  try {
    return labelOf(name, code);
  } catch {
    return code;
  }
}

/** A printable page: award header, summary tables and SVG charts, every outcome; no script, no external asset. */
export function renderHtml(doc: ReturnDocument): string {
  const a = doc.award;
  const outcomes = [...byType(doc)].map(([type, list]) => {
    const cols = columnsOf(type).filter((c) => list.some((o) => display(type, c, o.outcome[c])));
    // the evidence column only where some outcome of the type has evidence (and never for old snapshots)
    const evidence = list.some((o) => o.evidenceCount);
    return `<h2>${esc(typeLabel(type))} (${list.length})</h2>${rowsOf(
      ['Change', ...cols.map(heading), ...(evidence ? ['Evidence'] : [])],
      list.map((o) => [o.changeStatus, ...cols.map((c) => display(type, c, o.outcome[c])), ...(evidence ? [o.evidenceCount ?? 0] : [])]),
    ).replace(/<td>(NEW|UPDATED|UNCHANGED|REMOVED)<\/td>/g, '<td class="status $1">$1</td>')}`;
  });
  const e = doc.summary.engagement;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(`Annual return ${a.reference}`)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,"><style>${STYLE}</style></head><body>
<h1>${esc(a.reference)}: ${esc(a.title)}</h1>
<p class="meta">${esc(doc.period.name)} · covers ${esc(doc.period.coversFrom.slice(0, 10))} to ${esc(doc.period.coversTo.slice(0, 10))}<br>
Funder: ${esc(a.funder ?? '—')} · Lead organisation: ${esc(a.leadOrganisation ?? '—')}${a.department ? ` (${esc(a.department)})` : ''}${a.value ? ` · Value: ${esc(a.value.amount)} ${esc(a.value.currency)}` : ''}</p>
<h2>Changes since the last submission</h2>${rowsOf(['New', 'Updated', 'Unchanged', 'Removed'], [[doc.changes.new, doc.changes.updated, doc.changes.unchanged, doc.changes.removed]])}
<h2>Summary</h2>${rowsOf(['Outcome type', 'Count'], doc.summary.outcomeCounts.map((c) => [typeLabel(c.type), c.count]))}
${rowsOf(['Further funding', 'Total'], doc.fundingTotals.byCurrency.map((m) => [m.currency, m.amount]))}
${rowsOf(['Engagement by reach', 'Activities'], e.byGeographicReach.map((v) => [v.label, v.count]))}
${charts(doc)}
${pathways(doc)}
${doc.warnings.length ? `<h2>Warnings (${doc.warnings.length})</h2>${rowsOf(['Outcome', 'Field', 'Warning'], doc.warnings.map((w) => [w.outcomeId, w.field, w.message]))}` : ''}
${outcomes.join('\n')}
</body></html>`;
}

/** Plan progress and corroborating evidence (returns submitted before pathways have neither). */
function pathways(doc: ReturnDocument): string {
  const plan = doc.planProgress
    ? `<h2>Pathways to impact: planned and delivered</h2>${doc.planProgress.length
      ? rowsOf(['Beneficiary group', 'Planned activity', 'Target year', 'Delivered outcomes'], doc.planProgress.map((p) => [p.beneficiaryGroup, p.plannedActivity ?? p.description, p.targetYear ?? '', deliveredText(p.delivered)]))
      : '<p>No impact plan recorded.</p>'}`
    : '';
  const ev = doc.evidence;
  const lines = ev ? [...ev.sources.map(sourceLine), ...(ev.confidentialWithheld ? [withheld(ev.confidentialWithheld)] : [])] : [];
  const evidence = ev ? `<h2>Corroborating evidence (${ev.total})</h2>${lines.length ? `<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : '<p>No evidence recorded.</p>'}` : '';
  return plan + evidence;
}
