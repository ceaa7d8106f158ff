/** A worksheet as a table: its header row mapped to canonical column names, and readable rows. */
import type ExcelJS from 'exceljs';
import type { ProblemSink } from '../../import/types.js';
import { textOf } from '../../values.js';
import { readCell, type Plain } from './cells.js';
import { columnOf, type RfColumn } from './sheets.js';

export interface SheetRow {
  number: number;
  location: string;
  /** Values by canonical header (year columns as "2006"; unknown headers as written). */
  values: Map<string, Plain>;
  /** Hyperlink targets by canonical header (a URL column's cell may show text and link elsewhere). */
  links: Map<string, string>;
  /** Headers the sheet has that no known column matches, in sheet order. */
  unknown: string[];
}

const YEAR = /^(19|20)\d{2}$/;

/** Rows of a sheet (empty rows skipped); a cell holding a spreadsheet error is reported and read as empty. */
export function readTable(ws: ExcelJS.Worksheet, columns: readonly RfColumn[], sink: ProblemSink): SheetRow[] {
  const headerRow = ws.getRow(1);
  const headers = new Map<number, string>();
  const unknown: string[] = [];
  headerRow.eachCell({ includeEmpty: false }, (cell, col) => {
    const read = readCell(cell.value);
    const text = 'value' in read ? textOf(read.value) : '';
    if (!text) return;
    const known = columnOf(text, columns);
    if (!known && !YEAR.test(text)) unknown.push(text);
    headers.set(col, known?.header ?? text);
  });
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const location = `${ws.name} row ${number}`;
    const values = new Map<string, Plain>();
    const links = new Map<string, string>();
    for (const [col, name] of headers) {
      const read = readCell(row.getCell(col).value);
      if ('error' in read) sink.problem({ location, field: name, message: read.error });
      else if (read.value !== null) values.set(name, read.value);
      if ('link' in read && read.link) links.set(name, read.link);
    }
    if (values.size) rows.push({ number, location, values, links, unknown });
  });
  return rows;
}

export const isYearColumn = (name: string): boolean => YEAR.test(name);
