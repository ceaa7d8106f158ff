import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
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
}
