import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Ctx } from '../access/decorators.js';
import { Award } from '../awards/award.entity.js';
import type { RequestContext } from '../common/request-context.js';
import { OutcomeModel, type OutcomeView } from '../outcomes/outcome.models.js';
import { CaseStudyService } from './case-study.service.js';
import { Evidence } from './evidence.entity.js';
import { EvidenceService } from './evidence.service.js';
import { ImpactPlanItem } from './impact-plan.entity.js';
import { ImpactPlanService } from './impact-plan.service.js';
import { EvidenceInput, ImpactPlanItemInput } from './pathways.inputs.js';
import { ImpactCaseStudy, PathwayProgress } from './pathways.models.js';

/** Impact plans: planned against delivered. Thin: the rules live in ImpactPlanService. */
@Resolver(() => ImpactPlanItem)
export class ImpactPlanResolver {
  constructor(private readonly plans: ImpactPlanService) {}

  @Mutation(() => ImpactPlanItem, { description: "Adds an item to an award's impact plan (the award's team, its impact officers, admins)." })
  addImpactPlanItem(
    @Ctx() ctx: RequestContext,
    @Args('awardReference') awardReference: string,
    @Args('input') input: ImpactPlanItemInput,
  ): Promise<ImpactPlanItem> {
    return this.plans.add(ctx, awardReference, input);
  }

  @Mutation(() => ImpactPlanItem, { description: "Records that an outcome of the item's award delivered a plan item (idempotent)." })
  linkOutcomeToPlan(
    @Ctx() ctx: RequestContext,
    @Args('outcomeId', { type: () => ID }) outcomeId: string,
    @Args('planItemId', { type: () => ID }) planItemId: string,
  ): Promise<ImpactPlanItem> {
    return this.plans.link(ctx, outcomeId, planItemId);
  }

  @Query(() => PathwayProgress, { description: "Each item of an award's impact plan with the outcomes that delivered it; undelivered items included." })
  pathwayProgress(@Ctx() ctx: RequestContext, @Args('awardReference') awardReference: string): Promise<PathwayProgress> {
    return this.plans.progress(ctx, awardReference);
  }
}

/** Award.impactPlan, beside plannedImpact: the structured plan behind the free text. */
@Resolver(() => Award)
export class AwardPlanResolver {
  constructor(private readonly plans: ImpactPlanService) {}

  @ResolveField(() => [ImpactPlanItem], { description: 'The impact plan as items (pathways to impact), in the order they were added.' })
  impactPlan(@Ctx() ctx: RequestContext, @Parent() award: Award): Promise<ImpactPlanItem[]> {
    return this.plans.planOf(ctx, award.id);
  }
}

/** Corroborating evidence and the case study drafted from it. */
@Resolver(() => Evidence)
export class EvidenceResolver {
  constructor(
    private readonly evidenceService: EvidenceService,
    private readonly caseStudies: CaseStudyService,
  ) {}

  @Mutation(() => Evidence, { description: 'Records a source that corroborates impact, for an award and some of its outcomes.' })
  addEvidence(@Ctx() ctx: RequestContext, @Args('input') input: EvidenceInput): Promise<Evidence> {
    return this.evidenceService.add(ctx, input);
  }

  @Query(() => [Evidence], {
    description: "An award's evidence in the order recorded; confidential items only for its team, its impact officers and admins.",
  })
  evidence(@Ctx() ctx: RequestContext, @Args('awardReference') awardReference: string): Promise<Evidence[]> {
    return this.evidenceService.list(ctx, awardReference);
  }

  @Query(() => ImpactCaseStudy, { description: 'A REF-style impact case study drafted from the award, its outcomes, figures and the evidence you may see.' })
  impactCaseStudy(@Ctx() ctx: RequestContext, @Args('awardReference') awardReference: string): Promise<ImpactCaseStudy> {
    return this.caseStudies.draft(ctx, awardReference);
  }

  @ResolveField(() => [OutcomeModel], { description: 'The outcomes it corroborates: live ones still attributed to its award.' })
  outcomes(@Ctx() ctx: RequestContext, @Parent() e: Evidence): Promise<OutcomeView[]> {
    return this.evidenceService.outcomesOf(ctx, e.id);
  }
}
