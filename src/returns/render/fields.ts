import { OUTCOME_TYPE_LABELS } from '../../outcomes/outcome-type.enum.js';
import type { OutcomeTypeName } from '../../outcomes/outcome.entity.js';
import { TYPE_SPECS } from '../../outcomes/types/type-spec.js';
import { labelOf, type VocabularyName } from '../../vocabulary/index.js';
import { EVIDENCE_KIND_LABELS, type EvidenceKind } from '../../pathways/evidence.entity.js';
import type { ReturnEvidenceSource } from '../../pathways/pathway-figures.js';
import type { ReturnDocument } from '../return-document.js';

/** Which vocabulary a field's codes come from, for showing labels to people. */
const VOCAB: Record<string, VocabularyName> = {
  form: 'EngagementForm', primaryAudience: 'Audience', otherAudiences: 'Audience', geographicReach: 'GeographicReach',
  fundingType: 'FundingType', sector: 'Sector', influenceType: 'PolicyInfluenceType', materialType: 'MaterialType',
  'IMPACT_NARRATIVE.sectors': 'ImpactSector', 'IMPACT_NARRATIVE.impactTypes': 'ImpactType',
};

export const typeLabel = (t: string): string => OUTCOME_TYPE_LABELS[t as OutcomeTypeName] ?? t;

/** A field of an outcome as a person reads it: labels for codes, "£"-free exact money, lists joined. */
export function display(type: string, field: string, value: unknown): string {
  if (value == null) return '';
  const vocab = VOCAB[`${type}.${field}`] ?? (type === 'IMPACT_NARRATIVE' ? undefined : VOCAB[field]);
  const one = (v: unknown) => {
    if (vocab && typeof v === 'string') {
      try {
        return labelOf(vocab, v);
      } catch {
        return v;
      }
    }
    return String(v);
  };
  if (Array.isArray(value)) return value.map(one).join('; ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('amount' in o && 'currency' in o) return `${o.amount} ${o.currency}`;
    if ('name' in o) return String(o.name);
  }
  return one(value);
}

/** The columns of a type, common ones first, as shown in CSV and tables. */
export function columnsOf(type: string): string[] {
  return ['title', 'description', 'impact', 'url', ...TYPE_SPECS[type as OutcomeTypeName].columns.flatMap((c) => (c.kind === 'country' ? ['country', 'countryCode'] : [c.field]))];
}

export function byType(doc: ReturnDocument): Map<string, ReturnDocument['outcomes']> {
  const map = new Map<string, ReturnDocument['outcomes']>();
  for (const o of doc.outcomes) {
    const list = map.get(o.outcome.type) ?? [];
    list.push(o);
    map.set(o.outcome.type, list);
  }
  return map;
}

/** Confidential evidence is only ever counted in a return, never shown: funders read returns. */
export const withheld = (n: number): string => `${n} confidential ${n === 1 ? 'item' : 'items'} withheld`;

/** A source as one line: "Quote: summary “quote” (role, organisation, date) url". */
export function sourceLine(e: ReturnEvidenceSource): string {
  const who = [e.sourceRole, e.sourceOrganisation, e.date].filter(Boolean).join(', ');
  return [`${EVIDENCE_KIND_LABELS[e.kind as EvidenceKind] ?? e.kind}: ${e.summary}`, e.quote ? `“${e.quote}”` : '', who ? `(${who})` : '', e.url ?? '']
    .filter(Boolean)
    .join(' ');
}

/** "3" or "0 (undelivered)" */
export const deliveredText = (n: number): string => (n ? String(n) : '0 (undelivered)');
