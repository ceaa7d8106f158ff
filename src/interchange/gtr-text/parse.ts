/** GTR_TEXT import: a GtR project page → the award and the GraphQL create inputs of its outcomes. Pure: no database. */
import { detectType, splitDocument, splitFields, UNLABELLED, type RawBlock } from './blocks.js';
import { parseField } from './fields.js';
import { parseHeader } from './header.js';
import type { GtrTextDocument, ImportProblem, ParsedOutcome, ParseOptions, TypeSpec } from './types.js';

/** Strict mode sends every problem to `problems`; lenient mode to `dataQuality`, and notes what it kept as text. */
class Report {
  readonly problems: ImportProblem[] = [];
  readonly dataQuality: ImportProblem[] = [];
  constructor(private readonly lenient: boolean) {}

  problem = (p: ImportProblem): void => {
    (this.lenient ? this.dataQuality : this.problems).push(p);
  };

  /** Not wrong, only worth knowing (e.g. a truncated URL kept as text): listed in lenient mode only. */
  note = (p: ImportProblem): void => {
    if (this.lenient) this.dataQuality.push(p);
  };
}

/**
 * Parses a GtR project page. Every problem is collected (never only the first); a field with a problem is
 * left out of `input` and its text kept in `sourceFields` under its GtR label.
 */
export function parseGtrText(text: string, options: ParseOptions = {}): GtrTextDocument {
  const report = new Report(options.lenient === true);
  const { header, blocks } = splitDocument(text);
  const award = parseHeader(header, report.problem);
  const outcomes: ParsedOutcome[] = [];
  for (const block of blocks) {
    const outcome = parseBlock(block, report);
    if (outcome) outcomes.push(outcome);
  }
  return { award, outcomes, problems: report.problems, dataQuality: report.dataQuality };
}

function parseBlock(block: RawBlock, report: Report): ParsedOutcome | null {
  const detection = detectType(block);
  if ('error' in detection) {
    report.problem({ location: `line ${block.line}`, value: block.lines[0].text.trim(), message: detection.error });
    return null;
  }
  const { spec } = detection;
  const { fields, leading } = splitFields(block, spec);
  const input: Record<string, unknown> = {};
  const sourceFields: Record<string, string> = {};
  const failed = new Set<string>();
  if (leading) {
    sourceFields[UNLABELLED] = leading.value;
    report.problem({ location: `line ${leading.line}`, value: leading.value, message: 'Text before the first label of a block' });
  }
  for (const raw of fields) {
    const labelSpec = spec.labels.find((l) => l.label === raw.label)!;
    if (!raw.value) continue; // a label with no value carries nothing
    const result = parseField(labelSpec, raw.value);
    if ('ok' in result) {
      input[labelSpec.field] = result.ok;
      continue;
    }
    sourceFields[raw.label] = raw.value;
    const where = { location: `line ${raw.line}`, field: raw.label, value: raw.value };
    if ('keep' in result) report.note({ ...where, message: `${result.keep}; kept as text` });
    else {
      failed.add(labelSpec.field);
      report.problem({ ...where, message: result.error });
    }
  }
  reportMissing(spec, input, failed, block.line, report);
  return { type: spec.type, line: block.line, input, sourceFields };
}

/** Required fields absent from the block (those that failed to parse are already reported). */
function reportMissing(spec: TypeSpec, input: Record<string, unknown>, failed: Set<string>, line: number, report: Report): void {
  for (const field of spec.required) {
    if (field in input || failed.has(field)) continue;
    const label = spec.labels.find((l) => l.field === field)!.label;
    report.problem({ location: `line ${line}`, field: label, message: `${spec.type} block has no ${label}, which is required` });
  }
}
