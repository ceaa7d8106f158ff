/**
 * The CSV layout of one outcome type (FORMATS.md §4), shared by import and export: `id`, then the GraphQL field
 * names of the type in schema order, money as two columns `amount` + `currency`, then `awardReferences`
 * (`;`-separated) and `sourceFields` (JSON). Vocabularies are written as labels, read as codes or labels;
 * lists are `;`-separated; booleans `true`/`false` (yes/no read too); months `YYYY-MM`.
 */
import type { OutcomeTypeName } from '../../outcomes/outcome.entity.js';
import { labelOf } from '../../vocabulary/index.js';
import { fieldDefs, type FieldDef } from '../fields.js';

export const ID_COLUMN = 'id';
export const AWARDS_COLUMN = 'awardReferences';
export const SOURCE_FIELDS_COLUMN = 'sourceFields';
export const CURRENCY_COLUMN = 'currency';

/** The header of a type's CSV file. */
export function csvHeader(type: OutcomeTypeName): string[] {
  const fields = fieldDefs(type).flatMap((d) => (d.kind === 'money' ? [d.field, CURRENCY_COLUMN] : [d.field]));
  return [ID_COLUMN, ...fields, AWARDS_COLUMN, SOURCE_FIELDS_COLUMN];
}

/** A field's value as CSV text (export); '' for nothing. */
export function csvText(def: FieldDef, value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (def.kind) {
    case 'vocab':
      return labelOf(def.vocabulary!, String(value));
    case 'vocabList':
      return (value as string[]).map((c) => labelOf(def.vocabulary!, c)).join('; ');
    case 'years':
    case 'list':
    case 'ids':
      return (value as unknown[]).join('; ');
    case 'money':
      return (value as { amount: string }).amount;
    default:
      return String(value);
  }
}
