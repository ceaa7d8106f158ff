import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../access/decorators.js';
import { PageArgs } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { AuditEventList } from './audit.model.js';
import { AuditService } from './audit.service.js';

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEventList, { description: 'The change history of an outcome or award the caller may read.' })
  auditTrail(
    @Ctx() ctx: RequestContext,
    @Args('entityId', { type: () => ID }) entityId: string,
    @Args() page: PageArgs,
  ): Promise<AuditEventList> {
    return this.audit.trail(ctx, entityId, page.skip, page.take);
  }
}
