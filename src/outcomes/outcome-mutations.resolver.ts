import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { Ctx } from '../access/decorators.js';
import type { RequestContext } from '../common/request-context.js';
import {
  EngagementActivityInput, FurtherFundingInput, PolicyInfluenceInput, PartnershipInput, ResearchMaterialInput, ImpactNarrativeInput, UpdateEngagementActivityInput, UpdateFurtherFundingInput, UpdatePolicyInfluenceInput, UpdatePartnershipInput, UpdateResearchMaterialInput, UpdateImpactNarrativeInput,
} from './outcome.inputs.js';
import { EngagementActivity, FurtherFunding, PolicyInfluence, Partnership, ResearchMaterial, ImpactNarrative, type OutcomeView } from './outcome.models.js';
import { OutcomesService } from './outcomes.service.js';

/** createX / updateX for each outcome type: one line each, the rules live in OutcomesService. */
@Resolver()
export class OutcomeMutationsResolver {
  constructor(private readonly outcomes: OutcomesService) {}

  @Mutation(() => EngagementActivity, { description: 'Records an engagement activity for one or more awards; a repeated idempotencyKey returns the first result.' })
  createEngagementActivity(
    @Ctx() ctx: RequestContext,
    @Args('awardReferences', { type: () => [String] }) awardReferences: string[],
    @Args('input') input: EngagementActivityInput,
    @Args('idempotencyKey', { type: () => String, nullable: true }) idempotencyKey?: string | null,
  ): Promise<OutcomeView> {
    return this.outcomes.create(ctx, 'ENGAGEMENT_ACTIVITY', awardReferences, input, { idempotencyKey });
  }

  @Mutation(() => EngagementActivity, { description: 'Changes an engagement activity: only the fields given; a stale expectedVersion is CONFLICT.' })
  updateEngagementActivity(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateEngagementActivityInput,
  ): Promise<OutcomeView> {
    return this.outcomes.update(ctx, 'ENGAGEMENT_ACTIVITY', id, expectedVersion, input);
  }

  @Mutation(() => FurtherFunding, { description: 'Records further funding for one or more awards; a repeated idempotencyKey returns the first result.' })
  createFurtherFunding(
    @Ctx() ctx: RequestContext,
    @Args('awardReferences', { type: () => [String] }) awardReferences: string[],
    @Args('input') input: FurtherFundingInput,
    @Args('idempotencyKey', { type: () => String, nullable: true }) idempotencyKey?: string | null,
  ): Promise<OutcomeView> {
    return this.outcomes.create(ctx, 'FURTHER_FUNDING', awardReferences, input, { idempotencyKey });
  }

  @Mutation(() => FurtherFunding, { description: 'Changes further funding: only the fields given; a stale expectedVersion is CONFLICT.' })
  updateFurtherFunding(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateFurtherFundingInput,
  ): Promise<OutcomeView> {
    return this.outcomes.update(ctx, 'FURTHER_FUNDING', id, expectedVersion, input);
  }

  @Mutation(() => PolicyInfluence, { description: 'Records a policy influence for one or more awards; a repeated idempotencyKey returns the first result.' })
  createPolicyInfluence(
    @Ctx() ctx: RequestContext,
    @Args('awardReferences', { type: () => [String] }) awardReferences: string[],
    @Args('input') input: PolicyInfluenceInput,
    @Args('idempotencyKey', { type: () => String, nullable: true }) idempotencyKey?: string | null,
  ): Promise<OutcomeView> {
    return this.outcomes.create(ctx, 'POLICY_INFLUENCE', awardReferences, input, { idempotencyKey });
  }

  @Mutation(() => PolicyInfluence, { description: 'Changes a policy influence: only the fields given; a stale expectedVersion is CONFLICT.' })
  updatePolicyInfluence(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdatePolicyInfluenceInput,
  ): Promise<OutcomeView> {
    return this.outcomes.update(ctx, 'POLICY_INFLUENCE', id, expectedVersion, input);
  }

  @Mutation(() => Partnership, { description: 'Records a partnership for one or more awards; a repeated idempotencyKey returns the first result.' })
  createPartnership(
    @Ctx() ctx: RequestContext,
    @Args('awardReferences', { type: () => [String] }) awardReferences: string[],
    @Args('input') input: PartnershipInput,
    @Args('idempotencyKey', { type: () => String, nullable: true }) idempotencyKey?: string | null,
  ): Promise<OutcomeView> {
    return this.outcomes.create(ctx, 'PARTNERSHIP', awardReferences, input, { idempotencyKey });
  }

  @Mutation(() => Partnership, { description: 'Changes a partnership: only the fields given; a stale expectedVersion is CONFLICT.' })
  updatePartnership(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdatePartnershipInput,
  ): Promise<OutcomeView> {
    return this.outcomes.update(ctx, 'PARTNERSHIP', id, expectedVersion, input);
  }

  @Mutation(() => ResearchMaterial, { description: 'Records a research material for one or more awards; a repeated idempotencyKey returns the first result.' })
  createResearchMaterial(
    @Ctx() ctx: RequestContext,
    @Args('awardReferences', { type: () => [String] }) awardReferences: string[],
    @Args('input') input: ResearchMaterialInput,
    @Args('idempotencyKey', { type: () => String, nullable: true }) idempotencyKey?: string | null,
  ): Promise<OutcomeView> {
    return this.outcomes.create(ctx, 'RESEARCH_MATERIAL', awardReferences, input, { idempotencyKey });
  }

  @Mutation(() => ResearchMaterial, { description: 'Changes a research material: only the fields given; a stale expectedVersion is CONFLICT.' })
  updateResearchMaterial(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateResearchMaterialInput,
  ): Promise<OutcomeView> {
    return this.outcomes.update(ctx, 'RESEARCH_MATERIAL', id, expectedVersion, input);
  }

  @Mutation(() => ImpactNarrative, { description: 'Records an impact narrative for one or more awards; a repeated idempotencyKey returns the first result.' })
  createImpactNarrative(
    @Ctx() ctx: RequestContext,
    @Args('awardReferences', { type: () => [String] }) awardReferences: string[],
    @Args('input') input: ImpactNarrativeInput,
    @Args('idempotencyKey', { type: () => String, nullable: true }) idempotencyKey?: string | null,
  ): Promise<OutcomeView> {
    return this.outcomes.create(ctx, 'IMPACT_NARRATIVE', awardReferences, input, { idempotencyKey });
  }

  @Mutation(() => ImpactNarrative, { description: 'Changes an impact narrative: only the fields given; a stale expectedVersion is CONFLICT.' })
  updateImpactNarrative(
    @Ctx() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: UpdateImpactNarrativeInput,
  ): Promise<OutcomeView> {
    return this.outcomes.update(ctx, 'IMPACT_NARRATIVE', id, expectedVersion, input);
  }
}
