/**
 * GTR_TEXT outcomes have no ids, so re-import recognises an outcome by a hash of what it says: the same block
 * imported twice gets the same fingerprint, a block differing in any field gets another.
 */
import { createHash } from 'node:crypto';
import type { ParsedOutcome } from './types.js';

/** JSON with object keys sorted at every depth (array order kept), so equal data always hashes equal. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * SHA-256 hex over type, input, sourceFields and the award reference. sourceFields count because two blocks
 * may differ only in text that has no typed home (e.g. a truncated URL). The line number does not: moving a
 * block on the page does not make it a new outcome.
 */
export function fingerprint(outcome: ParsedOutcome, awardReference: string): string {
  const payload = {
    awardReference: awardReference.trim(),
    type: outcome.type,
    input: outcome.input,
    sourceFields: outcome.sourceFields ?? {},
  };
  return createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
}

/**
 * Fingerprints for a whole page. Blocks identical in every field would share one, and an importer keyed on it
 * would keep only one, so the second and later copies get their occurrence number mixed in (stable as long
 * as the page keeps its copies).
 */
export function fingerprintAll(outcomes: readonly ParsedOutcome[], awardReference: string): string[] {
  const seen = new Map<string, number>();
  return outcomes.map((o) => {
    const base = fingerprint(o, awardReference);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : createHash('sha256').update(`${base}#${n}`, 'utf8').digest('hex');
  });
}
