/**
 * GtR API v2 outcome resources (FORMATS.md §2): which resource is which outcome type, and which of its names
 * is which input field. Shared by GTR_JSON/GTR_XML import and GTR_JSON export, so the two never disagree.
 */
import type { OutcomeTypeName } from '../../outcomes/outcome.entity.js';

/** How a GtR value is written: as the field's own kind, or a Unix-ms date standing for a month or a year. */
export type GtrValueKind = 'field' | 'monthDate' | 'yearDate';

export interface GtrField {
  key: string;
  field: string;
  as?: GtrValueKind;
}

export interface GtrResource {
  name: string;
  type: OutcomeTypeName;
  fields: readonly GtrField[];
}

const g = (key: string, field = key, as?: GtrValueKind): GtrField => (as ? { key, field, as } : { key, field });

export const GTR_RESOURCES: readonly GtrResource[] = [
  {
    name: 'dissemination',
    type: 'ENGAGEMENT_ACTIVITY',
    fields: [
      g('title'), g('description'), g('form'), g('primaryAudience'), g('yearsOfDissemination', 'years'),
      g('typeOfPresentation'), g('geographicReach'), g('partOfOfficialScheme'), g('impact'), g('supportingUrl', 'url'),
    ],
  },
  {
    name: 'furtherFunding',
    type: 'FURTHER_FUNDING',
    fields: [
      g('title'), g('description'), g('amount'), g('organisation'), g('department'), g('fundingId'),
      g('start', 'start', 'monthDate'), g('end', 'end', 'monthDate'), g('sector'), g('country'), g('impact'), g('supportingUrl', 'url'),
    ],
  },
  {
    name: 'collaboration',
    type: 'PARTNERSHIP',
    fields: [
      g('title'), g('description'), g('parentOrganisation', 'organisation'), g('childOrganisation', 'department'),
      g('principalInvestigatorContribution', 'piContribution'), g('partnerContribution'),
      g('start', 'startYear', 'yearDate'), g('end', 'endYear', 'yearDate'), g('sector'), g('country'), g('impact'), g('supportingUrl', 'url'),
    ],
  },
  {
    name: 'policyInfluence',
    type: 'POLICY_INFLUENCE',
    fields: [
      g('title'), g('influence', 'description'), g('type', 'influenceType'), g('guidelineTitle'), g('impact'), g('areas'),
      g('geographicReach'), g('supportingUrl', 'url'),
    ],
  },
  {
    name: 'impactSummary',
    type: 'IMPACT_NARRATIVE',
    fields: [g('title'), g('description'), g('impactTypes'), g('sector', 'sectors'), g('firstYearOfImpact'), g('impact'), g('supportingUrl', 'url')],
  },
  {
    name: 'researchDatabaseAndModel',
    type: 'RESEARCH_MATERIAL',
    fields: [
      g('title'), g('description'), g('type', 'materialType'), g('impact'), g('providedToOthers'),
      g('yearFirstProvided', 'yearProduced'), g('supportingUrl', 'url'),
    ],
  },
];

/** The GtR namespace of project outcomes (XML). */
export const GTR_OUTCOME_NS = 'http://gtr.rcuk.ac.uk/gtr/api/project/outcome';

/** The resource an envelope key holds ("dissemination", "disseminations", "disseminationOutput"), if any. */
export function resourceOf(key: string): GtrResource | undefined {
  const k = key.toLowerCase();
  return GTR_RESOURCES.find((r) => k === r.name.toLowerCase() || k === `${r.name.toLowerCase()}s` || k === `${r.name.toLowerCase()}output`);
}

export function resourceOfType(type: OutcomeTypeName): GtrResource {
  return GTR_RESOURCES.find((r) => r.type === type)!;
}

/** Keys every outcome resource has that are not fields: identity, links and GtR's bookkeeping. */
export const META_KEYS = new Set(['id', 'outcomeid', 'href', 'links', 'created']);
