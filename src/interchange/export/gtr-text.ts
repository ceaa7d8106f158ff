/** GTR_TEXT export: one award's page, in the GtR layout the import reads (a fixed point of import → export). */
import type { OutcomeView } from '../../outcomes/outcome.models.js';
import { renderGtrText } from '../gtr-text/index.js';
import type { AwardDetails } from './awards.js';
import type { ExportedOutcome } from './load.js';
import { textSourceFields, viewToInput } from './view-input.js';

type PageHeader = Pick<AwardDetails, 'title' | 'leadOrganisation' | 'department' | 'abstract' | 'plannedImpact'>;

/** An award's page from its header and outcomes: the export and the GtR rendering of a return both write this. */
export function gtrPage(award: PageHeader, views: Iterable<OutcomeView>): string {
  const rendered = [];
  for (const view of views) rendered.push({ type: view.type, fields: viewToInput(view), sourceFields: textSourceFields(view) });
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

export async function gtrTextExport(award: AwardDetails, outcomes: AsyncIterable<ExportedOutcome>): Promise<string> {
  const views: OutcomeView[] = [];
  for await (const { view } of outcomes) views.push(view);
  return gtrPage(award, views);
}
