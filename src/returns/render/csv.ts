import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../common/spreadsheet.js';
import type { ReturnDocument } from '../return-document.js';
import { byType, columnsOf, display, typeLabel, withheld } from './fields.js';

/** CSV, one section per outcome type (a title row, a header row, the rows, a blank row); formula-injection safe. */
export function renderCsv(doc: ReturnDocument): string {
  const rows: string[][] = [
    ['Award', doc.award.reference, doc.award.title],
    ['Period', doc.period.name, `${doc.period.coversFrom.slice(0, 10)} to ${doc.period.coversTo.slice(0, 10)}`],
    ['Changes', `new ${doc.changes.new}`, `updated ${doc.changes.updated}`, `unchanged ${doc.changes.unchanged}`, `removed ${doc.changes.removed}`],
    [],
  ];
  for (const [type, outcomes] of byType(doc)) {
    const cols = columnsOf(type);
    rows.push([typeLabel(type)], ['changeStatus', 'id', 'awardReferences', ...cols, 'evidenceCount']);
    for (const { changeStatus, outcome, evidenceCount } of outcomes) {
      rows.push([changeStatus, outcome.id, (outcome.awardReferences ?? []).join(';'), ...cols.map((c) => display(type, c, outcome[c])), String(evidenceCount ?? '')]);
    }
    rows.push([]);
  }
  if (doc.planProgress?.length) {
    rows.push(['Impact plan'], ['id', 'beneficiaryGroup', 'description', 'plannedActivity', 'targetYear', 'delivered']);
    for (const p of doc.planProgress) rows.push([p.id, p.beneficiaryGroup, p.description, p.plannedActivity ?? '', String(p.targetYear ?? ''), String(p.delivered)]);
    rows.push([]);
  }
  // sources are in the JSON, Markdown and HTML renderings; the CSV keeps to counts (confidential ones never shown)
  if (doc.evidence) rows.push(['Evidence', `total ${doc.evidence.total}`, withheld(doc.evidence.confidentialWithheld)]);
  return stringify(rows.map((r) => r.map(neutraliseCell)));
}
