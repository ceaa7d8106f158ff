/**
 * One GtR value ↔ one typed input field, per FieldKind. Parsing returns either the typed value, an error
 * (becomes a problem, or a data-quality note in lenient mode), or `keep` (valid GtR text with no typed home,
 * such as a truncated URL: kept in sourceFields without complaint).
 */
import { allowedLabels, labelOf, matchVocabulary, splitVocabularyList } from '../../vocabulary/index.js';
import { parseMoney, renderMoney, type Money } from './money.js';
import type { LabelSpec } from './types.js';

export type FieldResult = { ok: unknown } | { error: string } | { keep: string };

// Outcome years outside this span are typos (year 3000), not data; shared by every year-valued field.
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;
// A range wider than this is a typo ("2013-2103"), not a multi-year activity.
const MAX_RANGE_YEARS = 50;

export function parseField(spec: LabelSpec, value: string): FieldResult {
  switch (spec.kind) {
    case 'text':
      return { ok: value };
    case 'url':
      return isUrl(value) ? { ok: value } : { keep: `"${value}" is not a complete URL (GtR truncates long ones)` };
    case 'vocab':
      return parseVocab(spec, value);
    case 'vocabList':
      return parseVocabList(spec, value);
    case 'years':
      return parseYears(value);
    case 'yesNo':
      return parseYesNo(value);
    case 'money': {
      const money = parseMoney(value);
      return 'ok' in money ? { ok: money.ok } : money;
    }
    case 'yearMonth':
      return parseYearMonth(value);
    case 'year':
      return parseYear(value);
  }
}

function isUrl(value: string): boolean {
  // GtR cuts long URLs with "..."; such a URL still parses but points nowhere.
  if (/(\.\.\.|…)$/.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function allowed(spec: LabelSpec): string {
  return allowedLabels(spec.vocabulary!).join('; ');
}

function parseVocab(spec: LabelSpec, value: string): FieldResult {
  const code = matchVocabulary(spec.vocabulary!, value);
  if (code) return { ok: code };
  return { error: `Unknown ${spec.label} "${value}". Allowed labels: ${allowed(spec)}` };
}

function parseVocabList(spec: LabelSpec, value: string): FieldResult {
  const { codes, unknown } = splitVocabularyList(spec.vocabulary!, value);
  if (unknown.length === 0) return { ok: codes };
  const list = unknown.map((u) => `"${u}"`).join(', ');
  return { error: `Unknown ${spec.label} ${list}. Allowed labels: ${allowed(spec)}` };
}

function checkYear(text: string): number | string {
  if (!/^\d{4}$/.test(text)) return `"${text}" is not a year (YYYY)`;
  const year = Number(text);
  if (year < MIN_YEAR || year > MAX_YEAR) return `${year} is outside ${MIN_YEAR}–${MAX_YEAR}`;
  return year;
}

export function parseYear(value: string): FieldResult {
  const year = checkYear(value.trim());
  return typeof year === 'number' ? { ok: year } : { error: year };
}

/** "2013", "2013, 2014" or "2013-2015" (also en dash) → sorted distinct years. */
export function parseYears(value: string): FieldResult {
  const years = new Set<number>();
  for (const part of value.split(/[,;]/).map((p) => p.trim())) {
    if (!part) continue;
    const range = /^(\d{4})\s*[-–—]\s*(\d{4})$/.exec(part);
    const ends = (range ? [range[1], range[2]] : [part]).map(checkYear);
    const bad = ends.find((e): e is string => typeof e === 'string');
    if (bad) return { error: bad };
    const [from, to = from] = ends as number[];
    if (to < from || to - from > MAX_RANGE_YEARS) return { error: `"${part}" is not a sensible year range` };
    for (let y = from; y <= to; y++) years.add(y);
  }
  if (years.size === 0) return { error: `"${value}" holds no year` };
  return { ok: [...years].sort((a, b) => a - b) };
}

function parseYesNo(value: string): FieldResult {
  const v = value.trim().toLowerCase();
  if (v === 'yes') return { ok: true };
  if (v === 'no') return { ok: false };
  return { error: `"${value}" is not Yes or No` };
}

/** GtR `MM/YYYY` → YearMonth `YYYY-MM` (an already ISO `YYYY-MM` is accepted too). */
function parseYearMonth(value: string): FieldResult {
  const gtr = /^(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})$/.exec(value);
  const parts = gtr ? { month: gtr[1], year: gtr[2] } : iso ? { month: iso[2], year: iso[1] } : null;
  if (!parts) return { error: `"${value}" is not a month like 01/2016` };
  const month = Number(parts.month);
  const year = checkYear(parts.year);
  if (typeof year === 'string') return { error: year };
  if (month < 1 || month > 12) return { error: `"${value}" has no month ${month}` };
  return { ok: `${year}-${String(month).padStart(2, '0')}` };
}

/** The GtR text of a typed field value; null when the value is empty (the label is then left out). */
export function renderField(spec: LabelSpec, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  switch (spec.kind) {
    case 'vocab':
      return labelOf(spec.vocabulary!, String(value));
    case 'vocabList': {
      const codes = value as string[];
      return codes.length ? codes.map((c) => labelOf(spec.vocabulary!, c)).join(',') : null;
    }
    case 'years': {
      const years = value as number[];
      return years.length ? years.join(',') : null;
    }
    case 'yesNo':
      return value ? 'Yes' : 'No';
    case 'money':
      return renderMoney(value as Money);
    case 'yearMonth': {
      const m = /^(\d{4})-(\d{2})$/.exec(String(value));
      return m ? `${m[2]}/${m[1]}` : String(value);
    }
    default: {
      const text = String(value);
      return text.trim() ? text : null;
    }
  }
}
