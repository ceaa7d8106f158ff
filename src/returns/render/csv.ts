import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../../common/spreadsheet.js';
import type { ReturnDocument } from '../return-document.js';
import { byType, columnsOf, display, typeLabel } from './fields.js';

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
    rows.push([typeLabel(type)], ['changeStatus', 'id', 'awardReferences', ...cols]);
    for (const { changeStatus, outcome } of outcomes) {
      rows.push([changeStatus, outcome.id, (outcome.awardReferences ?? []).join(';'), ...cols.map((c) => display(type, c, outcome[c]))]);
    }
    rows.push([]);
  }
  return stringify(rows.map((r) => r.map(neutraliseCell)));
}
