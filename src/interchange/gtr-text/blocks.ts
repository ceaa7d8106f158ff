/**
 * The layout of a GtR project page (FORMATS.md §1): the header, then outcome blocks each opened by a line
 * holding a single U+00A0; a block is `Label value` lines whose values run on until the next label.
 */
import { ALL_LABELS, labelAt, TYPE_SPECS } from './labels.js';
import type { TypeSpec } from './types.js';

export interface SourceLine {
  /** 1-based line number in the file. */
  no: number;
  text: string;
}

export interface RawBlock {
  /** Line of the block's first non-blank line. */
  line: number;
  lines: SourceLine[];
}

export interface RawField {
  label: string;
  line: number;
  value: string;
}

export const SEPARATOR = '\u00a0';

/** sourceFields key for text a block holds before its first label; render writes it back first. */
export const UNLABELLED = 'Unlabelled text';

const isSeparator = (text: string): boolean => /^[ \t]*\u00a0[ \t]*$/.test(text);
const isBlank = (text: string): boolean => /^[\s\u00a0]*$/.test(text);

/** Splits the file into header lines and outcome blocks (blank lines around a block dropped, empty blocks skipped). */
export function splitDocument(text: string): { header: SourceLine[]; blocks: RawBlock[] } {
  const lines = text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ no: i + 1, text: t }));
  const first = lines.findIndex((l) => isSeparator(l.text));
  if (first < 0) return { header: lines, blocks: [] };
  const blocks: RawBlock[] = [];
  let current: SourceLine[] = [];
  const flush = (): void => {
    const start = current.findIndex((l) => !isBlank(l.text));
    if (start >= 0) {
      let end = current.length;
      while (isBlank(current[end - 1].text)) end--;
      blocks.push({ line: current[start].no, lines: current.slice(start, end) });
    }
    current = [];
  };
  for (const line of lines.slice(first + 1)) {
    if (isSeparator(line.text)) flush();
    else current.push(line);
  }
  flush();
  return { header: lines.slice(0, first), blocks };
}

/**
 * A value as stored: each line loses trailing spaces and U+00A0 (GtR pads values with them), inner line breaks
 * and blank lines stay, leading and trailing blank lines go.
 */
export function cleanValue(lines: readonly string[]): string {
  return lines
    .map((l) => l.replace(/[\s\u00a0]+$/, ''))
    .join('\n')
    .trim();
}

export type TypeDetection = { spec: TypeSpec } | { error: string };

/**
 * The block's type is the one with the most of its own marker labels at line starts, then the most of its
 * labels at all; so a continuation line that happens to open with another type's marker ("Amount raised …")
 * is outvoted by the block's real labels.
 */
export function detectType(block: RawBlock): TypeDetection {
  const present = new Set(block.lines.map((l) => labelAt(l.text, ALL_LABELS)).filter((l): l is string => l !== null));
  const scored = TYPE_SPECS.map((spec) => ({
    spec,
    markers: spec.markers.filter((m) => present.has(m)).length,
    labels: spec.labels.filter((l) => present.has(l.label)).length,
  }))
    .filter((s) => s.markers > 0)
    .sort((a, b) => b.markers - a.markers || b.labels - a.labels);
  if (scored.length === 0) {
    return { error: 'Unrecognised block: it has none of the labels that identify an outcome type' };
  }
  const [best] = scored;
  const tied = scored.filter((s) => s.markers === best.markers && s.labels === best.labels);
  if (tied.length > 1) {
    return { error: `Unrecognised block: its labels fit ${tied.map((s) => s.spec.type).join(' and ')} equally` };
  }
  return { spec: best.spec };
}

/**
 * Cuts a block into fields using only its type's labels, longest first. A label already used in the block
 * does not open a second field: a repeated label line is text of the value above, so nothing is overwritten.
 */
export function splitFields(block: RawBlock, spec: TypeSpec): { fields: RawField[]; leading: RawField | null } {
  const labels = spec.labels.map((l) => l.label).sort((a, b) => b.length - a.length);
  const seen = new Set<string>();
  const fields: RawField[] = [];
  let leading: { line: number; lines: string[] } | null = null;
  let open: { label: string; line: number; lines: string[] } | null = null;
  const close = (): void => {
    if (open) fields.push({ label: open.label, line: open.line, value: cleanValue(open.lines) });
  };
  for (const { no, text } of block.lines) {
    const label = labelAt(text, labels);
    if (label && !seen.has(label)) {
      close();
      seen.add(label);
      open = { label, line: no, lines: [text.slice(label.length)] };
    } else if (open) {
      open.lines.push(text);
    } else {
      leading ??= { line: no, lines: [] };
      leading.lines.push(text);
    }
  }
  close();
  const leadingField = leading ? { label: '', line: leading.line, value: cleanValue(leading.lines) } : null;
  return { fields, leading: leadingField };
}
