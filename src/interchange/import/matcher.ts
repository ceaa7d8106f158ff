/** Finds the outcomes a batch of imported records already has in the database (three statements at most). */
import { outcomeScopeSql } from '../../access/scope.js';
import type { RequestContext } from '../../common/request-context.js';
import type { Db } from '../../database/db.service.js';
import { isUuid, type PreparedRecord } from './identity.js';

export interface ExistingOutcome {
  id: string;
  type: string;
  version: number;
  fingerprint: string | null;
  deleted: boolean;
  externalIds: string[];
  sourceFields: Record<string, unknown> | null;
}

const COLUMNS = `o.id, o.type, o.version, o.fingerprint, o.deleted_at IS NOT NULL AS deleted,
  o.external_ids AS "externalIds", o.source_fields AS "sourceFields"`;

/**
 * The existing outcome of each record (same index), or undefined. Only outcomes the caller may read are seen;
 * deleted ones are seen too, so a re-import does not bring back what someone deleted on purpose.
 */
export async function findExisting(ctx: RequestContext, db: Db, batch: PreparedRecord[]): Promise<(ExistingOutcome | undefined)[]> {
  const found: (ExistingOutcome | undefined)[] = batch.map(() => undefined);
  const select = async (cond: string, value: unknown): Promise<ExistingOutcome[]> => {
    const params: unknown[] = [value];
    return db.query<ExistingOutcome>(ctx, `SELECT ${COLUMNS} FROM outcome o WHERE ${cond} AND ${outcomeScopeSql(ctx, 'o', params)}`, params);
  };
  const ids = [...new Set(batch.map((r) => r.id).filter(isUuid).map((s) => s.toLowerCase()))];
  if (ids.length) {
    const byId = new Map((await select('o.id = ANY($1::uuid[])', ids)).map((o) => [o.id, o]));
    batch.forEach((r, i) => {
      const o = isUuid(r.id) ? byId.get(r.id.toLowerCase()) : undefined;
      if (o && o.type === r.type) found[i] = o;
    });
  }
  const keys = [...new Set(batch.filter((r, i) => !found[i] && r.externalKey).map((r) => r.externalKey!))];
  if (keys.length) {
    const rows = await select('o.external_ids && $1::text[]', keys);
    batch.forEach((r, i) => {
      if (!found[i] && r.externalKey) found[i] = rows.find((o) => o.type === r.type && o.externalIds.includes(r.externalKey!));
    });
  }
  const fps = [...new Set(batch.filter((r, i) => !found[i] && r.matchFingerprint).map((r) => r.matchFingerprint!))];
  if (fps.length) {
    const byFp = new Map((await select('o.fingerprint = ANY($1::bpchar[])', fps)).map((o) => [o.fingerprint, o]));
    batch.forEach((r, i) => {
      if (!found[i] && r.matchFingerprint) found[i] = byFp.get(r.matchFingerprint);
    });
  }
  return found;
}
