/**
 * A value as a text or API source gives it (string, number, boolean, Date, array, object) → the typed value of
 * a GraphQL input field. Range and format rules (years, URLs, money decimals) are left to the input classes'
 * class-validator rules, so they are written once; here only what is needed to get a value of the right shape.
 */
import { allowedLabels, matchVocabulary, splitVocabularyList, type VocabularyName } from '../vocabulary/index.js';
import type { FieldDef } from './fields.js';
import { parseMoney, parseYears } from './gtr-text/index.js';

export type ValueResult = { ok: unknown } | { error: string } | { empty: true };

const EMPTY: ValueResult = { empty: true };
const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { '£': 'GBP', '€': 'EUR' };

/** A scalar as trimmed text ('' for nothing). Dates become ISO dates so they are never silently lost. */
export function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(textOf).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/\u00a0/g, ' ').trim();
}

export function isEmptyValue(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(isEmptyValue);
  return textOf(value) === '';
}

export function parseValue(def: FieldDef, value: unknown): ValueResult {
  if (isEmptyValue(value)) return EMPTY;
  switch (def.kind) {
    case 'text':
    case 'url':
      return { ok: typeof value === 'string' ? value.trim() : textOf(value) };
    case 'doi':
      // The same DOI as a link or with its scheme: stored bare (10.5255/...), as the API takes it.
      return { ok: textOf(value).replace(/^(https?:\/\/(dx\.)?doi\.org\/|doi:\s*)/i, '') };
    case 'int':
      return parseInteger(value);
    case 'year':
      return parseYearValue(value);
    case 'years':
      return parseYearList(value);
    case 'bool':
      return parseBoolean(value);
    case 'vocab':
      return parseVocab(def.vocabulary!, value);
    case 'vocabList':
      return parseVocabList(def.vocabulary!, value);
    case 'list':
    case 'ids':
      return { ok: splitList(value) };
    case 'money':
      return parseMoneyValue(value);
    case 'yearMonth':
      return parseYearMonth(value);
  }
}

function parseInteger(value: unknown): ValueResult {
  const text = textOf(value).replace(/^(\d{1,3})(,\d{3})+$/, (m) => m.replace(/,/g, ''));
  if (/^-?\d+(\.0+)?$/.test(text)) return { ok: Number(text.replace(/\.0+$/, '')) };
  return { error: `"${textOf(value)}" is not a whole number` };
}

function parseYearValue(value: unknown): ValueResult {
  if (value instanceof Date) return { error: `${textOf(value)} is a date where a year was expected (a spreadsheet turned the cell into a date)` };
  const text = textOf(value);
  if (/^\d{4}(\.0+)?$/.test(text)) return { ok: Number(text.slice(0, 4)) };
  return { error: `"${text}" is not a year (YYYY)` };
}

function parseYearList(value: unknown): ValueResult {
  const parts = Array.isArray(value) ? value.map(textOf) : [textOf(value)];
  const result = parseYears(parts.filter(Boolean).join(','));
  return 'ok' in result ? { ok: result.ok } : { error: 'error' in result ? result.error : `"${parts.join(',')}" is not a list of years` };
}

const TRUE = new Set(['yes', 'y', 'true', '1', 'still active', 'active']);
const FALSE = new Set(['no', 'n', 'false', '0', 'not active', 'inactive', 'ended', 'completed']);

function parseBoolean(value: unknown): ValueResult {
  if (typeof value === 'boolean') return { ok: value };
  const text = textOf(value).toLowerCase().replace(/\s+/g, ' ');
  if (TRUE.has(text)) return { ok: true };
  if (FALSE.has(text)) return { ok: false };
  return { error: `"${textOf(value)}" is not Yes or No` };
}

function vocabError(name: VocabularyName, unknown: string[]): ValueResult {
  return { error: `Unknown ${name} ${unknown.map((u) => `"${u}"`).join(', ')}. Allowed labels: ${allowedLabels(name).join('; ')}` };
}

function parseVocab(name: VocabularyName, value: unknown): ValueResult {
  const text = textOf(value);
  const code = matchVocabulary(name, text);
  return code ? { ok: code } : vocabError(name, [text]);
}

function parseVocabList(name: VocabularyName, value: unknown): ValueResult {
  const codes: string[] = [];
  const unknown: string[] = [];
  const items = Array.isArray(value) ? value.map(textOf) : [textOf(value)];
  for (const item of items.filter(Boolean)) {
    const split = splitVocabularyList(name, item);
    codes.push(...split.codes.filter((c) => !codes.includes(c)));
    unknown.push(...split.unknown);
  }
  return unknown.length ? vocabError(name, unknown) : { ok: codes };
}

/** `;` or line breaks separate free-text list items (their text may hold commas). */
export function splitList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(textOf) : textOf(value).split(/\s*(?:;|\r?\n)\s*/);
  return [...new Set(items.map((s) => s.trim()).filter(Boolean))];
}

/** { amount, currency } or GtR's { amount, currencyCode }, or GtR text "£4,755,356 (GBP)". */
function parseMoneyValue(value: unknown): ValueResult {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    return moneyOf(v.amount ?? v.value, v.currency ?? v.currencyCode);
  }
  const parsed = parseMoney(textOf(value));
  return 'ok' in parsed ? { ok: parsed.ok } : { error: parsed.error };
}

/** An amount and a currency from separate cells; the currency may be written as £ or €, never guessed when empty. */
export function moneyOf(amount: unknown, currency: unknown): ValueResult {
  const amountText = textOf(amount).replace(/^(\d{1,3})(,\d{3})+(?=\.|$)/, (m) => m.replace(/,/g, ''));
  const currencyText = textOf(currency);
  if (!amountText && !currencyText) return EMPTY;
  if (!/^\d+(\.\d+)?$/.test(amountText)) return { error: `"${textOf(amount)}" is not an amount` };
  const code = CURRENCY_SYMBOLS[currencyText] ?? currencyText.toUpperCase();
  if (!code) return { error: `amount ${amountText} has no currency` };
  return { ok: { amount: amountText, currency: code } };
}

const pad = (m: number): string => String(m).padStart(2, '0');

/** "YYYY-MM", "MM/YYYY", a Date, or GtR's Unix milliseconds → "YYYY-MM" (UTC). */
export function parseYearMonth(value: unknown): ValueResult {
  if (value instanceof Date || typeof value === 'number') {
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) return { error: `"${textOf(value)}" is not a date` };
    return { ok: `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}` };
  }
  const text = textOf(value);
  const iso = /^(\d{4})-(\d{1,2})(?:-\d{1,2})?$/.exec(text);
  const gtr = /^(\d{1,2})\/(\d{4})$/.exec(text);
  if (/^\d{12,14}$/.test(text)) return parseYearMonth(Number(text));
  const [year, month] = iso ? [iso[1], iso[2]] : gtr ? [gtr[2], gtr[1]] : [null, null];
  if (!year || Number(month) < 1 || Number(month) > 12) return { error: `"${text}" is not a month like 2016-01 or 01/2016` };
  return { ok: `${year}-${pad(Number(month))}` };
}

/** GtR's Unix milliseconds (or an ISO date) → the year, for year-valued fields such as a collaboration's start. */
export function yearOfDate(value: unknown): ValueResult {
  if (isEmptyValue(value)) return EMPTY;
  const month = parseYearMonth(value);
  return 'ok' in month ? { ok: Number(String(month.ok).slice(0, 4)) } : parseYearValue(value);
}
