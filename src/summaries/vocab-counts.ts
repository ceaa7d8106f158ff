/**
 * Shapes aggregated rows into the contract's count lists: labels come from the vocabulary (the one source of
 * them), and ordering by label can only happen once labels are known. Nothing is counted here.
 */
import { isCode, labelOf, type VocabularyName } from '../vocabulary/index.js';
import type { CrossCount, VocabCount, YearCount } from './impact.models.js';

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The label of a stored code; a code the vocabulary no longer knows is shown as itself rather than failing. */
export function labelFor(vocabulary: VocabularyName | null, code: string): string {
  return vocabulary && isCode(vocabulary, code) ? labelOf(vocabulary, code) : code;
}

/**
 * VocabCount list from rows holding `column` and `count`, ordered by count (desc), then label (asc). Rows without
 * a value (null) are left out. `vocabulary` null: the value is free text, its own code and label (countries).
 */
export function vocabCounts(vocabulary: VocabularyName | null, rows: readonly Record<string, unknown>[], column: string): VocabCount[] {
  return rows
    .filter((r) => r[column] != null)
    .map((r) => ({ code: String(r[column]), label: labelFor(vocabulary, String(r[column])), count: Number(r.count) }))
    .sort((a, b) => b.count - a.count || byText(a.label, b.label) || byText(a.code, b.code));
}

/** YearCount list, ascending by year; rows without a year are left out. */
export function yearCounts(rows: readonly Record<string, unknown>[], column: string): YearCount[] {
  return rows
    .filter((r) => r[column] != null)
    .map((r) => ({ year: Number(r[column]), count: Number(r.count) }))
    .sort((a, b) => a.year - b.year);
}

/** Cross counts ordered by count (desc), then row and column codes. */
export function crossCounts(cells: readonly CrossCount[]): CrossCount[] {
  return [...cells].sort((a, b) => b.count - a.count || byText(a.row, b.row) || byText(a.column, b.column));
}
