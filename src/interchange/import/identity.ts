/**
 * How a re-import recognises an outcome it wrote before. In order: an outcome id the source names (CSV `id`),
 * the source's own key (GtR outcomeid, Researchfish Outcome Base ID) among externalIds, else a fingerprint of
 * the content and its awards (GtR page text has no ids; neither need CSV rows).
 */
import { canonicalJson, sha256 } from '../../common/canonical-json.js';
import { normaliseReference } from '../../awards/award-lookup.js';
import { formatAmount } from '../../common/money.js';
import type { ImportProblem, ImportRecord } from './types.js';

export interface PreparedRecord extends ImportRecord {
  /** Stored in outcome.fingerprint: what a later import compares to tell unchanged from updated. */
  storedFingerprint: string;
  /** Matched against outcome.fingerprint when neither id nor external key finds the outcome. */
  matchFingerprint: string | null;
}

export { isUuid } from '../../common/validators.js';

/**
 * Hash of what the source says about the outcome, attribution and ids aside: ids only ever add up (an update
 * merges them), so a file that names one more id for the same outcome has not changed it.
 */
export function contentHash(r: ImportRecord): string {
  const { externalIds: _ids, ...input } = r.input;
  return sha256(canonicalJson({ type: r.type, input, sourceFields: r.sourceFields }));
}

/** Money as it will be stored ("120000.5" GBP → "120000.50"), so the same amount always hashes alike. */
function withExactMoney(r: ImportRecord): ImportRecord {
  const money = r.input.amount as { amount: string; currency: string } | undefined;
  if (!money || typeof money !== 'object') return r;
  return { ...r, input: { ...r.input, amount: { amount: formatAmount(money.amount, money.currency), currency: money.currency } } };
}

/** Tracks one import's keys: numbers identical id-less records, and finds a key given twice. */
export class IdentityTracker {
  // Keys are cut to 96 bits: a 100,000-row file then needs a few MB here, and collisions stay out of reach.
  private readonly occurrences = new Map<string, number>();
  private readonly keys = new Map<string, string>();

  /** The record with its fingerprints, or a problem when its key already appeared in this file. */
  prepare(checked: ImportRecord): PreparedRecord | ImportProblem {
    const r = withExactMoney(checked);
    const keyText = r.externalKey ? `${r.type}:${r.externalKey}` : r.id ? `id:${r.id.toLowerCase()}` : null;
    if (keyText) {
      const first = this.keys.get(keyText);
      if (first !== undefined) {
        return { location: r.location, value: r.externalKey ?? r.id, message: `the same outcome appears twice in the file (first at ${first})` };
      }
      this.keys.set(keyText, r.location);
    }
    const content = contentHash(r);
    if (r.fingerprint) return { ...r, storedFingerprint: r.fingerprint, matchFingerprint: r.fingerprint };
    if (r.externalKey) return { ...r, storedFingerprint: content, matchFingerprint: null };
    // Identical rows for one award are two outcomes (as on a GtR page), so later copies get their number mixed in.
    const base = sha256(`${content}|${[...new Set(r.awardReferences.map(normaliseReference))].sort().join(';')}`);
    const short = base.slice(0, 24);
    const n = (this.occurrences.get(short) ?? 0) + 1;
    this.occurrences.set(short, n);
    const fp = n === 1 ? base : sha256(`${base}#${n}`);
    return { ...r, storedFingerprint: fp, matchFingerprint: fp };
  }
}
