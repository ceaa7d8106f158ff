import type { VocabularyName } from '../../vocabulary/index.js';

import type { OutcomeTypeName } from '../../outcomes/outcome.entity.js';

export type { OutcomeTypeName };

/** The ImportProblem type of CONTRACT.graphql; `location` is `line N` of the GtR text. */
export interface ImportProblem {
  location: string;
  field?: string;
  value?: string;
  message: string;
}

export interface GtrAward {
  title: string;
  leadOrganisation?: string;
  department?: string;
  abstract?: string;
  plannedImpact?: string;
}

export interface ParsedOutcome {
  type: OutcomeTypeName;
  /** 1-based line of the block's first line. */
  line: number;
  /** The GraphQL create input of the type (EngagementActivityInput, …): fields the block does not carry are absent. */
  input: Record<string, unknown>;
  /** Raw text, keyed by GtR label, of what had no typed home (truncated URL, unknown label in lenient mode, …). */
  sourceFields: Record<string, string>;
}

export interface GtrTextDocument {
  award: GtrAward;
  outcomes: ParsedOutcome[];
  problems: ImportProblem[];
  /** Filled only in lenient mode: what was kept as raw text instead of failing the import. */
  dataQuality: ImportProblem[];
}

export interface ParseOptions {
  lenient?: boolean;
}

export interface RenderOutcome {
  type: OutcomeTypeName;
  /** Same shape as ParsedOutcome.input. */
  fields: Record<string, unknown>;
  sourceFields?: Record<string, string>;
}

export interface RenderDocument {
  award: GtrAward;
  outcomes: RenderOutcome[];
}

/** How a label's value converts to its typed field. */
export type FieldKind = 'text' | 'url' | 'vocab' | 'vocabList' | 'years' | 'yesNo' | 'money' | 'yearMonth' | 'year';

export interface LabelSpec {
  /** The GtR page label, verbatim. */
  label: string;
  /** The GraphQL input field. */
  field: string;
  kind: FieldKind;
  vocabulary?: VocabularyName;
}

export interface TypeSpec {
  type: OutcomeTypeName;
  /** In the order GtR prints them; render writes this order. */
  labels: readonly LabelSpec[];
  /** Labels only this type has: they decide which type a block is. */
  markers: readonly string[];
  /** Input fields the GraphQL create input requires (non-null). */
  required: readonly string[];
}
