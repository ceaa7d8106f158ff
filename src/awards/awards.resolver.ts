import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { In } from 'typeorm';
import { Ctx } from '../access/decorators.js';
import { Organisation } from '../access/organisation.entity.js';
import { User } from '../access/user.entity.js';
import { Money } from '../common/money.model.js';
import { PageArgs } from '../common/pagination.js';
import type { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.service.js';
import { AwardMember } from './award-member.entity.js';
import { AwardPerson } from './award-person.entity.js';
import { AwardRole, AwardStatus } from './award.enums.js';
import { Award } from './award.entity.js';
import { AwardFilter, AwardInput, UpdateAwardInput } from './award.inputs.js';
import { AwardList, AwardMemberModel, AwardPersonModel } from './award.models.js';
import { AwardsService } from './awards.service.js';

/** Groups rows by a key, in the order of the requested keys (DataLoader's contract). */
function groupBy<T>(keys: readonly string[], rows: T[], key: (r: T) => string): T[][] {
  const map = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) map.get(key(r))?.push(r);
  return keys.map((k) => map.get(k)!);
}

@Resolver(() => Award)
export class AwardsResolver {
  constructor(
    private readonly service: AwardsService,
    private readonly db: Db,
  ) {}

  @Query(() => Award, { nullable: true, description: 'An award by reference; null when absent or outside your scope.' })
  award(@Ctx() ctx: RequestContext, @Args('reference') reference: string): Promise<Award | null> {
    return this.service.get(ctx, reference);
  }

  @Query(() => AwardList, { description: 'Awards you may read, by reference.' })
  awards(
    @Ctx() ctx: RequestContext,
    // typed without `| null` (it may be null): a union is emitted as Object and the validation pipe would skip it
    @Args('filter', { type: () => AwardFilter, nullable: true }) filter: AwardFilter,
    @Args() page: PageArgs,
  ): Promise<AwardList> {
    return this.service.list(ctx, filter, page.skip, page.take);
  }

  @Mutation(() => Award, { description: 'Records an award (admins and impact officers).' })
  createAward(@Ctx() ctx: RequestContext, @Args('input') input: AwardInput): Promise<Award> {
    return this.service.create(ctx, input);
  }

  @Mutation(() => Award, { description: 'Changes an award; a stale expectedVersion is CONFLICT and changes nothing.' })
  updateAward(
    @Ctx() ctx: RequestContext,
    @Args('reference') reference: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateAwardInput,
  ): Promise<Award> {
    return this.service.update(ctx, reference, expectedVersion, input);
  }

  @Mutation(() => Award, { description: "Adds a user to the award's team (or changes their role)." })
  addAwardMember(
    @Ctx() ctx: RequestContext,
    @Args('awardReference') awardReference: string,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => AwardRole }) role: AwardRole,
  ): Promise<Award> {
    return this.service.addMember(ctx, awardReference, userId, role);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The funder.' })
  funder(@Ctx() ctx: RequestContext, @Parent() a: Award): Promise<Organisation | null> {
    return a.funderId ? this.organisation(ctx, a.funderId) : Promise.resolve(null);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The lead research organisation.' })
  leadOrganisation(@Ctx() ctx: RequestContext, @Parent() a: Award): Promise<Organisation | null> {
    return a.leadOrganisationId ? this.organisation(ctx, a.leadOrganisationId) : Promise.resolve(null);
  }

  @ResolveField(() => Money, { nullable: true, description: 'Value of the award.' })
  value(@Parent() a: Award): Money | null {
    return a.valueAmount && a.valueCurrency ? { amount: a.valueAmount, currency: a.valueCurrency } : null;
  }

  @ResolveField(() => AwardStatus, { nullable: true, description: 'Status.' })
  status(@Parent() a: Award): string | null {
    return a.status;
  }

  @ResolveField(() => [AwardMemberModel], { description: "The award's team: users who may record its outcomes." })
  async members(@Ctx() ctx: RequestContext, @Parent() a: Award): Promise<AwardMemberModel[]> {
    const rows = await ctx
      .loader<string, AwardMember[]>('awardMembers', async (ids) =>
        groupBy(ids, await this.db.repo(ctx, AwardMember).find({ where: { awardId: In([...ids]) }, relations: { user: true } }), (m) => m.awardId),
      )
      .load(a.id);
    return rows.map((m) => ({ user: m.user as User, role: m.role as AwardRole }));
  }

  @ResolveField(() => [AwardPersonModel], { description: 'People on the award records with their roles.' })
  async people(@Ctx() ctx: RequestContext, @Parent() a: Award): Promise<AwardPersonModel[]> {
    const rows = await ctx
      .loader<string, AwardPerson[]>('awardPeople', async (ids) =>
        groupBy(ids, await this.db.repo(ctx, AwardPerson).find({ where: { awardId: In([...ids]) }, relations: { person: true } }), (p) => p.awardId),
      )
      .load(a.id);
    return rows.map((p) => ({ person: p.person, role: p.role as AwardRole }));
  }

  private organisation(ctx: RequestContext, id: string): Promise<Organisation | null> {
    return this.db.loadById(ctx, Organisation, id);
  }
}
