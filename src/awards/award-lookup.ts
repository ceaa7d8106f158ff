import { Injectable } from '@nestjs/common';
import { awardScopeSql, awardWriteScopeSql } from '../access/scope.js';
import { badInput, forbidden } from '../common/errors.js';
import type { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.service.js';

export interface AwardRef {
  id: string;
  reference: string;
  writable: boolean;
}

/** Normalised form of an award reference as users type it ("es/j008435/1 " -> "ES/J008435/1"). */
export const normaliseReference = (ref: string): string => ref.trim().replace(/\s+/g, '').toUpperCase();

@Injectable()
export class AwardLookup {
  constructor(private readonly db: Db) {}

  /**
   * Award ids for references named in an argument, in one statement. An unknown reference, or one outside the
   * caller's scope (answered alike), is BAD_USER_INPUT naming `${path}[i]`.
   */
  async resolve(ctx: RequestContext, refs: readonly string[], path: string, opts: { write?: boolean } = {}): Promise<AwardRef[]> {
    const wanted = refs.map(normaliseReference);
    const params: unknown[] = [wanted];
    const scope = awardScopeSql(ctx, 'a', params);
    const writable = awardWriteScopeSql(ctx, 'a', params);
    const rows = await this.db.query<AwardRef>(
      ctx,
      `SELECT a.id, a.reference, (${writable}) AS writable FROM award a WHERE a.reference = ANY($1::text[]) AND ${scope}`,
      params,
    );
    const byRef = new Map(rows.map((r) => [r.reference, r]));
    const missing = wanted.flatMap((r, i) => (byRef.has(r) ? [] : [{ path: `${path}[${i}]`, message: `unknown award reference "${refs[i]}"` }]));
    if (missing.length) throw badInput(missing);
    const readOnly = rows.filter((r) => !r.writable);
    if (opts.write && readOnly.length) {
      throw forbidden(`You may not record or change outcomes of award ${readOnly.map((r) => r.reference).join(', ')}`);
    }
    return [...new Map(wanted.map((r) => [r, byRef.get(r)!])).values()];
  }
}
