import { Injectable } from '@nestjs/common';
import { awardScopeSql, awardWriteScopeSql } from '../access/scope.js';
import { normaliseReference } from '../awards/award-lookup.js';
import { badField, forbidden, notFound } from '../common/errors.js';
import type { RequestContext } from '../common/request-context.js';
import { isUuid } from '../common/validators.js';
import { Db } from '../database/db.service.js';

export interface ScopedAward {
  id: string;
  reference: string;
  /** the caller may change the award: its team, its lead organisation's impact officers, admins */
  writable: boolean;
}

export interface ScopedPlanItem {
  id: string;
  awardId: string;
  awardReference: string;
  writable: boolean;
}

const READ_ONLY = "Impact plans and evidence are kept by the award's team, its impact officers and admins";

/** Scope checks of the pathways feature, in SQL: what the caller may not read is answered as if absent. */
@Injectable()
export class PathwayAccess {
  constructor(private readonly db: Db) {}

  /** An award named in an argument: unknown or out of read scope is BAD_USER_INPUT on `path`; read-only is FORBIDDEN when writing. */
  async award(ctx: RequestContext, reference: string, path: string, opts: { write?: boolean } = {}): Promise<ScopedAward> {
    const params: unknown[] = [normaliseReference(reference)];
    const read = awardScopeSql(ctx, 'a', params);
    const write = awardWriteScopeSql(ctx, 'a', params);
    const [row] = await this.db.query<ScopedAward>(
      ctx,
      `SELECT a.id, a.reference, (${write}) AS writable FROM award a WHERE a.reference = $1 AND ${read}`,
      params,
    );
    if (!row) throw badField(path, `unknown award reference "${reference}"`);
    if (opts.write && !row.writable) throw forbidden(READ_ONLY);
    return row;
  }

  /** A plan item by id, for a change: absent or out of read scope is NOT_FOUND, read-only is FORBIDDEN. */
  async writablePlanItem(ctx: RequestContext, id: string): Promise<ScopedPlanItem> {
    if (!isUuid(id)) throw notFound(`Impact plan item ${id}`);
    const params: unknown[] = [id];
    const read = awardScopeSql(ctx, 'a', params);
    const write = awardWriteScopeSql(ctx, 'a', params);
    const [row] = await this.db.query<ScopedPlanItem>(
      ctx,
      `SELECT p.id, p.award_id AS "awardId", a.reference AS "awardReference", (${write}) AS writable
       FROM impact_plan_item p JOIN award a ON a.id = p.award_id WHERE p.id = $1 AND ${read}`,
      params,
    );
    if (!row) throw notFound(`Impact plan item ${id}`);
    if (!row.writable) throw forbidden(READ_ONLY);
    return row;
  }
}
