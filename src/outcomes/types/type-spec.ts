import type { FieldError } from '../../common/errors.js';
import type { OutcomeTypeName } from '../outcome.entity.js';

/**
 * How a field is stored: `value` as is; `organisation` a name resolved to organisation_id; `country` the text
 * plus its ISO code; `money` amount + currency columns; `yearMonth` a "YYYY-MM" char(7).
 */
export type ColumnKind = 'value' | 'organisation' | 'country' | 'money' | 'yearMonth';

export interface DetailColumn {
  /** GraphQL field (and input field) name */
  field: string;
  /** column in the detail table (for money: the amount column; currency goes beside it) */
  column: string;
  kind?: ColumnKind;
  /** required on create and never cleared by an update */
  required?: boolean;
  /** stored as a PostgreSQL array */
  array?: boolean;
}

/** Everything the generic outcome code needs to know about one type: its table, its fields, its year. */
export interface OutcomeTypeSpec {
  type: OutcomeTypeName;
  /** the GraphQL object type's name */
  graphqlName: string;
  table: string;
  columns: DetailColumn[];
  /** the year(s) of the outcome as the contract defines them (filters, summaries) */
  years(view: Record<string, any>): number[];
  /** checks across fields on the merged record; paths are relative to the input */
  check?(view: Record<string, any>): FieldError[];
  /** columns derived from the fields (e.g. funding's start year) */
  derived?(view: Record<string, any>): Record<string, unknown>;
}

const one = (y: unknown): number[] => (typeof y === 'number' ? [y] : []);
const ordered = (a: string, b: string, msg: string) => (v: Record<string, any>): FieldError[] =>
  v[a] != null && v[b] != null && v[b] < v[a] ? [{ path: `input.${b}`, message: msg }] : [];

export const TYPE_SPECS: Record<OutcomeTypeName, OutcomeTypeSpec> = {
  ENGAGEMENT_ACTIVITY: {
    type: 'ENGAGEMENT_ACTIVITY',
    graphqlName: 'EngagementActivity',
    table: 'engagement_activity_detail',
    columns: [
      { field: 'form', column: 'form', required: true },
      { field: 'primaryAudience', column: 'primary_audience', required: true },
      { field: 'otherAudiences', column: 'other_audiences', array: true },
      { field: 'geographicReach', column: 'geographic_reach', required: true },
      { field: 'partOfOfficialScheme', column: 'part_of_official_scheme' },
      { field: 'typeOfPresentation', column: 'type_of_presentation' },
      { field: 'years', column: 'years', array: true },
      { field: 'audienceSize', column: 'audience_size' },
    ],
    years: (v) => [...(v.years ?? [])],
  },
  FURTHER_FUNDING: {
    type: 'FURTHER_FUNDING',
    graphqlName: 'FurtherFunding',
    table: 'further_funding_detail',
    columns: [
      { field: 'amount', column: 'amount', kind: 'money', required: true },
      { field: 'fundingType', column: 'funding_type' },
      { field: 'fundingId', column: 'funding_id' },
      { field: 'organisation', column: 'organisation_id', kind: 'organisation', required: true },
      { field: 'department', column: 'department' },
      { field: 'sector', column: 'sector' },
      { field: 'country', column: 'country', kind: 'country' },
      { field: 'start', column: 'start_month', kind: 'yearMonth' },
      { field: 'end', column: 'end_month', kind: 'yearMonth' },
    ],
    years: (v) => (v.start ? [Number(String(v.start).slice(0, 4))] : []),
    check: ordered('start', 'end', 'end must not be before start'),
    derived: (v) => ({ start_year: v.start ? Number(String(v.start).slice(0, 4)) : null }),
  },
  POLICY_INFLUENCE: {
    type: 'POLICY_INFLUENCE',
    graphqlName: 'PolicyInfluence',
    table: 'policy_influence_detail',
    columns: [
      { field: 'influenceType', column: 'influence_type', required: true },
      { field: 'geographicReach', column: 'geographic_reach' },
      { field: 'country', column: 'country', kind: 'country' },
      { field: 'firstYear', column: 'first_year' },
      { field: 'guidelineTitle', column: 'guideline_title' },
      { field: 'areas', column: 'areas', array: true },
      { field: 'impactTypes', column: 'impact_types', array: true },
    ],
    years: (v) => one(v.firstYear),
  },
  PARTNERSHIP: {
    type: 'PARTNERSHIP',
    graphqlName: 'Partnership',
    table: 'partnership_detail',
    columns: [
      { field: 'organisation', column: 'organisation_id', kind: 'organisation', required: true },
      { field: 'department', column: 'department' },
      { field: 'sector', column: 'sector' },
      { field: 'country', column: 'country', kind: 'country' },
      { field: 'piContribution', column: 'pi_contribution' },
      { field: 'partnerContribution', column: 'partner_contribution' },
      { field: 'startYear', column: 'start_year' },
      { field: 'endYear', column: 'end_year' },
      { field: 'active', column: 'active' },
      { field: 'formalAgreement', column: 'formal_agreement' },
    ],
    years: (v) => one(v.startYear),
    check: ordered('startYear', 'endYear', 'endYear must not be before startYear'),
  },
  RESEARCH_MATERIAL: {
    type: 'RESEARCH_MATERIAL',
    graphqlName: 'ResearchMaterial',
    table: 'research_material_detail',
    columns: [
      { field: 'materialType', column: 'material_type', required: true },
      { field: 'providedToOthers', column: 'provided_to_others' },
      { field: 'yearProduced', column: 'year_produced' },
      { field: 'doi', column: 'doi' },
    ],
    years: (v) => one(v.yearProduced),
  },
  IMPACT_NARRATIVE: {
    type: 'IMPACT_NARRATIVE',
    graphqlName: 'ImpactNarrative',
    table: 'impact_narrative_detail',
    columns: [
      { field: 'firstYearOfImpact', column: 'first_year_of_impact' },
      { field: 'sectors', column: 'sectors', array: true },
      { field: 'impactTypes', column: 'impact_types', array: true },
    ],
    years: (v) => one(v.firstYearOfImpact),
  },
};

/** Fields every outcome has, in the base table. */
export const COMMON_FIELDS = ['title', 'description', 'impact', 'url', 'externalIds'] as const;
