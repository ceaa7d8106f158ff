/**
 * GTR_TEXT outcomes have no ids, so re-import recognises an outcome by a hash of what it says: the same block
 * imported twice gets the same fingerprint, a block differing in any field gets another.
 */
import { canonicalJson, sha256 } from '../../common/canonical-json.js';
import type { ParsedOutcome } from './types.js';

export { canonicalJson };

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
  return sha256(canonicalJson(payload));
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
    return n === 1 ? base : sha256(`${base}#${n}`);
  });
}
