/** exceljs cell values (rich text, hyperlinks, formulas, errors, dates) → plain values the importer can read. */

export type Plain = string | number | boolean | Date | null;

/** `link`: the target of a hyperlink cell, whose value is its display text. */
export type CellRead = { value: Plain; link?: string } | { error: string };

export function readCell(raw: unknown): CellRead {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === 'string') return { value: raw.trim() === '' ? null : raw };
  if (typeof raw === 'number' || typeof raw === 'boolean' || raw instanceof Date) return { value: raw };
  if (typeof raw === 'object') {
    const v = raw as Record<string, unknown>;
    if (Array.isArray(v.richText)) return { value: (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('') };
    if ('error' in v) return { error: `the cell holds the spreadsheet error ${String(v.error)}` };
    // A formula's last computed result is what the sheet showed.
    if ('result' in v) return readCell(v.result);
    if ('formula' in v || 'sharedFormula' in v) return { error: 'the cell holds a formula without a computed value' };
    if ('hyperlink' in v) return { value: typeof v.text === 'string' && v.text.trim() ? v.text : String(v.hyperlink), link: String(v.hyperlink) };
    if ('text' in v) return readCell(v.text);
  }
  return { error: `unreadable cell ${JSON.stringify(raw)}` };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** A date cell or text (YYYY-MM-DD, DD/MM/YYYY as UK exports write it) → "YYYY-MM-DD". */
export function dateText(value: Plain): string | { error: string } {
  if (value instanceof Date) return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  const text = String(value ?? '').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (uk) return `${uk[3]}-${pad(Number(uk[2]))}-${pad(Number(uk[1]))}`;
  return { error: `"${text}" is not a date (YYYY-MM-DD or DD/MM/YYYY)` };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "January", "Jan", 1, "01" → 1..12; null when unreadable. */
export function monthNumber(value: Plain): number | null {
  if (value instanceof Date || value === null || typeof value === 'boolean') return null;
  const text = String(value).trim().toLowerCase();
  if (/^\d{1,2}(\.0+)?$/.test(text)) {
    const n = Number(text);
    return n >= 1 && n <= 12 ? n : null;
  }
  const i = MONTHS.indexOf(text.slice(0, 3));
  return i >= 0 && MONTHS[i] === text.slice(0, 3) && /^[a-z]+$/.test(text) ? i + 1 : null;
}
