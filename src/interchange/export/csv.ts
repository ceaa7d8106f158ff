/** CSV export of one outcome type, in the layout CSV import reads (formats/csv-columns.ts). */
import { stringify } from 'csv-stringify/sync';
import type { OutcomeTypeName } from '../../outcomes/outcome.entity.js';
import { fieldDefs } from '../fields.js';
import { AWARDS_COLUMN, csvHeader, csvText, CURRENCY_COLUMN, ID_COLUMN, SOURCE_FIELDS_COLUMN } from '../formats/csv-columns.js';
import type { ExportedOutcome } from './load.js';
import { neutraliseCell as safeCell } from '../../common/spreadsheet.js';
import { viewToInput } from './view-input.js';

export async function* csvExport(type: OutcomeTypeName, outcomes: AsyncIterable<ExportedOutcome>): AsyncGenerator<string> {
  const header = csvHeader(type);
  yield stringify([header]);
  const defs = new Map(fieldDefs(type).map((d) => [d.field, d]));
  let rows: string[][] = [];
  for await (const { view, awards } of outcomes) {
    const input = viewToInput(view);
    rows.push(
      header.map((column) => {
        if (column === ID_COLUMN) return view.id;
        if (column === AWARDS_COLUMN) return safeCell(awards.join('; '));
        if (column === SOURCE_FIELDS_COLUMN) return view.sourceFields && Object.keys(view.sourceFields).length ? safeCell(JSON.stringify(view.sourceFields)) : '';
        if (column === CURRENCY_COLUMN) return (input.amount as { currency?: string } | null)?.currency ?? '';
        return safeCell(csvText(defs.get(column)!, input[column]));
      }),
    );
    if (rows.length >= 500) {
      yield stringify(rows);
      rows = [];
    }
  }
  if (rows.length) yield stringify(rows);
}
