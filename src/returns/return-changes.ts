import type { RequestContext } from '../common/request-context.js';
import type { Db } from '../database/db.service.js';

export type ChangeStatus = 'NEW' | 'UPDATED' | 'UNCHANGED' | 'REMOVED';

/**
 * What changed since each award's last submitted return, by outcome, in SQL:
 * NEW never in a submitted return of the award; UPDATED in the last one at another version (any edit or
 * re-attribution bumps the version), or back after being left out; UNCHANGED in the last one at the same
 * version; REMOVED in the last one but since deleted or unattributed.
 */
const CHANGE_ROWS = `
  WITH last AS (
    SELECT DISTINCT ON (award_id) award_id, id FROM submitted_return
    WHERE award_id = ANY($1::uuid[]) ORDER BY award_id, submitted_at DESC, version DESC
  ),
  live AS (
    SELECT oa.award_id, o.id AS outcome_id, o.version FROM outcome_award oa JOIN outcome o ON o.id = oa.outcome_id
    WHERE oa.award_id = ANY($1::uuid[]) AND o.deleted_at IS NULL
  ),
  prev AS (
    SELECT last.award_id, sro.outcome_id, sro.outcome_version FROM last
    JOIN submitted_return_outcome sro ON sro.submitted_return_id = last.id
  ),
  ever AS (
    SELECT DISTINCT sr.award_id, sro.outcome_id FROM submitted_return sr
    JOIN submitted_return_outcome sro ON sro.submitted_return_id = sr.id WHERE sr.award_id = ANY($1::uuid[])
  )
  SELECT l.award_id, l.outcome_id,
    CASE WHEN p.outcome_id IS NULL AND e.outcome_id IS NULL THEN 'NEW'
         WHEN p.outcome_id IS NULL OR p.outcome_version <> l.version THEN 'UPDATED'
         ELSE 'UNCHANGED' END AS status
  FROM live l
  LEFT JOIN prev p ON p.award_id = l.award_id AND p.outcome_id = l.outcome_id
  LEFT JOIN ever e ON e.award_id = l.award_id AND e.outcome_id = l.outcome_id
  UNION ALL
  SELECT p.award_id, p.outcome_id, 'REMOVED' FROM prev p
  WHERE NOT EXISTS (SELECT 1 FROM live l WHERE l.award_id = p.award_id AND l.outcome_id = p.outcome_id)`;

export interface ChangeCounts {
  new: number;
  updated: number;
  unchanged: number;
  removed: number;
}

export async function changeRows(db: Db, ctx: RequestContext, awardId: string): Promise<{ outcomeId: string; status: ChangeStatus }[]> {
  const rows = await db.query<{ outcome_id: string; status: ChangeStatus }>(ctx, CHANGE_ROWS, [[awardId]]);
  return rows.map((r) => ({ outcomeId: r.outcome_id, status: r.status }));
}

/** Change counts of many awards in one statement (portfolio returns). */
export async function changeCounts(db: Db, ctx: RequestContext, awardIds: string[]): Promise<Map<string, ChangeCounts>> {
  const rows = await db.query<ChangeCounts & { award_id: string }>(
    ctx,
    `SELECT award_id,
       count(*) FILTER (WHERE status = 'NEW')::int AS new, count(*) FILTER (WHERE status = 'UPDATED')::int AS updated,
       count(*) FILTER (WHERE status = 'UNCHANGED')::int AS unchanged, count(*) FILTER (WHERE status = 'REMOVED')::int AS removed
     FROM (${CHANGE_ROWS}) c GROUP BY award_id`,
    [awardIds],
  );
  const zero = (): ChangeCounts => ({ new: 0, updated: 0, unchanged: 0, removed: 0 });
  const map = new Map(awardIds.map((id) => [id, zero()]));
  for (const { award_id, ...counts } of rows) map.set(award_id, counts);
  return map;
}

export function countChanges(statuses: ChangeStatus[]): ChangeCounts {
  const c: ChangeCounts = { new: 0, updated: 0, unchanged: 0, removed: 0 };
  for (const s of statuses) c[s.toLowerCase() as keyof ChangeCounts]++;
  return c;
}
