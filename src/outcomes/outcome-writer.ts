import { Injectable } from '@nestjs/common';
import { OrganisationsService } from '../access/organisations.service.js';
import { countryCodeOf } from '../common/country.js';
import { badInput, type FieldError } from '../common/errors.js';
import { formatAmount } from '../common/money.js';
import type { RequestContext } from '../common/request-context.js';
import { cleanText } from '../common/text.js';
import { Db } from '../database/db.service.js';
import type { OutcomeTypeName } from './outcome.entity.js';
import { COMMON_FIELDS, TYPE_SPECS, type OutcomeTypeSpec } from './types/type-spec.js';

/** A write to one outcome: base columns and detail columns, as SQL values. */
export interface ColumnValues {
  base: Record<string, unknown>;
  detail: Record<string, unknown>;
}

const BASE_COLUMNS: Record<(typeof COMMON_FIELDS)[number], string> = {
  title: 'title', description: 'description', impact: 'impact', url: 'url', externalIds: 'external_ids',
};

const text = (v: unknown): unknown => (typeof v === 'string' ? cleanText(v) : v);
const ids = (v: unknown): string[] => [...new Set(((v as string[] | null) ?? []).map((s) => s.trim()).filter(Boolean))];

/**
 * Turns GraphQL input fields into column values (organisation names resolved, countries coded, money normalised)
 * and checks what class-validator cannot see: required fields cleared, and order across fields.
 */
@Injectable()
export class OutcomeWriter {
  constructor(
    private readonly db: Db,
    private readonly organisations: OrganisationsService,
  ) {}

  /** `merged` is the record as it will be (old values overlaid with the patch), for the cross-field checks. */
  async columns(ctx: RequestContext, type: OutcomeTypeName, patch: Record<string, any>, merged: Record<string, any>): Promise<ColumnValues> {
    const spec = TYPE_SPECS[type];
    this.check(spec, patch, merged);
    const base: Record<string, unknown> = {};
    for (const f of COMMON_FIELDS) {
      if (patch[f] === undefined) continue;
      base[BASE_COLUMNS[f]] = f === 'externalIds' ? ids(patch[f]) : text(patch[f]);
    }
    const detail: Record<string, unknown> = {};
    for (const c of spec.columns) {
      const v = patch[c.field];
      if (v === undefined) continue;
      switch (c.kind) {
        case 'money':
          detail[c.column] = formatAmount(v.amount, v.currency);
          detail.currency = v.currency;
          break;
        case 'organisation':
          detail[c.column] = (await this.organisations.resolveName(ctx, v)).id;
          break;
        case 'country':
          detail.country = cleanText(v);
          detail.country_code = countryCodeOf(v);
          break;
        default:
          detail[c.column] = c.array ? [...new Set((v as unknown[] | null) ?? [])] : text(v);
      }
    }
    Object.assign(detail, spec.derived?.(merged) ?? {});
    base.years = [...new Set(spec.years(merged))].sort((a, b) => a - b);
    return { base, detail };
  }

  private check(spec: OutcomeTypeSpec, patch: Record<string, any>, merged: Record<string, any>): void {
    const problems: FieldError[] = [];
    for (const f of ['description', ...spec.columns.filter((c) => c.required).map((c) => c.field)]) {
      if (patch[f] === null || (typeof patch[f] === 'string' && !cleanText(patch[f]))) {
        problems.push({ path: `input.${f}`, message: `${f} is required and cannot be cleared` });
      }
    }
    problems.push(...(spec.check?.(merged) ?? []));
    if (problems.length) throw badInput(problems);
  }

  /**
   * The outcome, its detail row and its attributions in one statement (one round trip: creates are the hot path).
   * The detail and attribution rows reference the new id through the CTE; foreign keys are checked at the end.
   */
  async insert(ctx: RequestContext, type: OutcomeTypeName, v: ColumnValues, extra: Record<string, unknown>, awardIds: string[]): Promise<string> {
    const base = { ...v.base, ...extra, type, created_by: ctx.actor, updated_by: ctx.actor };
    const params: unknown[] = [];
    const values = (row: Record<string, unknown>) =>
      Object.values(row).map((x) => {
        params.push(x !== null && typeof x === 'object' && !Array.isArray(x) ? JSON.stringify(x) : x);
        return `$${params.length}`;
      });
    const baseValues = values(base);
    const detailValues = values(v.detail);
    params.push(awardIds);
    const [{ id }] = await this.db.query<{ id: string }>(
      ctx,
      `WITH o AS (INSERT INTO outcome (${Object.keys(base).join(', ')}) VALUES (${baseValues.join(', ')}) RETURNING id),
       d AS (INSERT INTO ${TYPE_SPECS[type].table} (${[...Object.keys(v.detail), 'outcome_id'].join(', ')})
             VALUES (${[...detailValues, '(SELECT id FROM o)'].join(', ')})),
       a AS (INSERT INTO outcome_award (outcome_id, award_id) SELECT o.id, unnest($${params.length}::uuid[]) FROM o)
       SELECT id FROM o`,
      params,
    );
    return id;
  }

  /** Applies a patch if the version still matches; false when it moved on (a concurrent change won). */
  async update(ctx: RequestContext, type: OutcomeTypeName, id: string, expectedVersion: number, v: ColumnValues): Promise<boolean> {
    const sets = Object.keys(v.base).map((c, i) => `${c} = $${i + 3}`);
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, rowCount], whose length is always 2.
    const done = await this.db.query(
      ctx,
      `WITH done AS (UPDATE outcome SET ${[...sets, 'version = version + 1', 'updated_at = now()', `updated_by = $${sets.length + 3}`].join(', ')}
       WHERE id = $1 AND version = $2 RETURNING id) SELECT id FROM done`,
      [id, expectedVersion, ...Object.values(v.base), ctx.actor],
    );
    if (!done.length) return false;
    const cols = Object.keys(v.detail);
    if (cols.length) {
      await this.db.query(
        ctx,
        `UPDATE ${TYPE_SPECS[type].table} SET ${cols.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE outcome_id = $1`,
        [id, ...Object.values(v.detail)],
      );
    }
    return true;
  }
}
