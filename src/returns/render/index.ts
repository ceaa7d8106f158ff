import { renderGtrText } from '../../interchange/gtr-text/index.js';
import type { OutcomeView } from '../../outcomes/outcome.models.js';
import { viewToInput } from '../../outcomes/view-to-input.js';
import type { ReturnDocument } from '../return-document.js';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';

export type Format = 'JSON' | 'CSV' | 'MARKDOWN' | 'GTR_TEXT' | 'HTML';

export const CONTENT_TYPES: Record<Format, { type: string; extension: string }> = {
  JSON: { type: 'application/json; charset=utf-8', extension: 'json' },
  CSV: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  MARKDOWN: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  GTR_TEXT: { type: 'text/plain; charset=utf-8', extension: 'txt' },
  HTML: { type: 'text/html; charset=utf-8', extension: 'html' },
};

/** The GtR page layout: the award header and its current outcomes (removed ones are not on the page). */
function renderGtr(doc: ReturnDocument): string {
  const a = doc.award;
  return renderGtrText({
    award: { title: a.title, leadOrganisation: a.leadOrganisation ?? undefined, department: a.department ?? undefined, abstract: a.abstract ?? undefined, plannedImpact: a.plannedImpact ?? undefined },
    outcomes: doc.outcomes
      .filter((o) => o.changeStatus !== 'REMOVED')
      .map(({ outcome }) => ({
        type: outcome.type as OutcomeView['type'],
        fields: viewToInput(outcome as OutcomeView),
        sourceFields: (outcome.sourceFields ?? undefined) as Record<string, string> | undefined,
      })),
  });
}

export function renderReturn(doc: ReturnDocument, format: Format): string {
  switch (format) {
    case 'JSON':
      return JSON.stringify(doc, null, 2);
    case 'CSV':
      return renderCsv(doc);
    case 'MARKDOWN':
      return renderMarkdown(doc);
    case 'GTR_TEXT':
      return renderGtr(doc);
    case 'HTML':
      return renderHtml(doc);
  }
}
