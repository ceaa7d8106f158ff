/** CSV import, streamed: rows are parsed, checked and handed on one at a time, so memory stays flat. */
import { parse } from 'csv-parse';
import { HttpException } from '@nestjs/common';
import { pipeline, type Readable } from 'node:stream';
import { normaliseReference } from '../../awards/award-lookup.js';
import type { OutcomeTypeName } from '../../outcomes/outcome.entity.js';
import type { ImportRecord, ImportSource, ProblemSink } from '../import/types.js';
import { fieldDefs } from '../fields.js';
import { splitList } from '../values.js';
import { AWARDS_COLUMN, csvHeader, CURRENCY_COLUMN, ID_COLUMN, SOURCE_FIELDS_COLUMN } from './csv-columns.js';
import { RecordBuilder } from './record-builder.js';

export function csvSource(input: Readable, type: OutcomeTypeName, awardReference: string | null | undefined, sink: ProblemSink): ImportSource {
  return { awards: [], records: csvRecords(input, type, awardReference, sink) };
}

async function* csvRecords(input: Readable, type: OutcomeTypeName, fallback: string | null | undefined, sink: ProblemSink): AsyncGenerator<ImportRecord> {
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true });
  // pipeline, not pipe: an error of the body stream (too large, client gone) must end the loop below.
  pipeline(input, parser, () => undefined);
  let header: string[] | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      // info.lines is where the row ends; quoted line breaks inside it move its start up.
      const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
      if (!header) {
        header = record.map((h) => h.trim());
        if (!checkHeader(header, type, sink)) return;
        continue;
      }
      if (record.length !== header.length) {
        sink.problem({ location: `line ${line}`, value: String(record.length), message: `the row has ${record.length} cells, the header ${header.length}` });
        if (record.length < header.length) continue;
      }
      yield readRow(header, record, type, `line ${line}`, fallback, sink);
    }
  } catch (e) {
    if (e instanceof HttpException) throw e;
    sink.fatal({ location: 'file', message: `not readable as CSV: ${(e as Error).message}` });
  } finally {
    input.destroy();
  }
  if (!header) sink.fatal({ location: 'file', message: 'the file is empty: a CSV import needs a header line' });
}

/** Unknown columns are reported (their values are kept in sourceFields); a missing required column ends the import. */
function checkHeader(header: string[], type: OutcomeTypeName, sink: ProblemSink): boolean {
  const known = new Set(csvHeader(type));
  for (const h of header) {
    if (!known.has(h)) sink.problem({ location: 'line 1', field: h, message: `unknown column for ${type}; columns are: ${[...known].join(', ')}` });
  }
  const missing = fieldDefs(type).filter((d) => d.required && !header.includes(d.field)).map((d) => d.field);
  if (missing.length) sink.fatal({ location: 'line 1', value: missing.join(', '), message: `required column(s) missing: ${missing.join(', ')}` });
  return !missing.length;
}

function readRow(header: string[], cells: string[], type: OutcomeTypeName, location: string, fallback: string | null | undefined, sink: ProblemSink): ImportRecord {
  const b = new RecordBuilder(type, location, sink);
  const defs = new Map(fieldDefs(type).map((d) => [d.field, d]));
  const cell = (name: string): string => cells[header.indexOf(name)] ?? '';
  let refs: string[] = [];
  header.forEach((name, i) => {
    const value = cells[i] ?? '';
    if (name === ID_COLUMN || name === CURRENCY_COLUMN) return;
    if (name === AWARDS_COLUMN) refs = splitList(value).map(normaliseReference);
    else if (name === SOURCE_FIELDS_COLUMN) readSourceFields(b, value, location, sink);
    else if (defs.get(name)?.kind === 'money') b.set(name, name, { amount: value, currency: cell(CURRENCY_COLUMN) });
    else if (defs.has(name)) b.set(name, name, value);
    else b.keep(name, value);
  });
  if (!refs.length && fallback) refs = [normaliseReference(fallback)];
  const ids = (b.input.externalIds as string[] | undefined) ?? [];
  return b.build(refs, { id: cell(ID_COLUMN).trim() || undefined, externalKey: ids[0] });
}

function readSourceFields(b: RecordBuilder, text: string, location: string, sink: ProblemSink): void {
  if (!text.trim()) return;
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return void Object.assign(b.sourceFields, value);
  } catch {
    // reported below
  }
  b.keep(SOURCE_FIELDS_COLUMN, text);
  sink.problem({ location, field: SOURCE_FIELDS_COLUMN, value: text, message: 'sourceFields must be a JSON object' });
}
