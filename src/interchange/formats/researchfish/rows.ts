/** One Researchfish outcome row → an ImportRecord (the sheet's field mapping, plus the per-sheet special cases). */
import { Decimal } from 'decimal.js';
import { isCurrency } from '../../../common/money.js';
import type { ImportRecord, ProblemSink } from '../../import/types.js';
import { fieldDef } from '../../fields.js';
import { moneyOf, textOf, type ValueResult } from '../../values.js';
import { RecordBuilder } from '../record-builder.js';
import { monthNumber, type Plain } from './cells.js';
import type { RfSheet } from './sheets.js';
import { isYearColumn, type SheetRow } from './table.js';

// Read by the special cases below rather than column by column.
const SPECIAL = new Set(['Currency', 'Amount', 'Fund Start Month', 'Fund Start Year', 'Fund End Month', 'Fund End Year', 'Year Took Place']);

const dateError = (v: Plain): (() => ValueResult) | undefined =>
  v instanceof Date ? () => ({ error: `${textOf(v)} is a date: the spreadsheet turned the cell into one; write the original text` }) : undefined;

export interface RowOutcome {
  record: ImportRecord;
  /** The outcome's identity across rows (Outcome Base ID / Collaborator Base ID). */
  key: string | undefined;
}

export function readOutcomeRow(sheet: RfSheet, row: SheetRow, fallback: string | null | undefined, sink: ProblemSink): RowOutcome {
  const b = new RecordBuilder(sheet.type, row.location, sink);
  const get = (h: string): Plain => row.values.get(h) ?? null;
  for (const col of sheet.columns) {
    const link = col.field && fieldDef(sheet.type, col.field)?.kind === 'url' ? row.links.get(col.header) : undefined;
    const v = link ?? get(col.header);
    if (SPECIAL.has(col.header) || v === null) continue;
    if (col.field) b.set(col.field, col.header, v, dateError(v));
    else if (col.header !== sheet.key) b.keep(col.header, v);
  }
  // Sheets without a Description column describe the outcome by its title (FORMATS.md §3).
  if (!sheet.columns.some((c) => c.field === 'description')) b.set('description', sheet.titleColumn, get(sheet.titleColumn), dateError(get(sheet.titleColumn)));
  if (sheet.type === 'FURTHER_FUNDING') readFunding(b, get, sink);
  if (sheet.type === 'ENGAGEMENT_ACTIVITY') readYears(b, row);
  for (const h of row.unknown) b.keep(h, get(h));
  const pubid = get('pubid');
  if (pubid !== null) b.keep('pubid', pubid);
  const key = textOf(get(sheet.key)) || undefined;
  const rowId = textOf(get('id'));
  const ids = [key, rowId].filter((s): s is string => !!s);
  if (ids.length) b.input.externalIds = [...new Set(ids)];
  const ref = textOf(get('Award Reference')) || fallback || '';
  return { record: b.build(ref ? [ref] : [], { externalKey: key }), key };
}

/** Currency + Amount; lenient mode falls back on the sheet's own GBP equivalent, and says so. */
function readFunding(b: RecordBuilder, get: (h: string) => Plain, sink: ProblemSink): void {
  const amount = get('Amount');
  const currency = get('Currency');
  const money = moneyOf(amount, currency);
  const ok = 'ok' in money && isCurrency((money.ok as { currency: string }).currency);
  const gbp = textOf(get('GBP equivalent value'));
  if (ok || 'empty' in money) {
    b.set('amount', 'Amount', amount, () => money);
  } else {
    const why = 'error' in money ? money.error : `"${textOf(currency)}" is not an ISO 4217 currency code`;
    b.keep('Currency', currency);
    b.keep('Amount', amount);
    if (sink.lenient && /^\d+(\.\d+)?$/.test(gbp)) {
      b.input.amount = { amount: new Decimal(gbp).toFixed(2), currency: 'GBP' };
      b.label('amount', 'Amount');
      sink.problem({ location: b.location, field: 'Currency', value: textOf(currency), message: `${why}; imported the GBP equivalent value ${gbp} instead (Currency and Amount kept in sourceFields)` });
    } else b.set('amount', 'Currency', textOf(currency), () => ({ error: why }));
  }
  for (const [field, month, year] of [['start', 'Fund Start Month', 'Fund Start Year'], ['end', 'Fund End Month', 'Fund End Year']] as const) {
    b.set(field, month, { month: get(month), year: get(year) }, () => yearMonth(get(month), get(year), month));
  }
}

function yearMonth(month: Plain, year: Plain, label: string): ValueResult {
  if (month === null && year === null) return { empty: true };
  const m = monthNumber(month);
  const y = textOf(year);
  if (year instanceof Date || !/^\d{4}(\.0+)?$/.test(y)) return { error: `"${textOf(year)}" is not a year` };
  if (m === null) return { error: `${label} "${textOf(month)}" is not a month (1-12 or its name)` };
  return { ok: `${y.slice(0, 4)}-${String(m).padStart(2, '0')}` };
}

/** Year Took Place, and every year column holding 1, are the years of the activity. */
function readYears(b: RecordBuilder, row: SheetRow): void {
  const years: unknown[] = [];
  const took = row.values.get('Year Took Place') ?? null;
  if (took !== null) years.push(took);
  for (const [name, v] of row.values) {
    if (!isYearColumn(name)) continue;
    const t = textOf(v).toLowerCase();
    if (t === '1' || t === 'true' || t === 'yes') years.push(name);
    else if (t !== '0' && t !== 'false' && t !== 'no' && t !== '') {
      b.set('years', name, v, () => ({ error: `year column ${name} must hold 1 or 0` }));
    }
  }
  if (years.length) b.set('years', 'Year Took Place', years.map(textOf));
}

