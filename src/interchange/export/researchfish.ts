/**
 * RESEARCHFISH_XLSX export: the workbook layout RESEARCHFISH_XLSX import reads, one row per (outcome, award).
 * Researchfish has no sheet for narrative impact, so narratives are not written to a workbook.
 */
import ExcelJS from 'exceljs';
import { Decimal } from 'decimal.js';
import type { OutcomeTypeName } from '../../outcomes/outcome.entity.js';
import { OUTCOME_TYPE_LABELS } from '../../outcomes/outcome-type.enum.js';
import { labelOf } from '../../vocabulary/index.js';
import { fieldDef } from '../fields.js';
import { AWARD_COLUMNS, AWARDS_SHEET, COMMON_COLUMNS, RF_SHEETS, type RfSheet } from '../formats/researchfish/sheets.js';
import type { AwardDetails } from './awards.js';
import type { ExportedOutcome } from './load.js';
import { neutraliseCell as safeCell } from '../../common/spreadsheet.js';
import { viewToInput } from './view-input.js';

type Cell = string | number | null;

export async function researchfishExport(outcomes: ExportedOutcome[], awards: Map<string, AwardDetails>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const awardsSheet = wb.addWorksheet(AWARDS_SHEET);
  awardsSheet.addRow(AWARD_COLUMNS.map((c) => c.header));
  for (const a of awards.values()) awardsSheet.addRow(AWARD_COLUMNS.map((c) => clean(awardCell(a, c.header))));
  for (const sheet of RF_SHEETS) {
    const rows = outcomes.filter((o) => o.view.type === sheet.type);
    if (rows.length) writeSheet(wb.addWorksheet(sheet.name), sheet, rows, awards);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function writeSheet(ws: ExcelJS.Worksheet, sheet: RfSheet, outcomes: ExportedOutcome[], awards: Map<string, AwardDetails>): void {
  // Engagement: one 0/1 column per year any exported activity took place in, as Researchfish lays it out.
  const years = sheet.type === 'ENGAGEMENT_ACTIVITY' ? [...new Set(outcomes.flatMap((o) => (o.view.years as number[]) ?? []))].sort() : [];
  const headers = [...COMMON_COLUMNS.map((c) => c.header), ...sheet.columns.map((c) => c.header), ...years.map(String)];
  ws.addRow(headers);
  for (const o of outcomes) {
    const input = viewToInput(o.view);
    for (const ref of o.awards.length ? o.awards : ['']) {
      const award = awards.get(ref);
      ws.addRow(headers.map((h) => clean(cellFor(sheet, h, o, input, award))));
    }
  }
}

function clean(v: Cell): Cell {
  return typeof v === 'string' ? safeCell(v) : v;
}

function cellFor(sheet: RfSheet, header: string, o: ExportedOutcome, input: Record<string, unknown>, award: AwardDetails | undefined): Cell {
  const { view } = o;
  const source = (view.sourceFields ?? {}) as Record<string, unknown>;
  if (/^\d{4}$/.test(header)) return ((view.years as number[]) ?? []).includes(Number(header)) ? 1 : 0;
  switch (header) {
    case 'Outcome Type':
      return OUTCOME_TYPE_LABELS[sheet.type];
    case 'id':
      return view.id;
    case 'pubid':
      return raw(source.pubid);
    case sheet.key:
      return view.externalIds[0] ?? view.id;
    case 'Year Took Place':
      return ((view.years as number[]) ?? [])[0] ?? null;
    case 'Currency':
      return (input.amount as { currency?: string } | null)?.currency ?? null;
    case 'Fund Start Month':
    case 'Fund End Month':
    case 'Fund Start Year':
    case 'Fund End Year':
      return monthPart(input[header.includes('Start') ? 'start' : 'end'], header.endsWith('Month'));
  }
  if (COMMON_COLUMNS.some((c) => c.header === header)) return award ? awardCell(award, header) : null;
  const column = sheet.columns.find((c) => c.header === header);
  if (header === sheet.titleColumn && !sheet.columns.some((c) => c.field === 'description')) return text(input.title ?? input.description);
  if (!column?.field) return raw(source[header]);
  // Text an import could not type (kept in sourceFields under this header) goes back where it came from.
  return fieldCell(sheet.type, column.field, input[column.field]) ?? raw(source[header]);
}

function fieldCell(type: OutcomeTypeName, field: string, value: unknown): Cell {
  if (value === null || value === undefined) return null;
  const def = fieldDef(type, field)!;
  switch (def.kind) {
    case 'vocab':
      return labelOf(def.vocabulary!, String(value));
    case 'vocabList':
      return (value as string[]).map((c) => labelOf(def.vocabulary!, c)).join('; ') || null;
    case 'list':
    case 'ids':
      return (value as string[]).join('; ') || null;
    case 'bool':
      return value ? 'Yes' : 'No';
    case 'money': {
      // A number cell when it is exact as a double, so the sheet can sum it; else the exact text.
      const amount = (value as { amount: string }).amount;
      return new Decimal(Number(amount)).eq(amount) ? Number(amount) : amount;
    }
    case 'int':
    case 'year':
      return Number(value);
    default:
      return text(value);
  }
}

function monthPart(value: unknown, month: boolean): Cell {
  const m = /^(\d{4})-(\d{2})$/.exec(String(value ?? ''));
  if (!m) return null;
  return month ? Number(m[2]) : Number(m[1]);
}

function awardCell(a: AwardDetails, header: string): Cell {
  const [first, ...rest] = (a.pi ?? '').split(' ').reverse();
  switch (header) {
    case 'Funder': return a.funder;
    case 'Award Reference': return a.reference;
    case 'Award Title': return a.title;
    case 'RO': return a.leadOrganisation;
    case 'Department': return a.department;
    case 'Start Date': return a.startDate;
    case 'End Date': return a.endDate;
    case 'Funding Value': return a.valueAmount && a.valueCurrency === 'GBP' ? Number(a.valueAmount) : null;
    case 'PI Name': return rest.reverse().join(' ') || null;
    case 'PI Surname': return a.pi ? first : null;
    default: return null;
  }
}

const raw = (v: unknown): Cell => (typeof v === 'number' ? v : typeof v === 'boolean' ? (v ? 'Yes' : 'No') : text(v));
const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : typeof v === 'string' ? v : JSON.stringify(v));
