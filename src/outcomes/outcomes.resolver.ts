import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '../access/decorators.js';
import { Award } from '../awards/award.entity.js';
import { PageArgs } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { OutcomeFilter } from './outcome-filter.input.js';
import { OutcomeList, OutcomeModel, type OutcomeView } from './outcome.models.js';
import { OutcomesService } from './outcomes.service.js';

@Resolver(() => OutcomeModel)
export class OutcomesResolver {
  constructor(private readonly service: OutcomesService) {}

  @Query(() => OutcomeModel, { nullable: true, description: 'An outcome by id; null when absent or outside your scope.' })
  outcome(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<OutcomeView | null> {
    return this.service.get(ctx, id);
  }

  @Query(() => OutcomeList, { description: 'Outcomes you may read, newest first (take at most 100).' })
  outcomes(
    @Ctx() ctx: RequestContext,
    // typed without `| null` (it may be null): a union is emitted as Object and the validation pipe would skip it
    @Args('filter', { type: () => OutcomeFilter, nullable: true }) filter: OutcomeFilter,
    @Args() page: PageArgs,
  ): Promise<OutcomeList> {
    return this.service.list(ctx, filter, page.skip, page.take);
  }

  @Mutation(() => OutcomeModel, { description: 'Soft-deletes an outcome (restoreOutcome brings it back); stale version is CONFLICT.' })
  deleteOutcome(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
  ): Promise<OutcomeView> {
    return this.service.delete(ctx, id, expectedVersion);
  }

  @Mutation(() => OutcomeModel, { description: 'Restores a deleted outcome (admins).' })
  @Allow('ADMIN')
  restoreOutcome(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<OutcomeView> {
    return this.service.restore(ctx, id);
  }

  @Mutation(() => OutcomeModel, { description: 'Attributes an outcome to more awards as well.' })
  attributeOutcome(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('awardReferences', { type: () => [String] }) awardReferences: string[],
  ): Promise<OutcomeView> {
    return this.service.attribute(ctx, id, awardReferences);
  }

  @Mutation(() => OutcomeModel, { description: 'Removes awards from an outcome (never below one award).' })
  unattributeOutcome(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('awardReferences', { type: () => [String] }) awardReferences: string[],
  ): Promise<OutcomeView> {
    return this.service.unattribute(ctx, id, awardReferences);
  }

  @ResolveField(() => [Award], { description: 'The awards it is attributed to (those you may read), by reference.' })
  awards(@Ctx() ctx: RequestContext, @Parent() outcome: OutcomeView): Promise<Award[]> {
    return this.service.awardsOf(ctx, outcome.id);
  }
}
