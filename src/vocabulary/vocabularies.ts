/**
 * The Researchfish / GtR controlled vocabularies (shared/VOCABULARY.md), as data. This file is the only place
 * labels are written down: codes are derived from them by `toCode`, never typed by hand, so a client can
 * predict a code from the label it sees.
 */

/** The GraphQL enum names; one per VOCABULARY.md heading. */
export type VocabularyName =
  | 'EngagementForm'
  | 'Audience'
  | 'GeographicReach'
  | 'PolicyInfluenceType'
  | 'Sector'
  | 'FundingType'
  | 'ImpactType'
  | 'ImpactSector'
  | 'MaterialType';

/** One label as written in VOCABULARY.md, with the legacy spellings that import maps onto it. */
export interface LabelSource {
  readonly label: string;
  readonly aliases?: readonly string[];
}

export interface VocabularySource {
  readonly description: string;
  readonly labels: readonly LabelSource[];
}

/**
 * The code rule of VOCABULARY.md: upper-case, every run of characters other than A–Z and 0–9 becomes one
 * underscore, underscores trimmed at both ends ("Policy & public services" → POLICY_PUBLIC_SERVICES).
 */
export function toCode(label: string): string {
  return label
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

const l = (label: string, ...aliases: string[]): LabelSource => ({ label, aliases });

// Order follows VOCABULARY.md so form pickers show the familiar Researchfish order.
export const VOCABULARY_SOURCES: Readonly<Record<VocabularyName, VocabularySource>> = {
  EngagementForm: {
    description: 'Form of engagement activity (Researchfish "Form Of Engagement Activity").',
    labels: [
      l('A talk or presentation'),
      l('Participation in an activity, workshop or similar'),
      l('A formal working group, expert panel or dialogue'),
      l('Engagement focused website, blog or social media channel'),
      l('Participation in an open day or visit at my research institution'),
      l('A press release, press conference or response to a media enquiry/interview'),
      l('A broadcast e.g. TV/radio/film/podcast (other than news/press)'),
      l('A magazine, newsletter or online publication'),
      l('Scientific meeting (conference/symposium etc.)'),
    ],
  },
  Audience: {
    description: 'Audience of an engagement activity (Researchfish "Primary Audience"; other audiences use the same list).',
    labels: [
      l('Policymakers/politicians', 'Policymakers'),
      l('Professional Practitioners'),
      l('Undergraduate students', 'Undergraduates'),
      l('Public/other audiences', 'General Public'),
      l('Schools'),
      l('Postgraduate students', 'Postgraduates'),
      l('Media (as a channel to the public)'),
      l('Industry/Business'),
      l('Supporters', 'Supporters/Donors'),
      l('Study participants or study members', 'Study Participants'),
      // "Cares" (sic) is how one Researchfish export column spells carers.
      l('Patients, carers and/or patient groups', 'Patients', 'Cares', 'Patient Groups'),
      l('Third sector organisations', 'Third Sector'),
      l('Other audiences'),
    ],
  },
  GeographicReach: {
    description: 'Geographic reach of an engagement activity or policy influence (Researchfish "Geographic Reach").',
    labels: [
      l('Local', 'Local/Municipal/Regional'),
      l('Regional'),
      l('National'),
      l('International'),
      // Continental values are used by policy influences and are codes of their own.
      l('Europe'),
      l('Africa'),
      l('Asia'),
      l('North America'),
      l('South America'),
      l('Australia'),
      l('Multiple continents/international'),
    ],
  },
  PolicyInfluenceType: {
    description: 'Type of influence on policy, practice, patients or the public (Researchfish "Policy Influence Type").',
    labels: [
      l(
        'Contribution to a national consultation/review',
        'Participation in a national consultation',
        'Participation in national consultation',
      ),
      l('Influenced training of practitioners or researchers'),
      l('Citation in other policy documents'),
      l('Membership of a guideline committee', 'Membership of a guidance committee'),
      l('Citation in clinical guidelines'),
      l('Citation in systematic reviews'),
      l('Implementation circular/rapid advice/letter to e.g. Ministry of Health'),
      l('Gave evidence to a government review'),
      // Exports write "Improved"; matching is case-insensitive, so no alias is needed.
      l('Contribution to new or improved professional practice'),
      l(
        'Participation in a guidance/advisory committee',
        'Participation in a advisory committee',
        'Participation in advisory committee',
      ),
      l('Citation in clinical reviews'),
    ],
  },
  Sector: {
    description: 'Sector of an organisation: funders of further funding and collaborators (Researchfish "Sector").',
    labels: [
      l('Public'),
      l('Charity/Non Profit', 'Charity/Non-profit'),
      l('Private'),
      l('Academic/University'),
      l('Hospitals'),
      l('Learned Society'),
      l('Multiple'),
      l('Other'),
    ],
  },
  FundingType: {
    description: 'Type of further funding (Researchfish "Funding Type"; optional).',
    labels: [
      l('Research grant (including intramural programme)'),
      l('Fellowship'),
      l('Studentship'),
      l('Capital/infrastructure (including equipment)'),
      l('Travel/small personal'),
    ],
  },
  ImpactType: {
    description: 'Type of impact claimed by a narrative impact (GtR "Impact Types"; multi-select).',
    labels: [l('Societal'), l('Economic'), l('Policy & public services'), l('Cultural')],
  },
  ImpactSector: {
    description: 'Sector a narrative impact reached (GtR narrative "Sector"; multi-select, labels may contain commas).',
    labels: [
      l('Communities and Social Services/Policy'),
      l('Healthcare'),
      l('Government, Democracy and Justice'),
      l('Aerospace, Defence and Marine'),
      l('Agriculture, Food and Drink'),
      l('Chemicals'),
      l('Construction'),
      l('Creative Economy'),
      l('Culture, Heritage, Museums and Collections'),
      l('Digital/Communication/Information Technologies (including Software)'),
      l('Education'),
      l('Electronics'),
      l('Energy'),
      l('Environment'),
      l('Financial Services, and Management Consultancy'),
      l('Leisure Activities, including Sports, Recreation and Tourism'),
      // "Biotechology" (sic) is the published label; codes and exports must keep it verbatim.
      l('Manufacturing, including Industrial Biotechology'),
      l('Pharmaceuticals and Medical Biotechnology'),
      l('Retail'),
      l('Security and Diplomacy'),
      l('Transport'),
      l('Other'),
    ],
  },
  MaterialType: {
    description: 'Type of research material: databases and models (Researchfish "Type Of Material").',
    labels: [l('Database/Collection of data'), l('Computer model/algorithm'), l('Data analysis technique')],
  },
};

export const VOCABULARY_NAMES = Object.keys(VOCABULARY_SOURCES) as readonly VocabularyName[];
