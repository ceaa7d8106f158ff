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

  /** Runs fn in a transaction, joining the request's one if it already has it. */
  async transaction<T>(ctx: RequestContext, fn: (ctx: RequestContext) => Promise<T>): Promise<T> {
    if (ctx.manager?.queryRunner?.isTransactionActive) return fn(ctx);
    return this.dataSource.transaction((em) => fn(ctx.withManager(em)));
  }
}
