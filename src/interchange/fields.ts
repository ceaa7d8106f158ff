/**
 * The input fields of each outcome type with how their values are written as text, for the tabular and API
 * formats (CSV, Researchfish workbook, GtR JSON/XML). The column rules themselves live in
 * outcomes/types/type-spec.ts; this adds only what a text source needs: value kind and vocabulary.
 */
import type { OutcomeTypeName } from '../outcomes/outcome.entity.js';
import type { VocabularyName } from '../vocabulary/index.js';

export type ValueKind =
  | 'text' | 'url' | 'doi' | 'int' | 'year' | 'years' | 'bool' | 'vocab' | 'vocabList' | 'list' | 'money' | 'yearMonth' | 'ids';

export interface FieldDef {
  field: string;
  kind: ValueKind;
  vocabulary?: VocabularyName;
  /** Non-null in the GraphQL create input. */
  required?: boolean;
}

const d = (field: string, kind: ValueKind = 'text', vocabulary?: VocabularyName, required = false): FieldDef =>
  ({ field, kind, ...(vocabulary ? { vocabulary } : {}), ...(required ? { required } : {}) });
const req = (field: string, kind: ValueKind = 'text', vocabulary?: VocabularyName): FieldDef => d(field, kind, vocabulary, true);

export const COMMON_FIELD_DEFS: readonly FieldDef[] = [d('title'), req('description'), d('impact'), d('url', 'url'), d('externalIds', 'ids')];

/** Each type's own fields, in the order of its GraphQL type (CSV columns follow it). */
export const TYPE_FIELD_DEFS: Readonly<Record<OutcomeTypeName, readonly FieldDef[]>> = {
  ENGAGEMENT_ACTIVITY: [
    req('form', 'vocab', 'EngagementForm'),
    req('primaryAudience', 'vocab', 'Audience'),
    d('otherAudiences', 'vocabList', 'Audience'),
    req('geographicReach', 'vocab', 'GeographicReach'),
    d('partOfOfficialScheme', 'bool'),
    d('typeOfPresentation'),
    d('years', 'years'),
    d('audienceSize', 'int'),
  ],
  FURTHER_FUNDING: [
    req('amount', 'money'),
    d('fundingType', 'vocab', 'FundingType'),
    d('fundingId'),
    req('organisation'),
    d('department'),
    d('sector', 'vocab', 'Sector'),
    d('country'),
    d('start', 'yearMonth'),
    d('end', 'yearMonth'),
  ],
  POLICY_INFLUENCE: [
    req('influenceType', 'vocab', 'PolicyInfluenceType'),
    d('geographicReach', 'vocab', 'GeographicReach'),
    d('country'),
    d('firstYear', 'year'),
    d('guidelineTitle'),
    d('areas', 'list'),
    d('impactTypes', 'list'),
  ],
  PARTNERSHIP: [
    req('organisation'),
    d('department'),
    d('sector', 'vocab', 'Sector'),
    d('country'),
    d('piContribution'),
    d('partnerContribution'),
    d('startYear', 'year'),
    d('endYear', 'year'),
    d('active', 'bool'),
    d('formalAgreement', 'bool'),
  ],
  RESEARCH_MATERIAL: [
    req('materialType', 'vocab', 'MaterialType'),
    d('providedToOthers', 'bool'),
    d('yearProduced', 'year'),
    d('doi', 'doi'),
  ],
  IMPACT_NARRATIVE: [d('firstYearOfImpact', 'year'), d('sectors', 'vocabList', 'ImpactSector'), d('impactTypes', 'vocabList', 'ImpactType')],
};

/** Every input field of a type: the common ones, then its own. */
export function fieldDefs(type: OutcomeTypeName): FieldDef[] {
  return [...COMMON_FIELD_DEFS, ...TYPE_FIELD_DEFS[type]];
}

export function fieldDef(type: OutcomeTypeName, field: string): FieldDef | undefined {
  return fieldDefs(type).find((f) => f.field === field);
}

/** UKRI council by reference prefix ("ES/J008435/1" → ESRC): the funder of an award a source names without one. */
const UKRI_PREFIX: Readonly<Record<string, string>> = {
  ES: 'ESRC', EP: 'EPSRC', MR: 'MRC', BB: 'BBSRC', NE: 'NERC', AH: 'AHRC', ST: 'STFC',
};

export function funderOfReference(reference: string): string | undefined {
  const m = /^([A-Za-z]{2})\//.exec(reference.trim());
  return m ? UKRI_PREFIX[m[1].toUpperCase()] : undefined;
}
