/**
 * Spreadsheet formula injection: a cell starting with = + - @ (or tab / CR) is run as a formula by Excel and
 * LibreOffice. Such text is prefixed with an apostrophe, which spreadsheets show as text.
 */
export function neutraliseCell(value: unknown): string {
  const text = value == null ? '' : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
