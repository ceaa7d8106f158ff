import { Injectable } from '@nestjs/common';
import { outcomeScopeSql, awardScopeSql } from '../access/scope.js';
import type { RequestContext } from '../common/request-context.js';
import { isUuid } from '../common/validators.js';
import { Db } from '../database/db.service.js';
import { AuditEvent } from './audit-event.entity.js';

export type AuditAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'RESTORE' | 'ATTRIBUTE' | 'UNATTRIBUTE' | 'SUBMIT' | 'IMPORT';

@Injectable()
export class AuditService {
  constructor(private readonly db: Db) {}

  /** Written in the caller's transaction: a change and its audit event commit or roll back together. */
  async record(
    ctx: RequestContext,
    action: AuditAction,
    entityType: string,
    entityId: string,
    before: object | null,
    after: object | null,
  ): Promise<void> {
    await this.recordMany(ctx, [{ action, entityType, entityId, before, after }]);
  }

  /** Many events in one statement (imports). */
  async recordMany(
    ctx: RequestContext,
    events: { action: AuditAction; entityType: string; entityId: string; before: object | null; after: object | null }[],
  ): Promise<void> {
    if (!events.length) return;
    await this.db.query(
      ctx,
      `INSERT INTO audit_event (actor, actor_user_id, action, entity_type, entity_id, before, after, request_id)
       SELECT $1, $2, e.action, e.entity_type, e.entity_id, e.before, e.after, $3
       FROM jsonb_to_recordset($4::jsonb) AS e(action text, entity_type text, entity_id uuid, before jsonb, after jsonb)`,
      [
        ctx.actor,
        ctx.caller?.userId ?? null,
        ctx.requestId,
        JSON.stringify(events.map((e) => ({ action: e.action, entity_type: e.entityType, entity_id: e.entityId, before: e.before, after: e.after }))),
      ],
    );
  }

  /** The events of one entity the caller may read (an outcome or award out of scope has none to show). */
  async trail(ctx: RequestContext, entityId: string, skip: number, take: number): Promise<{ items: AuditEvent[]; totalItems: number }> {
    // Not an id of ours: nothing to show (rather than a database type error).
    if (!isUuid(entityId)) return { items: [], totalItems: 0 };
    const params: unknown[] = [entityId];
    const visible = `(EXISTS (SELECT 1 FROM outcome o WHERE o.id = $1 AND ${outcomeScopeSql(ctx, 'o', params)})
      OR EXISTS (SELECT 1 FROM award a WHERE a.id = $1 AND ${awardScopeSql(ctx, 'a', params)})
      OR ${ctx.isAdmin ? 'TRUE' : 'FALSE'})`;
    params.push(skip, take);
    const rows = await this.db.query<AuditEvent & { total: number }>(
      ctx,
      `SELECT ae.id, ae.at, ae.actor, ae.action, ae.entity_type AS "entityType", ae.entity_id AS "entityId", ae.before, ae.after,
              count(*) OVER ()::int AS total
       FROM audit_event ae WHERE ae.entity_id = $1 AND ${visible}
       ORDER BY ae.at, ae.id OFFSET $${params.length - 1} LIMIT $${params.length}`,
      params,
    );
    let totalItems = rows[0]?.total ?? 0;
    if (!rows.length && skip > 0) {
      totalItems = (await this.db.query<{ n: number }>(ctx, `SELECT count(*)::int AS n FROM audit_event ae WHERE ae.entity_id = $1 AND ${visible}`, params.slice(0, -2)))[0].n;
    }
    return { items: rows.map(({ total: _t, ...e }) => e as AuditEvent), totalItems };
  }
}
