import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '../access/decorators.js';
import { Award } from '../awards/award.entity.js';
import type { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.service.js';
import { renderReturn } from './render/index.js';
import { ReportingPeriod } from './reporting-period.entity.js';
import { AnnualReturn, PortfolioReturn, RenderFormat, ReportingPeriodInput, SubmittedReturnModel } from './returns.models.js';
import { ReturnsService } from './returns.service.js';

const FORMAT_ARG = { type: () => RenderFormat, description: 'json, csv, markdown, GtR text or printable HTML.' };

@Resolver(() => AnnualReturn)
export class AnnualReturnResolver {
  constructor(private readonly returns: ReturnsService) {}

  @Mutation(() => ReportingPeriod, { description: 'Creates a reporting period (admins and impact officers).' })
  @Allow('ADMIN', 'IMPACT_OFFICER')
  createReportingPeriod(@Ctx() ctx: RequestContext, @Args('input') input: ReportingPeriodInput): Promise<ReportingPeriod> {
    return this.returns.createPeriod(ctx, input);
  }

  @Query(() => [ReportingPeriod], { description: 'Reporting periods, newest first.' })
  reportingPeriods(@Ctx() ctx: RequestContext): Promise<ReportingPeriod[]> {
    return this.returns.periods(ctx);
  }

  @Query(() => AnnualReturn, { description: "An award's live draft return for a period (its team, impact officers, admins)." })
  annualReturn(@Ctx() ctx: RequestContext, @Args('awardReference') awardReference: string, @Args('periodId', { type: () => ID }) periodId: string): Promise<AnnualReturn> {
    return this.returns.draft(ctx, awardReference, periodId);
  }

  @Mutation(() => SubmittedReturnModel, { description: 'Freezes the draft as a submitted return (while the period is open; admins may override with a reason).' })
  submitAnnualReturn(
    @Ctx() ctx: RequestContext,
    @Args('awardReference') awardReference: string,
    @Args('periodId', { type: () => ID }) periodId: string,
    @Args('overrideReason', { type: () => String, nullable: true }) overrideReason?: string | null,
  ): Promise<SubmittedReturnModel> {
    return this.returns.submit(ctx, awardReference, periodId, overrideReason);
  }

  @Query(() => [SubmittedReturnModel], { description: "An award's submitted returns, newest first." })
  submittedReturns(@Ctx() ctx: RequestContext, @Args('awardReference') awardReference: string): Promise<SubmittedReturnModel[]> {
    return this.returns.submitted(ctx, awardReference);
  }

  @Query(() => SubmittedReturnModel, { nullable: true, description: 'A submitted return; null when absent or out of scope.' })
  submittedReturn(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<SubmittedReturnModel | null> {
    return this.returns.submittedById(ctx, id);
  }

  @Query(() => PortfolioReturn, { description: 'Every award of an organisation (organisationId) or funder (awardFunder) for a period: exactly one scope.' })
  @Allow('ADMIN', 'IMPACT_OFFICER', 'FUNDER')
  portfolioReturn(
    @Ctx() ctx: RequestContext,
    @Args('periodId', { type: () => ID }) periodId: string,
    @Args('organisationId', { type: () => ID, nullable: true }) organisationId?: string | null,
    @Args('awardFunder', { type: () => String, nullable: true }) awardFunder?: string | null,
  ): Promise<PortfolioReturn> {
    return this.returns.portfolio(ctx, periodId, organisationId, awardFunder);
  }

  @ResolveField(() => String, { description: 'The draft rendered for people or files.' })
  rendered(@Parent() r: AnnualReturn, @Args('format', FORMAT_ARG) format: RenderFormat): string {
    return renderReturn(r.document, format);
  }
}

@Resolver(() => SubmittedReturnModel)
export class SubmittedReturnResolver {
  constructor(private readonly db: Db) {}

  @ResolveField(() => Award, { description: 'The award.' })
  async award(@Ctx() ctx: RequestContext, @Parent() r: SubmittedReturnModel): Promise<Award> {
    return (await this.db.repo(ctx, Award).findOneBy({ id: r.awardId }))!;
  }

  @ResolveField(() => ReportingPeriod, { description: 'The reporting period.' })
  async period(@Ctx() ctx: RequestContext, @Parent() r: SubmittedReturnModel): Promise<ReportingPeriod> {
    return (await this.db.repo(ctx, ReportingPeriod).findOneBy({ id: r.periodId }))!;
  }

  @ResolveField(() => String, { description: 'The frozen return rendered for people or files.' })
  rendered(@Parent() r: SubmittedReturnModel, @Args('format', FORMAT_ARG) format: RenderFormat): string {
    return renderReturn(r.snapshot, format);
  }
}
