import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { RequestWithContext } from '../access/decorators.js';
import { Db } from './db.service.js';

/**
 * Every root mutation runs in one transaction: a rejected mutation writes nothing. Field resolvers of the result
 * run after the commit, on the pool, so the context is restored when the mutation returns.
 */
@Injectable()
export class MutationTransactionInterceptor implements NestInterceptor {
  constructor(private readonly db: Db) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<string>() !== 'graphql') return next.handle();
    const gql = GqlExecutionContext.create(context);
    if (gql.getInfo<GraphQLResolveInfo>().parentType.name !== 'Mutation') return next.handle();
    const req = gql.getContext<{ req: RequestWithContext }>().req;
    const outer = req.ctx!;
    return from(
      this.db.dataSource.transaction(async (em) => {
        req.ctx = outer.withManager(em);
        try {
          return await lastValueFrom(next.handle());
        } finally {
          req.ctx = outer;
        }
      }),
    );
  }
}
