/** Builds one ImportRecord field by field from a source's named values, reporting each value it cannot read. */
import type { OutcomeTypeName } from '../../outcomes/outcome.entity.js';
import { fieldDef } from '../fields.js';
import type { ImportRecord, ProblemSink } from '../import/types.js';
import { isEmptyValue, parseValue, textOf, type ValueResult } from '../values.js';

export class RecordBuilder {
  readonly input: Record<string, unknown> = {};
  readonly sourceFields: Record<string, unknown> = {};
  private readonly labels: Record<string, string> = {};
  private readonly raw: Record<string, string> = {};
  private readonly failed: string[] = [];

  constructor(
    readonly type: OutcomeTypeName,
    readonly location: string,
    private readonly sink: ProblemSink,
  ) {}

  /**
   * Sets input field `field` from the source's `label` value. A value that cannot be read is reported, and in
   * lenient mode kept as text in sourceFields under `label` (the field stays empty).
   */
  set(field: string, label: string, value: unknown, parse?: (v: unknown) => ValueResult): void {
    const def = fieldDef(this.type, field);
    if (!def) throw new Error(`${this.type} has no field ${field}`);
    const result = parse ? parse(value) : parseValue(def, value);
    if ('empty' in result) return;
    this.labels[field] = label;
    this.raw[field] = textOf(value);
    if ('ok' in result) {
      this.input[field] = result.ok;
      return;
    }
    this.failed.push(field);
    this.keep(label, value);
    // A required field that cannot be read costs the whole outcome; validation says so once.
    const suffix = this.sink.lenient && !def.required ? '; left empty, the text is kept in sourceFields' : '';
    this.sink.problem({ location: this.location, field: label, value: textOf(value), message: result.error + suffix });
  }

  /** A value with no typed home, kept under the source's own name (never silently dropped). */
  keep(label: string, value: unknown): void {
    if (isEmptyValue(value)) return;
    this.sourceFields[label] = value instanceof Date ? textOf(value) : value;
  }

  label(field: string, label: string): void {
    this.labels[field] = label;
  }

  build(awardReferences: string[], extra: Partial<ImportRecord> = {}): ImportRecord {
    return {
      location: this.location,
      type: this.type,
      input: this.input,
      sourceFields: this.sourceFields,
      awardReferences,
      labels: this.labels,
      raw: this.raw,
      failedFields: this.failed,
      ...extra,
    };
  }
}
