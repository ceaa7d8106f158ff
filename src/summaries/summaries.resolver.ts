import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, Ctx } from '../access/decorators.js';
import type { RequestContext } from '../common/request-context.js';
import { OutcomeFilter } from '../outcomes/outcome-filter.input.js';
import { ExchangeRate } from './exchange-rate.entity.js';
import { ExchangeRatesService } from './exchange-rates.service.js';
import { FundingTotalsArgs, SetExchangeRateArgs } from './funding.inputs.js';
import { FundingTotals } from './funding.models.js';
import { ImpactSummary } from './impact.models.js';
import { SummariesService } from './summaries.service.js';

@Resolver()
export class SummariesResolver {
  constructor(
    private readonly summaries: SummariesService,
    private readonly rates: ExchangeRatesService,
  ) {}

  @Query(() => FundingTotals, {
    description: 'Totals of further funding the caller may read: exact per currency, optionally converted, grouped and with leverage.',
  })
  fundingTotals(@Ctx() ctx: RequestContext, @Args() args: FundingTotalsArgs): Promise<FundingTotals> {
    return this.summaries.fundingTotals(ctx, args.filter, args.groupBy ?? [], args.reportingCurrency);
  }

  @Query(() => ImpactSummary, { description: 'The figures funders ask for over the outcomes a filter selects (the caller may read).' })
  impactSummary(
    @Ctx() ctx: RequestContext,
    @Args('filter', { type: () => OutcomeFilter, nullable: true, description: 'Which outcomes; all the caller may read when left out.' })
    // typed without `| null` (it may be null): a union is emitted as Object and the validation pipe would skip it
    filter: OutcomeFilter,
  ): Promise<ImpactSummary> {
    return this.summaries.impactSummary(ctx, filter);
  }

  @Query(() => [ExchangeRate], { description: 'The exchange-rate table used for conversions, ordered by base, currency and year.' })
  exchangeRates(@Ctx() ctx: RequestContext): Promise<ExchangeRate[]> {
    return this.rates.list(ctx);
  }

  @Mutation(() => ExchangeRate, { description: 'Sets the rate of a currency into a base currency for a year (admins and impact officers).' })
  @Allow('ADMIN', 'IMPACT_OFFICER')
  setExchangeRate(@Ctx() ctx: RequestContext, @Args() args: SetExchangeRateArgs): Promise<ExchangeRate> {
    return this.rates.set(ctx, args);
  }
}
