import { gtrPage } from '../../interchange/export/gtr-text.js';
import type { OutcomeView } from '../../outcomes/outcome.models.js';
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
  const live = doc.outcomes.filter((o) => o.changeStatus !== 'REMOVED').map((o) => o.outcome as OutcomeView);
  return gtrPage(doc.award, live);
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
