/**
 * The Researchfish export workbook (FORMATS.md §3): its sheets, and which column feeds which input field.
 * Shared by import and export. Headers are matched ignoring case, spaces and punctuation, with the real
 * exports' spellings (sic) accepted beside the correct ones.
 */
import type { OutcomeTypeName } from '../../../outcomes/outcome.entity.js';

export interface RfColumn {
  header: string;
  /** Other spellings seen in real exports. */
  aliases?: readonly string[];
  /** The input field it fills; without one the column is award data or kept in sourceFields. */
  field?: string;
}

export interface RfSheet {
  name: string;
  aliases: readonly string[];
  type: OutcomeTypeName;
  /** The column whose value identifies one outcome across its rows (one row per award). */
  key: string;
  /** The column that also gives `description` when the sheet has no Description column. */
  titleColumn: string;
  columns: readonly RfColumn[];
}

const c = (header: string, field?: string, ...aliases: string[]): RfColumn => ({ header, ...(field ? { field } : {}), ...(aliases.length ? { aliases } : {}) });

/** Columns every outcome sheet starts with: the award the row counts for, and the outcome's ids. */
export const COMMON_COLUMNS: readonly RfColumn[] = [
  c('Outcome Type'), c('Funder'), c('Award Reference'), c('Award Title'), c('RO'), c('Department'), c('Start Date'),
  c('End Date'), c('PI Name'), c('PI Surname'), c('id'), c('pubid'), c('Outcome Base ID'),
];

export const AWARD_COLUMNS: readonly RfColumn[] = [
  c('Funder'), c('Award Reference'), c('Award Title'), c('RO'), c('Department'), c('Start Date'), c('End Date'),
  c('Award Type'), c('Funding Value'), c('PI Name'), c('PI Surname'),
];

export const AWARDS_SHEET = 'Awards';

export const RF_SHEETS: readonly RfSheet[] = [
  {
    name: 'FurtherFunding', aliases: ['Further Funding'], type: 'FURTHER_FUNDING', key: 'Outcome Base ID', titleColumn: 'Description',
    columns: [
      c('Description', 'description'), c('Outcome Sub-type', 'fundingType'), c('Funding ID', 'fundingId'), c('Parent Org', 'organisation'),
      c('Child Org', 'department'), c('Sector', 'sector'), c('Country', 'country'), c('Currency'), c('Amount', 'amount'),
      c('Currency conversion to GBP rate'), c('GBP equivalent value'), c('Fund Start Month'), c('Fund Start Year', 'start'),
      c('Fund End Month'), c('Fund End Year', 'end'),
    ],
  },
  {
    name: 'Engagement', aliases: ['Engagement Activities', 'EngagementActivities'], type: 'ENGAGEMENT_ACTIVITY', key: 'Outcome Base ID', titleColumn: 'Record Title',
    columns: [
      c('Record Title', 'title'), c('Outcome Sub-type', 'form'), c('Part of Official Scheme?', 'partOfOfficialScheme'),
      c('Type of Presentation', 'typeOfPresentation'), c('Geographical Reach', 'geographicReach', 'Geographic Reach'),
      c('Primary Audience', 'primaryAudience'), c('Other Audience', 'otherAudiences', 'Other Audiences'), c('Audience Size', 'audienceSize'),
      c('Year Took Place', 'years'), c('Results of Activity', 'impact'), c('Impact'), c('Most Significant Outcome'), c('Url', 'url'),
    ],
  },
  {
    name: 'Policy', aliases: ['Policy Influence', 'PolicyInfluence'], type: 'POLICY_INFLUENCE', key: 'Outcome Base ID', titleColumn: 'Record Title',
    columns: [
      c('Record Title', 'title'), c('Outcome Sub-type', 'influenceType'), c('Geographic Reach', 'geographicReach', 'Geographical Reach'),
      c('Country', 'country'), c('First Year of Influence', 'firstYear'), c('Policy Impact Areas', 'areas'),
      c('Policy Impact Types', 'impactTypes'), c('Impact', 'impact'), c('URL', 'url'),
    ],
  },
  {
    name: 'Collaborations', aliases: ['Collaboration', 'Partnerships'], type: 'PARTNERSHIP', key: 'Collaborator Base ID', titleColumn: 'Collaboration Name',
    columns: [
      c('Collaboration Name', 'title'), c('Parent Org', 'organisation'), c('Child Org', 'department'), c('Sector', 'sector'),
      c('Country', 'country'), c('PI Contribution', 'piContribution'), c('Partner Contribution', 'partnerContribution'),
      c('Year Collaboration Started', 'startYear'), c('Active?', 'active'), c('Impact', 'impact'),
      c('Formal Agreements?', 'formalAgreement', 'Formal Agreement?'), c('URL', 'url'), c('collaborationID'), c('CollaboratorID'),
      c('Collaboration Base ID'), c('Collaborator Base ID'),
    ],
  },
  {
    name: 'Databases', aliases: ['Research Databases', 'Research Databases and Models', 'ResearchMaterials'], type: 'RESEARCH_MATERIAL', key: 'Outcome Base ID', titleColumn: 'Record Title',
    columns: [
      c('Record Title', 'title'), c('Outcome Sub-type', 'materialType'), c('Description', 'description'),
      c('Published OR Made Avaliable to Others?', 'providedToOthers', 'Published OR Made Available to Others?'),
      c('Year Produced', 'yearProduced'), c('Impact', 'impact'), c('DOI', 'doi'), c('Url', 'url'),
    ],
  },
];

/** The comparison key of a header or sheet name: "Published OR Made Avaliable to Others?" → "publishedormadeavaliabletoothers". */
export const headerKey = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

export function sheetOf(name: string): RfSheet | undefined {
  const k = headerKey(name);
  return RF_SHEETS.find((s) => [s.name, ...s.aliases].some((n) => headerKey(n) === k));
}

/** The canonical header a workbook header stands for, among `columns`. */
export function columnOf(header: string, columns: readonly RfColumn[]): RfColumn | undefined {
  const k = headerKey(header);
  return columns.find((col) => [col.header, ...(col.aliases ?? [])].some((n) => headerKey(n) === k));
}
