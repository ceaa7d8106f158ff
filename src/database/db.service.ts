import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager, type EntityTarget, type ObjectLiteral, type Repository } from 'typeorm';
import type { RequestContext } from '../common/request-context.js';

/**
 * The request-aware way to the database (Vendure's TransactionalConnection): inside a mutation the context
 * carries the transaction's manager, elsewhere the pool's.
 */
@Injectable()
export class Db {
  constructor(@InjectDataSource() readonly dataSource: DataSource) {}

  manager(ctx: RequestContext): EntityManager {
    return ctx.manager ?? this.dataSource.manager;
  }

  repo<T extends ObjectLiteral>(ctx: RequestContext, entity: EntityTarget<T>): Repository<T> {
    return this.manager(ctx).getRepository(entity);
  }

  /** Raw SQL in the request's transaction (summaries, batched inserts). */
  query<T = Record<string, unknown>>(ctx: RequestContext, sql: string, params: unknown[] = []): Promise<T[]> {
    return this.manager(ctx).query(sql, params) as Promise<T[]>;
  }

  /**
   * Independent reads: sent together on the pool's connections, or one after the other inside a transaction (its
   * one connection runs a statement at a time, and pg will not queue them for us much longer).
   */
  async all<T extends unknown[]>(ctx: RequestContext, ...reads: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> {
    if (ctx.manager) {
      const out: unknown[] = [];
      for (const read of reads) out.push(await read());
      return out as T;
    }
    return Promise.all(reads.map((read) => read())) as Promise<T>;
  }

  /** Runs fn in a transaction, joining the request's one if it already has it. */
  async transaction<T>(ctx: RequestContext, fn: (ctx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.manager?.queryRunner?.isTransactionActive) return fn(ctx);
    return this.dataSource.transaction((em) => fn(ctx.withManager(em)));
  }

  /** Rows by id in one statement (none when there are no ids), keyed by id. */
  async byIds<T extends ObjectLiteral & { id: string }>(ctx: RequestContext, entity: EntityTarget<T>, ids: Iterable<string>): Promise<Map<string, T>> {
    const wanted = [...new Set(ids)];
    const found = wanted.length ? await this.repo(ctx, entity).findBy({ id: In(wanted) } as never) : [];
    return new Map(found.map((row) => [row.id, row]));
  }

  /** One row by id through the request's DataLoader for that entity: a list's fan-out becomes one query. */
  loadById<T extends ObjectLiteral & { id: string }>(ctx: RequestContext, entity: EntityTarget<T> & { name: string }, id: string): Promise<T | null> {
    return ctx
      .loader<string, T | null>(`byId:${entity.name}`, async (ids) => {
        const rows = await this.byIds(ctx, entity, ids);
        return ids.map((i) => rows.get(i) ?? null);
      })
      .load(id);
  }
}
