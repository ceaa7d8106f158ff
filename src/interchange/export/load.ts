/** The outcomes an export writes: filtered (scope included) in SQL, read a page at a time in creation order. */
import { awardScopeSql } from '../../access/scope.js';
import type { RequestContext } from '../../common/request-context.js';
import type { Db } from '../../database/db.service.js';
import type { OutcomeFilter } from '../../outcomes/outcome-filter.input.js';
import type { OutcomeFilterSql } from '../../outcomes/outcome-filter.js';
import type { OutcomeReader } from '../../outcomes/outcome-reader.js';
import type { OutcomeView } from '../../outcomes/outcome.models.js';

export interface ExportedOutcome {
  view: OutcomeView;
  /** References of the outcome's awards the caller may read. */
  awards: string[];
}

const PAGE = 1000;

/**
 * Creation order, then id: an import's outcomes share one created_at and get time-ordered ids, so they come
 * back in the order of the file they came from.
 */
export async function* exportedOutcomes(
  ctx: RequestContext, db: Db, filters: OutcomeFilterSql, reader: OutcomeReader, filter: OutcomeFilter,
): AsyncGenerator<ExportedOutcome> {
  const params: unknown[] = [];
  const { where } = await filters.build(ctx, filter, 'o', params);
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const p = [...params];
    const keyset: string = after ? `AND (o.created_at, o.id) > ($${p.push(after.at)}::timestamptz, $${p.push(after.id)}::uuid)` : '';
    const page: { id: string; at: string }[] = await db.query<{ id: string; at: string }>(
      ctx,
      `SELECT o.id, o.created_at::text AS at FROM outcome o WHERE ${where} ${keyset} ORDER BY o.created_at, o.id LIMIT ${PAGE}`,
      p,
    );
    if (!page.length) return;
    const ids = page.map((r) => r.id);
    const views = await reader.byIds(ctx, ids);
    const awards = await awardsOf(ctx, db, ids);
    for (const view of views) yield { view, awards: awards.get(view.id) ?? [] };
    if (page.length < PAGE) return;
    after = page[page.length - 1];
  }
}

async function awardsOf(ctx: RequestContext, db: Db, ids: string[]): Promise<Map<string, string[]>> {
  const params: unknown[] = [ids];
  const rows = await db.query<{ outcome_id: string; reference: string }>(
    ctx,
    `SELECT oa.outcome_id, a.reference FROM outcome_award oa JOIN award a ON a.id = oa.award_id
     WHERE oa.outcome_id = ANY($1::uuid[]) AND ${awardScopeSql(ctx, 'a', params)} ORDER BY a.reference`,
    params,
  );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.outcome_id, [...(map.get(r.outcome_id) ?? []), r.reference]);
  return map;
}
