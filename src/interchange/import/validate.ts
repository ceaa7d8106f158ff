/**
 * Checks an imported outcome exactly as the GraphQL create mutation would: the input classes' class-validator
 * rules (plainToInstance + validate), the required fields, and the type's cross-field checks. Rules are not
 * restated here, so an import can never accept what the API refuses.
 */
import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { OutcomeTypeName } from '../../outcomes/outcome.entity.js';
import {
  EngagementActivityInput, FurtherFundingInput, ImpactNarrativeInput, PartnershipInput, PolicyInfluenceInput, ResearchMaterialInput,
} from '../../outcomes/outcome.inputs.js';
import { TYPE_SPECS } from '../../outcomes/types/type-spec.js';
import { isCode } from '../../vocabulary/index.js';
import { fieldDefs } from '../fields.js';
import { textOf } from '../values.js';
import type { ImportRecord, ProblemSink } from './types.js';

const INPUT_CLASSES: Record<OutcomeTypeName, new () => object> = {
  ENGAGEMENT_ACTIVITY: EngagementActivityInput,
  FURTHER_FUNDING: FurtherFundingInput,
  POLICY_INFLUENCE: PolicyInfluenceInput,
  PARTNERSHIP: PartnershipInput,
  RESEARCH_MATERIAL: ResearchMaterialInput,
  IMPACT_NARRATIVE: ImpactNarrativeInput,
};

/** One invalid input field (the top-level field, whatever nested part of it failed). */
interface FieldFailure {
  field: string;
  message: string;
}

function flatten(errors: ValidationError[], root: string | null, out: FieldFailure[]): FieldFailure[] {
  for (const e of errors) {
    const field = root ?? e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    if (e.children?.length) flatten(e.children, field, out);
  }
  return out;
}

/** Every reason the record's input would be refused by the GraphQL create mutation. */
export async function inputFailures(type: OutcomeTypeName, input: Record<string, unknown>): Promise<FieldFailure[]> {
  const failures: FieldFailure[] = [];
  for (const def of fieldDefs(type)) {
    const v = input[def.field];
    if (def.required && (v === undefined || v === null || (typeof v === 'string' && !v.trim()))) {
      failures.push({ field: def.field, message: `${def.field} is required` });
    } else if (def.vocabulary && v != null) {
      const bad = (Array.isArray(v) ? v : [v]).filter((c) => typeof c !== 'string' || !isCode(def.vocabulary!, c));
      if (bad.length) failures.push({ field: def.field, message: `${def.field} has codes outside ${def.vocabulary}: ${bad.join(', ')}` });
    }
  }
  const instance = plainToInstance(INPUT_CLASSES[type], input);
  const errors = await validate(instance, { forbidUnknownValues: false, validationError: { target: false } });
  for (const f of flatten(errors, null, [])) {
    if (!failures.some((x) => x.field === f.field && x.message.endsWith('is required'))) failures.push(f);
  }
  // The cross-field checks the service runs; the input classes may already say the same of the field.
  for (const e of TYPE_SPECS[type].check?.(input) ?? []) {
    const field = e.path.replace(/^input\./, '');
    if (!failures.some((f) => f.field === field)) failures.push({ field, message: e.message });
  }
  return failures;
}

/**
 * The record as it may be written, or null when it may not. Strict: every failure is a problem. Lenient: an
 * optional field that fails is left out (its text kept in sourceFields) and the outcome imported; a required
 * one that fails means the outcome cannot be imported, and the report says so.
 */
export async function checkRecord(record: ImportRecord, sink: ProblemSink): Promise<ImportRecord | null> {
  const failed = new Set(record.failedFields ?? []);
  const all = await inputFailures(record.type, record.input);
  // A required field the source had but could not be read was reported then; "is required" would say it twice.
  const unread = all.filter((f) => failed.has(f.field) && record.input[f.field] === undefined);
  const failures = all.filter((f) => !unread.includes(f));
  if (!failures.length && !unread.length) return record;
  const where = (f: FieldFailure) => ({
    location: record.location,
    field: record.labels?.[f.field] ?? f.field,
    value: record.raw?.[f.field] ?? (record.input[f.field] === undefined ? undefined : textOf(record.input[f.field])),
  });
  if (!sink.lenient) {
    for (const f of failures) sink.problem({ ...where(f), message: f.message });
    return null;
  }
  const required = new Set(fieldDefs(record.type).filter((d) => d.required).map((d) => d.field));
  const fatal = failures.filter((f) => required.has(f.field));
  if (fatal.length || unread.length) {
    for (const f of fatal) sink.problem({ ...where(f), message: `${f.message}; this outcome was not imported` });
    for (const f of unread) sink.problem({ location: record.location, field: where(f).field, message: `${f.field} could not be read; this outcome was not imported` });
    return null;
  }
  const input = { ...record.input };
  const sourceFields = { ...record.sourceFields };
  for (const f of failures) {
    const w = where(f);
    if (w.value !== undefined && w.field) sourceFields[w.field] = w.value;
    delete input[f.field];
    sink.problem({ ...w, message: `${f.message}; left empty, the text is kept in sourceFields` });
  }
  return { ...record, input, sourceFields };
}
