/** GTR_TEXT export: one award's page, in the GtR layout the import reads (a fixed point of import → export). */
import { renderGtrText } from '../gtr-text/index.js';
import type { AwardDetails } from './awards.js';
import type { ExportedOutcome } from './load.js';
import { textSourceFields, viewToInput } from './view-input.js';

export async function gtrTextExport(award: AwardDetails, outcomes: AsyncIterable<ExportedOutcome>): Promise<string> {
  const rendered = [];
  for await (const { view } of outcomes) {
    rendered.push({ type: view.type, fields: viewToInput(view), sourceFields: textSourceFields(view) });
  }
  return renderGtrText({
    award: {
      title: award.title,
      leadOrganisation: award.leadOrganisation ?? undefined,
      department: award.department ?? undefined,
      abstract: award.abstract ?? undefined,
      plannedImpact: award.plannedImpact ?? undefined,
    },
    outcomes: rendered,
  });
}
