/**
 * RESEARCHFISH_XLSX import: one sheet per outcome type, one row per (outcome, award). Rows sharing an Outcome
 * Base ID (Collaborator Base ID for collaborations) become ONE outcome attributed to each row's award; the
 * Awards sheet, and the award columns of outcome rows, describe the awards to create.
 */
import ExcelJS from 'exceljs';
import { canonicalJson } from '../../../common/canonical-json.js';
import { normaliseReference } from '../../../awards/award-lookup.js';
import type { ImportAward, ImportRecord, ImportSource, ProblemSink } from '../../import/types.js';
import { textOf } from '../../values.js';
import { dateText, type Plain } from './cells.js';
import { readOutcomeRow } from './rows.js';
import { AWARD_COLUMNS, AWARDS_SHEET, COMMON_COLUMNS, headerKey, sheetOf, type RfSheet } from './sheets.js';
import { readTable, type SheetRow } from './table.js';

interface Group {
  record: ImportRecord;
  comparable: string;
}

export async function researchfishSource(content: Buffer, fallback: string | null | undefined, sink: ProblemSink): Promise<ImportSource> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch (e) {
    sink.fatal({ location: 'file', message: `not an .xlsx workbook: ${(e as Error).message}` });
    return { awards: [], records: [] };
  }
  const awards = new Map<string, ImportAward>();
  const fromRows = new Map<string, ImportAward>();
  const groups = new Map<string, Group>();
  const records: ImportRecord[] = [];
  for (const ws of wb.worksheets) {
    if (headerKey(ws.name) === headerKey(AWARDS_SHEET)) {
      for (const row of readTable(ws, AWARD_COLUMNS, sink)) addAward(awards, row, sink, true);
      continue;
    }
    const sheet = sheetOf(ws.name);
    if (!sheet) {
      if (ws.actualRowCount > 1) sink.problem({ location: ws.name, message: 'not a sheet of an outcome type the tracker keeps (FurtherFunding, Engagement, Policy, Collaborations, Databases): not imported' });
      continue;
    }
    for (const row of readTable(ws, [...COMMON_COLUMNS, ...sheet.columns], sink)) {
      addAward(fromRows, row, sink, false);
      addOutcome(sheet, row, fallback, sink, groups, records);
    }
  }
  for (const [ref, a] of fromRows) if (!awards.has(ref)) awards.set(ref, a);
  return { awards: [...awards.values()], records };
}

/** A row of an outcome already seen adds its award; if it says something else about the outcome, that is a problem. */
function addOutcome(sheet: RfSheet, row: SheetRow, fallback: string | null | undefined, sink: ProblemSink, groups: Map<string, Group>, records: ImportRecord[]): void {
  const { record, key } = readOutcomeRow(sheet, row, fallback, sink);
  const { externalIds, ...rest } = record.input;
  const comparable = canonicalJson(rest);
  const group = key ? groups.get(`${sheet.type}:${key}`) : undefined;
  if (!group) {
    if (key) groups.set(`${sheet.type}:${key}`, { record, comparable });
    records.push(record);
    return;
  }
  group.record.awardReferences = [...new Set([...group.record.awardReferences, ...record.awardReferences])];
  group.record.input.externalIds = [...new Set([...((group.record.input.externalIds as string[]) ?? []), ...((externalIds as string[]) ?? [])])];
  if (comparable !== group.comparable) {
    sink.problem({ location: row.location, field: sheet.key, value: key, message: `this row describes outcome ${key} differently from ${group.record.location}; the first row's values are kept` });
  }
}

const cell = (row: SheetRow, h: string): Plain => row.values.get(h) ?? null;

/** An award from the Awards sheet or from an outcome row's award columns (the first row naming it). */
function addAward(awards: Map<string, ImportAward>, row: SheetRow, sink: ProblemSink, awardsSheet: boolean): void {
  const reference = textOf(cell(row, 'Award Reference'));
  if (!reference) {
    // An outcome row without one is reported by the import as an outcome without an award.
    if (awardsSheet) sink.problem({ location: row.location, field: 'Award Reference', message: 'the award has no reference' });
    return;
  }
  const ref = normaliseReference(reference);
  if (awards.has(ref)) return;
  const award: ImportAward = { location: row.location, reference: ref };
  const text = (h: string): string | undefined => textOf(cell(row, h)) || undefined;
  award.title = text('Award Title');
  award.funder = text('Funder');
  award.leadOrganisation = text('RO');
  award.department = text('Department');
  for (const [field, h] of [['startDate', 'Start Date'], ['endDate', 'End Date']] as const) {
    const v = cell(row, h);
    if (v === null) continue;
    const date = dateText(v);
    if (typeof date === 'string') award[field] = date;
    else sink.problem({ location: row.location, field: h, value: textOf(v), message: date.error });
  }
  const value = textOf(cell(row, 'Funding Value')).replace(/[£,\s]/g, '');
  // Researchfish gives award values in pounds: UKRI awards are made in GBP.
  if (value) award.value = { amount: value, currency: 'GBP' };
  const pi = [text('PI Name'), text('PI Surname')].filter(Boolean).join(' ');
  if (pi) award.people = [{ name: pi, role: 'PI' }];
  awards.set(ref, award);
}
