/**
 * GTR_TEXT export: writes the GtR project page layout back. Fields a GtR page has no label for (e.g.
 * otherAudiences, audienceSize, fundingType) cannot be carried by this format and are not written.
 */
import { cleanValue, SEPARATOR, UNLABELLED } from './blocks.js';
import { renderField } from './fields.js';
import { renderHeader } from './header.js';
import { typeSpec } from './labels.js';
import type { RenderDocument, RenderOutcome } from './types.js';

/** The page: header, then each block after a U+00A0 line; no final newline (as GtR serves it). */
export function renderGtrText(doc: RenderDocument): string {
  return [renderHeader(doc.award), ...doc.outcomes.map(renderOutcome)].join(`\n${SEPARATOR}\n`);
}

/**
 * One block, labels in GtR order. A typed field wins; without one, the raw text import kept under the same
 * GtR label (a truncated URL, an unknown label in lenient mode) is written, so re-import sees what it saw.
 */
export function renderOutcome(outcome: RenderOutcome): string {
  const spec = typeSpec(outcome.type);
  const raw = outcome.sourceFields ?? {};
  const lines: string[] = [];
  if (raw[UNLABELLED]?.trim()) lines.push(cleanValue(raw[UNLABELLED].split('\n')));
  for (const labelSpec of spec.labels) {
    const text = renderField(labelSpec, outcome.fields[labelSpec.field]) ?? raw[labelSpec.label] ?? null;
    if (text === null) continue;
    const value = cleanValue(text.split('\n'));
    if (value) lines.push(`${labelSpec.label} ${value}`);
  }
  return lines.join('\n');
}
