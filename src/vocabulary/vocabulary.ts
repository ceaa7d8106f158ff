/**
 * Lookup and matching over the controlled vocabularies. Everything here is derived from VOCABULARY_SOURCES at
 * module load, so adding a label there is the whole change.
 */
import { toCode, VOCABULARY_NAMES, VOCABULARY_SOURCES, type VocabularyName } from './vocabularies.js';

export { toCode, VOCABULARY_NAMES, type VocabularyName } from './vocabularies.js';

export interface VocabularyEntryDefinition {
  readonly code: string;
  readonly label: string;
  readonly aliases: readonly string[];
}

/** A vocabulary as data (the GraphQL `Vocabulary` object type is the class in vocabulary.model.ts). */
export interface VocabularyDefinition {
  readonly name: VocabularyName;
  readonly description: string;
  readonly entries: readonly VocabularyEntryDefinition[];
}

interface Index {
  readonly byCode: ReadonlyMap<string, VocabularyEntryDefinition>;
  /** matchKey(label | alias | code) → code. */
  readonly byKey: ReadonlyMap<string, string>;
  /** The most comma-separated pieces any label or alias spans: bounds the look-ahead when splitting lists. */
  readonly maxPieces: number;
}

/**
 * The key text is compared on: the code rule applied after `&` → `and`. This ignores case, whitespace (incl.
 * U+00A0) and punctuation, so "Charity/Non-profit", "charity / non profit" and "CHARITY_NON_PROFIT" agree, and
 * "Policy & public services" equals "Policy and public services".
 */
function matchKey(text: string): string {
  return toCode(text.replace(/&/g, ' and '));
}

function buildDefinition(name: VocabularyName): VocabularyDefinition {
  const source = VOCABULARY_SOURCES[name];
  const entries = source.labels.map((s) =>
    Object.freeze({ code: toCode(s.label), label: s.label, aliases: Object.freeze([...(s.aliases ?? [])]) }),
  );
  return Object.freeze({ name, description: source.description, entries: Object.freeze(entries) });
}

/** Fails at module load if two labels collide: a silently ambiguous import would be far worse. */
function buildIndex(vocabulary: VocabularyDefinition): Index {
  const byCode = new Map<string, VocabularyEntryDefinition>();
  const byKey = new Map<string, string>();
  let maxPieces = 1;
  const claim = (key: string, code: string, text: string): void => {
    const owner = byKey.get(key);
    if (owner !== undefined && owner !== code) {
      throw new Error(`${vocabulary.name}: "${text}" is ambiguous between ${owner} and ${code}`);
    }
    byKey.set(key, code);
  };
  for (const entry of vocabulary.entries) {
    if (!entry.code) throw new Error(`${vocabulary.name}: label "${entry.label}" gives an empty code`);
    if (byCode.has(entry.code)) throw new Error(`${vocabulary.name}: duplicate code ${entry.code}`);
    byCode.set(entry.code, entry);
    claim(entry.code, entry.code, entry.code);
    for (const text of [entry.label, ...entry.aliases]) {
      claim(matchKey(text), entry.code, text);
      maxPieces = Math.max(maxPieces, text.split(',').length);
    }
  }
  return { byCode, byKey, maxPieces };
}

export const VOCABULARIES: Readonly<Record<VocabularyName, VocabularyDefinition>> = Object.freeze(
  Object.fromEntries(VOCABULARY_NAMES.map((n) => [n, buildDefinition(n)])) as Record<
    VocabularyName,
    VocabularyDefinition
  >,
);

const INDEXES = Object.fromEntries(VOCABULARY_NAMES.map((n) => [n, buildIndex(VOCABULARIES[n])])) as Record<
  VocabularyName,
  Index
>;

export function isVocabularyName(name: string): name is VocabularyName {
  return Object.prototype.hasOwnProperty.call(VOCABULARIES, name);
}

/** Whether `code` is exactly one of the vocabulary's codes (codes are case-sensitive, as GraphQL enum values). */
export function isCode(name: VocabularyName, code: string): boolean {
  return INDEXES[name].byCode.has(code);
}

/** The display label of a code; throws on an unknown code, which is a programming error, not user input. */
export function labelOf(name: VocabularyName, code: string): string {
  const entry = INDEXES[name].byCode.get(code);
  if (!entry) throw new Error(`Unknown ${name} code "${code}"`);
  return entry.label;
}

/** Every code of the vocabulary, in display order. */
export function codesOf(name: VocabularyName): string[] {
  return VOCABULARIES[name].entries.map((e) => e.code);
}

/** Every label of the vocabulary, in display order: for "allowed labels are …" error messages. */
export function allowedLabels(name: VocabularyName): string[] {
  return VOCABULARIES[name].entries.map((e) => e.label);
}

/**
 * The code for a label, a code or a legacy alias, or null when `text` is none of them (or blank). Case,
 * whitespace, punctuation and `&`/`and` do not matter (see matchKey).
 */
export function matchVocabulary(name: VocabularyName, text: string): string | null {
  const key = matchKey(text);
  if (!key) return null;
  return INDEXES[name].byKey.get(key) ?? null;
}

export interface SplitResult {
  /** Matched codes, in order of first appearance, without repeats. */
  codes: string[];
  /** Pieces that matched nothing, whitespace-tidied, in order. */
  unknown: string[];
}

/**
 * Splits a multi-select list. `;` always separates; `,` only where it is not inside a known label
 * ("Government, Democracy and Justice"), found by taking the longest known label at each position.
 */
export function splitVocabularyList(name: VocabularyName, text: string): SplitResult {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const group of text.split(';')) {
    const pieces = group.split(',');
    let i = 0;
    while (i < pieces.length) {
      const hit = longestMatchAt(name, pieces, i);
      if (hit) {
        if (!codes.includes(hit.code)) codes.push(hit.code);
        i = hit.next;
        continue;
      }
      const piece = tidy(pieces[i]);
      if (piece) unknown.push(piece);
      i += 1;
    }
  }
  return { codes, unknown };
}

function longestMatchAt(
  name: VocabularyName,
  pieces: readonly string[],
  start: number,
): { code: string; next: number } | null {
  // A blank piece (",,") is skipped rather than let it glue neighbours into a match.
  if (!tidy(pieces[start])) return null;
  const last = Math.min(pieces.length, start + INDEXES[name].maxPieces);
  for (let end = last; end > start; end -= 1) {
    if (end - 1 > start && !tidy(pieces[end - 1])) continue;
    const code = matchVocabulary(name, pieces.slice(start, end).join(','));
    if (code) return { code, next: end };
  }
  return null;
}

function tidy(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

const ENUM_OBJECTS = new Map<VocabularyName, Readonly<Record<string, string>>>();

/**
 * A frozen code → code object, the shape `registerEnumType` expects. Memoised, because GraphQL enum
 * registration is keyed by object identity: every caller must get the same object.
 */
export function enumOf(name: VocabularyName): Readonly<Record<string, string>> {
  let obj = ENUM_OBJECTS.get(name);
  if (!obj) {
    obj = Object.freeze(Object.fromEntries(codesOf(name).map((c) => [c, c])));
    ENUM_OBJECTS.set(name, obj);
  }
  return obj;
}
