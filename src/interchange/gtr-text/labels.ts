/**
 * The GtR project page labels of each outcome type (shared/FORMATS.md §0–1), in the order GtR prints them.
 * Title, Impact and URL are offered on every type so an outcome that has them (from another source) exports
 * without loss; GtR itself prints them only where FORMATS.md lists them.
 */
import type { FieldKind, LabelSpec, OutcomeTypeName, TypeSpec } from './types.js';
import type { VocabularyName } from '../../vocabulary/index.js';

const f = (label: string, field: string, kind: FieldKind = 'text', vocabulary?: VocabularyName): LabelSpec =>
  vocabulary ? { label, field, kind, vocabulary } : { label, field, kind };

const TITLE = f('Title', 'title');
const DESCRIPTION = f('Description', 'description');
const IMPACT = f('Impact', 'impact');
const URL_LABEL = f('URL', 'url', 'url');

export const TYPE_SPECS: readonly TypeSpec[] = [
  {
    type: 'ENGAGEMENT_ACTIVITY',
    labels: [
      TITLE,
      DESCRIPTION,
      f('Form Of Engagement Activity', 'form', 'vocab', 'EngagementForm'),
      f('Part Of Official Scheme?', 'partOfOfficialScheme', 'yesNo'),
      f('Type Of Presentation', 'typeOfPresentation'),
      f('Geographic Reach', 'geographicReach', 'vocab', 'GeographicReach'),
      f('Primary Audience', 'primaryAudience', 'vocab', 'Audience'),
      f('Results and Impact', 'impact'),
      f('Year(s) Of Engagement Activity', 'years', 'years'),
      URL_LABEL,
    ],
    markers: [
      'Form Of Engagement Activity',
      'Part Of Official Scheme?',
      'Type Of Presentation',
      'Primary Audience',
      'Results and Impact',
      'Year(s) Of Engagement Activity',
    ],
    required: ['description', 'form', 'geographicReach', 'primaryAudience'],
  },
  {
    type: 'FURTHER_FUNDING',
    labels: [
      TITLE,
      DESCRIPTION,
      f('Amount', 'amount', 'money'),
      f('Funding ID', 'fundingId'),
      f('Organisation', 'organisation'),
      f('Department', 'department'),
      f('Sector', 'sector', 'vocab', 'Sector'),
      f('Country', 'country'),
      f('Start', 'start', 'yearMonth'),
      f('End', 'end', 'yearMonth'),
      IMPACT,
      URL_LABEL,
    ],
    markers: ['Amount', 'Funding ID', 'Start', 'End'],
    required: ['description', 'amount', 'organisation'],
  },
  {
    type: 'POLICY_INFLUENCE',
    labels: [
      TITLE,
      DESCRIPTION,
      f('Geographic Reach', 'geographicReach', 'vocab', 'GeographicReach'),
      f('Policy Influence Type', 'influenceType', 'vocab', 'PolicyInfluenceType'),
      IMPACT,
      URL_LABEL,
    ],
    markers: ['Policy Influence Type'],
    required: ['description', 'influenceType'],
  },
  {
    type: 'PARTNERSHIP',
    labels: [
      TITLE,
      DESCRIPTION,
      f('Organisation', 'organisation'),
      f('Department', 'department'),
      f('Country', 'country'),
      f('Sector', 'sector', 'vocab', 'Sector'),
      f('PI Contribution', 'piContribution'),
      f('Collaborator Contribution', 'partnerContribution'),
      IMPACT,
      f('Start Year', 'startYear', 'year'),
      f('End Year', 'endYear', 'year'),
      URL_LABEL,
    ],
    markers: ['PI Contribution', 'Collaborator Contribution', 'Start Year', 'End Year'],
    required: ['description', 'organisation'],
  },
  {
    type: 'RESEARCH_MATERIAL',
    labels: [
      TITLE,
      DESCRIPTION,
      f('Type Of Material', 'materialType', 'vocab', 'MaterialType'),
      f('Year Produced', 'yearProduced', 'year'),
      f('Provided To Others?', 'providedToOthers', 'yesNo'),
      IMPACT,
      URL_LABEL,
    ],
    markers: ['Type Of Material', 'Year Produced', 'Provided To Others?'],
    required: ['description', 'materialType'],
  },
  {
    type: 'IMPACT_NARRATIVE',
    labels: [
      TITLE,
      DESCRIPTION,
      f('First Year Of Impact', 'firstYearOfImpact', 'year'),
      // Here "Sector" is the impact-sector list, not an organisation's sector.
      f('Sector', 'sectors', 'vocabList', 'ImpactSector'),
      f('Impact Types', 'impactTypes', 'vocabList', 'ImpactType'),
      IMPACT,
      URL_LABEL,
    ],
    markers: ['First Year Of Impact', 'Impact Types'],
    required: ['description'],
  },
];

export function typeSpec(type: OutcomeTypeName): TypeSpec {
  const spec = TYPE_SPECS.find((s) => s.type === type);
  if (!spec) throw new Error(`Unknown outcome type ${type}`);
  return spec;
}

/** Every label of every type, longest first, so `Impact Types` wins over `Impact` and `Start Year` over `Start`. */
export const ALL_LABELS: readonly string[] = [...new Set(TYPE_SPECS.flatMap((s) => s.labels.map((l) => l.label)))].sort(
  (a, b) => b.length - a.length,
);

/**
 * The longest of `labels` (sorted longest first) that opens `line`: the label must be followed by whitespace
 * or end the line, so "Impactful work" is not the label "Impact".
 */
export function labelAt(line: string, labels: readonly string[]): string | null {
  for (const label of labels) {
    if (!line.startsWith(label)) continue;
    const next = line.charAt(label.length);
    if (next === '' || /[\s\u00a0]/.test(next)) return label;
  }
  return null;
}
