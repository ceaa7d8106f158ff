/** The key that makes "University  of Leeds" and "university of leeds" one organisation. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Trims and folds inner runs of spaces; null for empty. */
export function cleanText(value: string | null | undefined): string | null {
  if (value == null) return null;
  const t = value.replace(/\u00a0/g, ' ').replace(/[ \t]+\n/g, '\n').trim();
  return t.length ? t : null;
}

/** Names (organisations, people): single-spaced and trimmed. */
export function cleanName(value: string | null | undefined): string | null {
  const t = value?.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return t ? t : null;
}
