/** The shapes every import format produces and the import pipeline consumes. */
import type { OutcomeTypeName } from '../../outcomes/outcome.entity.js';

/** The ImportProblem type of CONTRACT.graphql: where (line, sheet + row, resource), which field, what value, why. */
export interface ImportProblem {
  location: string;
  field?: string;
  value?: string;
  message: string;
}

/** One outcome as a source gives it, already converted to the GraphQL create input of its type. */
export interface ImportRecord {
  /** Where the outcome starts in the source ("line 57", "Engagement row 4", "dissemination[2]"). */
  location: string;
  type: OutcomeTypeName;
  /** The GraphQL create input (EngagementActivityInput, ...): fields the source does not carry are absent. */
  input: Record<string, unknown>;
  /** What the source carried without a typed home, under the source's own names. */
  sourceFields: Record<string, unknown>;
  awardReferences: string[];
  /** The source's own id for the outcome (GtR outcomeid, Researchfish Outcome Base ID): the key for re-import. */
  externalKey?: string;
  /** An outcome id (CSV `id` column): matched first when the outcome exists. */
  id?: string;
  /** For sources without ids (GTR_TEXT): the content fingerprint that recognises the outcome on re-import. */
  fingerprint?: string;
  /** Input field → the source's name for it, so problems speak the source's language. */
  labels?: Record<string, string>;
  /** Input field → the raw text the source had, kept in sourceFields if lenient mode drops the field. */
  raw?: Record<string, string>;
  /** Fields whose value the source had but could not be read (already reported; not reported again as missing). */
  failedFields?: string[];
  /** Why the record has no award, when the source knows better than "none given" (an unresolved link). */
  awardProblem?: ImportProblem;
}

/** An award a source describes (page header, Awards sheet, GtR project resource): created when missing. */
export interface ImportAward {
  location: string;
  reference: string;
  title?: string;
  funder?: string;
  leadOrganisation?: string;
  department?: string;
  startDate?: string;
  endDate?: string;
  value?: { amount: string; currency: string };
  abstract?: string;
  plannedImpact?: string;
  people?: { name: string; role: 'PI' | 'CO_I' | 'RESEARCHER' }[];
}

/**
 * Collects problems. Strict mode sends them to `problems` (any one refuses the import); lenient mode sends them
 * to `dataQuality`. `note` is for what is worth knowing but not wrong (text kept in sourceFields): lenient only.
 */
export interface ProblemSink {
  readonly lenient: boolean;
  problem(p: ImportProblem): void;
  note(p: ImportProblem): void;
  /** The file itself cannot be read: refuses the import in either mode. */
  fatal(p: ImportProblem): void;
}

/** What a format parser hands to the import: the awards it describes and its outcomes (possibly streamed). */
export interface ImportSource {
  awards: ImportAward[];
  records: AsyncIterable<ImportRecord> | Iterable<ImportRecord>;
}

export const IMPORT_FORMATS = ['GTR_TEXT', 'GTR_JSON', 'GTR_XML', 'RESEARCHFISH_XLSX', 'CSV'] as const;
export type ImportFormatName = (typeof IMPORT_FORMATS)[number];
export const EXPORT_FORMATS = ['GTR_TEXT', 'GTR_JSON', 'CSV', 'RESEARCHFISH_XLSX'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];

export interface ImportOptions {
  format: ImportFormatName;
  awardReference?: string | null;
  outcomeType?: OutcomeTypeName | null;
  dryRun?: boolean | null;
  lenient?: boolean | null;
  /** Called as records are read (CLI progress). */
  onProgress?: (records: number) => void;
}

export interface ImportReportData {
  created: number;
  updated: number;
  unchanged: number;
  attributed: number;
  awardsCreated: number;
  problems: ImportProblem[];
  dataQuality: ImportProblem[];
}
