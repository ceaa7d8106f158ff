/** The CLI's import and export commands: the same services as the API, run as a system admin, no HTTP. */
import type { INestApplicationContext } from '@nestjs/common';
import { createReadStream, statSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { Transform } from 'node:stream';
import { AppError } from '../../common/errors.js';
import { RequestContext } from '../../common/request-context.js';
import { OUTCOME_TYPES, type OutcomeTypeName } from '../../outcomes/outcome.entity.js';
import { ExportService } from '../export/export.service.js';
import { ImportService } from '../import/import.service.js';
import { EXPORT_FORMATS, IMPORT_FORMATS, type ExportFormatName, type ImportFormatName, type ImportProblem, type ImportReportData } from '../import/types.js';
import { progress } from './progress.js';

export class UsageError extends Error {}

export interface CliArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

const BY_EXTENSION: Record<string, ImportFormatName> = {
  '.txt': 'GTR_TEXT', '.json': 'GTR_JSON', '.xml': 'GTR_XML', '.xlsx': 'RESEARCHFISH_XLSX', '.csv': 'CSV',
};

function option<T extends string>(name: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const v = String(value).toUpperCase().replace(/-/g, '_') as T;
  if (!allowed.includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}`);
  return v;
}

const ctx = () => RequestContext.system('cli');

/** `import <file>`: 0 when imported, 1 when the report lists problems. */
export async function importCommand(app: INestApplicationContext, { positionals, values }: CliArgs): Promise<number> {
  const [file] = positionals;
  if (!file) throw new UsageError('import needs a file');
  const format = option('format', values.format, IMPORT_FORMATS) ?? BY_EXTENSION[extname(file).toLowerCase()];
  if (!format) throw new UsageError(`cannot tell the format of ${file} from its extension: give --format`);
  const size = statSync(file).size;
  let bytes = 0;
  let records = 0;
  const bar = progress(size);
  // Bytes as the file is read; records as the import takes them: the bar moves while a CSV streams.
  const counted = createReadStream(file).pipe(new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      bar.update(bytes, records);
      done(null, chunk);
    },
  }));
  const report = await app.get(ImportService).import(
    ctx(),
    {
      format,
      awardReference: values.award as string | undefined,
      outcomeType: option('type', values.type, OUTCOME_TYPES) as OutcomeTypeName | undefined,
      dryRun: values['dry-run'] === true,
      lenient: values.lenient === true,
      onProgress: (n) => {
        records = n;
        bar.update(bytes, n);
      },
    },
    counted,
    { awardReference: '--award', outcomeType: '--type' },
  ).finally(() => bar.stop());
  printReport(report, values.json === true, values['dry-run'] === true);
  return report.problems.length ? 1 : 0;
}

/** `export --format F [--award REF] [--type T] [-o file]`: the file on stdout, or written to -o. */
export async function exportCommand(app: INestApplicationContext, { values }: CliArgs): Promise<number> {
  const format = option('format', values.format, EXPORT_FORMATS) as ExportFormatName | undefined;
  if (!format) throw new UsageError('export needs --format');
  const awards = typeof values.award === 'string' ? values.award.split(',').map((s) => s.trim()).filter(Boolean) : [];
  const file = await app.get(ExportService).export(
    ctx(), format, awards.length ? { awardReferences: awards } : null,
    option('type', values.type, OUTCOME_TYPES) as OutcomeTypeName | undefined, { award: '--award', type: '--type' },
  );
  if (typeof values.output === 'string') writeFileSync(values.output, file.body);
  else process.stdout.write(file.body);
  return 0;
}

const describe = (p: ImportProblem): string =>
  [p.location, p.field, p.value !== undefined && p.value !== null ? JSON.stringify(p.value) : undefined, p.message].filter((x) => x !== undefined && x !== null).join(' · ');

function printReport(r: ImportReportData, json: boolean, dryRun: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  const verdict = r.problems.length ? 'refused: nothing was written' : dryRun ? 'dry run: nothing was written' : 'imported';
  process.stdout.write(
    `${verdict}\ncreated ${r.created}, updated ${r.updated}, unchanged ${r.unchanged}, attributed ${r.attributed}, awards created ${r.awardsCreated}\n`,
  );
  if (r.problems.length) process.stdout.write(`\nproblems (${r.problems.length}):\n${r.problems.map((p) => `  ${describe(p)}`).join('\n')}\n`);
  if (r.dataQuality.length) process.stdout.write(`\ndata quality (${r.dataQuality.length}):\n${r.dataQuality.map((p) => `  ${describe(p)}`).join('\n')}\n`);
}

/** An expected failure (bad argument, scope) as one line for the terminal. */
export function describeError(e: unknown): string | null {
  if (!(e instanceof AppError)) return null;
  const fields = e.fields?.map((f) => `  ${f.path}: ${f.message}`).join('\n');
  return fields ? `${e.code}: ${e.message.split(':')[0]}\n${fields}` : `${e.code}: ${e.message}`;
}
