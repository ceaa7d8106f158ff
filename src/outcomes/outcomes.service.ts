import { Injectable } from '@nestjs/common';
import { awardScopeSql, awardWriteScopeSql, outcomeScopeSql } from '../access/scope.js';
import { AuditService } from '../audit/audit.service.js';
import { AwardLookup } from '../awards/award-lookup.js';
import { Award } from '../awards/award.entity.js';
import { AppError, badField, badInput, conflict, forbidden, notFound, type FieldError } from '../common/errors.js';
import { IdempotencyService } from '../common/idempotency.service.js';
import { isUuid } from '../common/validators.js';
import type { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.service.js';
import type { OutcomeFilter } from './outcome-filter.input.js';
import { OutcomeFilterSql } from './outcome-filter.js';
import { OutcomeReader } from './outcome-reader.js';
import { OutcomeWriter } from './outcome-writer.js';
import type { OutcomeTypeName } from './outcome.entity.js';
import type { OutcomeView } from './outcome.models.js';
import { TYPE_SPECS } from './types/type-spec.js';

export interface CreateOptions {
  idempotencyKey?: string | null;
  /** the GraphQL operation name, for idempotency scoping */
  operation?: string;
  sourceFields?: Record<string, unknown> | null;
  fingerprint?: string | null;
}

/** The outcome record's rules: attribution, optimistic concurrency, soft delete, audit and idempotency. */
@Injectable()
export class OutcomesService {
  constructor(
    private readonly db: Db,
    private readonly reader: OutcomeReader,
    private readonly writer: OutcomeWriter,
    private readonly filters: OutcomeFilterSql,
    private readonly awards: AwardLookup,
    private readonly audit: AuditService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** null when absent or out of scope (answered alike). Deleted outcomes are returned with deletedAt set. */
  async get(ctx: RequestContext, id: string): Promise<OutcomeView | null> {
    if (!isUuid(id)) return null;
    const params: unknown[] = [];
    const [view] = await this.reader.byIds(ctx, [id], outcomeScopeSql(ctx, 'o', params), params);
    return view ?? null;
  }

  async list(ctx: RequestContext, filter: OutcomeFilter | null | undefined, skip: number, take: number) {
    const { where, params } = await this.filters.build(ctx, filter);
    return this.reader.page(ctx, where, params, skip, take);
  }

  async create(ctx: RequestContext, type: OutcomeTypeName, awardReferences: string[], input: Record<string, any>, opts: CreateOptions = {}): Promise<OutcomeView> {
    const operation = opts.operation ?? `create${TYPE_SPECS[type].graphqlName}`;
    let created: OutcomeView | null = null;
    const { id } = await this.idempotency.run(ctx, operation, opts.idempotencyKey, { awardReferences, input }, async () => {
      const problems: FieldError[] = [];
      if (!awardReferences.length) problems.push({ path: 'awardReferences', message: 'at least one award reference is required' });
      const awards = await this.collect(problems, () => this.awards.resolve(ctx, awardReferences, 'awardReferences', { write: true }));
      const values = await this.collect(problems, () => this.writer.columns(ctx, type, input, input));
      if (problems.length) throw badInput(problems);
      const id = await this.writer.insert(ctx, type, values!, {
        source_fields: opts.sourceFields ?? null,
        fingerprint: opts.fingerprint ?? null,
      }, awards!.map((a) => a.id));
      created = await this.mustRead(ctx, id);
      await this.audit.record(ctx, 'CREATE', 'Outcome', id, null, { ...created, awards: awards!.map((a) => a.reference) });
      return { id };
    });
    // A replayed idempotency key answers the outcome as it is now; a fresh create answers what it just read.
    return created ?? this.mustRead(ctx, id);
  }

  async update(ctx: RequestContext, type: OutcomeTypeName, id: string, expectedVersion: number, patch: Record<string, any>): Promise<OutcomeView> {
    const before = await this.writable(ctx, id, type);
    if (before.version !== expectedVersion) throw this.stale(before, expectedVersion);
    const merged = { ...before, ...patch };
    const values = await this.writer.columns(ctx, type, patch, merged);
    if (!(await this.writer.update(ctx, type, id, expectedVersion, values))) throw this.stale(await this.mustRead(ctx, id), expectedVersion);
    const after = await this.mustRead(ctx, id);
    await this.audit.record(ctx, 'UPDATE', 'Outcome', id, before, after);
    return after;
  }

  async delete(ctx: RequestContext, id: string, expectedVersion: number): Promise<OutcomeView> {
    const before = await this.writable(ctx, id);
    return this.setDeleted(ctx, before, expectedVersion, true);
  }

  async restore(ctx: RequestContext, id: string): Promise<OutcomeView> {
    const before = await this.writable(ctx, id, undefined, { deleted: true });
    if (!before.deletedAt) return before;
    return this.setDeleted(ctx, before, before.version, false);
  }

  async attribute(ctx: RequestContext, id: string, awardReferences: string[]): Promise<OutcomeView> {
    const before = await this.writable(ctx, id);
    const awards = await this.awards.resolve(ctx, awardReferences, 'awardReferences', { write: true });
    await this.db.query(
      ctx,
      'INSERT INTO outcome_award (outcome_id, award_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING',
      [id, awards.map((a) => a.id)],
    );
    return this.bump(ctx, before, 'ATTRIBUTE', awards.map((a) => a.reference));
  }

  /** Never below one award: an outcome always counts for something. */
  async unattribute(ctx: RequestContext, id: string, awardReferences: string[]): Promise<OutcomeView> {
    const before = await this.writable(ctx, id);
    const awards = await this.awards.resolve(ctx, awardReferences, 'awardReferences', { write: true });
    const [{ left }] = await this.db.query<{ left: number }>(
      ctx,
      `WITH gone AS (DELETE FROM outcome_award WHERE outcome_id = $1 AND award_id = ANY($2::uuid[]) RETURNING 1)
       SELECT (SELECT count(*)::int FROM outcome_award WHERE outcome_id = $1) - (SELECT count(*)::int FROM gone) AS left`,
      [id, awards.map((a) => a.id)],
    );
    if (left < 1) throw badField('awardReferences', 'an outcome keeps at least one award: attribute it elsewhere first');
    return this.bump(ctx, before, 'UNATTRIBUTE', awards.map((a) => a.reference));
  }

  /** Awards of many outcomes, those the caller may read, by reference: one batched query per request. */
  awardsOf(ctx: RequestContext, outcomeId: string): Promise<Award[]> {
    return ctx
      .loader<string, Award[]>('outcomeAwards', async (ids) => {
        const params: unknown[] = [ids];
        const rows = await this.db.query<{ outcome_id: string; award_id: string }>(
          ctx,
          `SELECT oa.outcome_id, oa.award_id FROM outcome_award oa JOIN award a ON a.id = oa.award_id
           WHERE oa.outcome_id = ANY($1::uuid[]) AND ${awardScopeSql(ctx, 'a', params)} ORDER BY a.reference`,
          params,
        );
        const byId = await this.db.byIds(ctx, Award, rows.map((r) => r.award_id));
        return ids.map((id) => rows.filter((r) => r.outcome_id === id).map((r) => byId.get(r.award_id)!));
      })
      .load(outcomeId);
  }

  /** The outcome as the caller may change it: NOT_FOUND when out of read scope, FORBIDDEN when read-only. */
  private async writable(ctx: RequestContext, id: string, type?: OutcomeTypeName, opts: { deleted?: boolean } = {}): Promise<OutcomeView> {
    if (!isUuid(id)) throw notFound(type ? `${TYPE_SPECS[type].graphqlName} ${id}` : `Outcome ${id}`);
    const params: unknown[] = [id];
    const [row] = await this.db.query<{ writable: boolean }>(
      ctx,
      `SELECT EXISTS (SELECT 1 FROM outcome_award woa JOIN award wa ON wa.id = woa.award_id
         WHERE woa.outcome_id = o.id AND ${awardWriteScopeSql(ctx, 'wa', params)}) AS writable
       FROM outcome o WHERE o.id = $1 AND ${outcomeScopeSql(ctx, 'o', params)}`,
      params,
    );
    const view = row ? await this.mustRead(ctx, id) : null;
    if (!view || (type && view.type !== type)) throw notFound(type ? `${TYPE_SPECS[type].graphqlName} ${id}` : `Outcome ${id}`);
    if (!row.writable) throw forbidden('You may read this outcome but not change it');
    if (view.deletedAt && !opts.deleted) throw notFound(`Outcome ${id} (deleted; restore it first)`);
    return view;
  }

  private async setDeleted(ctx: RequestContext, before: OutcomeView, expectedVersion: number, deleted: boolean): Promise<OutcomeView> {
    if (!deleted && !ctx.isAdmin) throw forbidden('Only admins restore deleted outcomes');
    // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, rowCount], whose length is always 2.
    const done = await this.db.query(
      ctx,
      `WITH done AS (UPDATE outcome SET deleted_at = ${deleted ? 'now()' : 'NULL'}, version = version + 1, updated_at = now(), updated_by = $3
       WHERE id = $1 AND version = $2 RETURNING id) SELECT id FROM done`,
      [before.id, expectedVersion, ctx.actor],
    );
    if (!done.length) throw this.stale(await this.mustRead(ctx, before.id), expectedVersion);
    const after = await this.mustRead(ctx, before.id);
    await this.audit.record(ctx, deleted ? 'DELETE' : 'RESTORE', 'Outcome', before.id, before, after);
    return after;
  }

  private async bump(ctx: RequestContext, before: OutcomeView, action: 'ATTRIBUTE' | 'UNATTRIBUTE', refs: string[]): Promise<OutcomeView> {
    await this.db.query(ctx, 'UPDATE outcome SET version = version + 1, updated_at = now(), updated_by = $2 WHERE id = $1', [before.id, ctx.actor]);
    const after = await this.mustRead(ctx, before.id);
    await this.audit.record(ctx, action, 'Outcome', before.id, { version: before.version }, { version: after.version, awardReferences: refs });
    return after;
  }

  private stale(current: OutcomeView, expected: number): AppError {
    return conflict(`Outcome ${current.id} is at version ${current.version}, not ${expected}: reload and retry`);
  }

  private async mustRead(ctx: RequestContext, id: string): Promise<OutcomeView> {
    const [view] = await this.reader.byIds(ctx, [id]);
    if (!view) throw notFound(`Outcome ${id}`);
    return view;
  }

  /** Runs a check and adds its BAD_USER_INPUT fields to `problems`, so one answer lists every invalid field. */
  private async collect<T>(problems: FieldError[], fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof AppError && e.fields) {
        problems.push(...e.fields);
        return undefined;
      }
      throw e;
    }
  }
}
