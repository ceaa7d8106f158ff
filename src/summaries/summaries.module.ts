import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module.js';
import { OutcomesModule } from '../outcomes/outcomes.module.js';
import { ExchangeRatesService } from './exchange-rates.service.js';
import { FundingTotalsQuery } from './funding-totals.js';
import { ImpactSections } from './impact-sections.js';
import { SummariesResolver } from './summaries.resolver.js';
import { SummariesService } from './summaries.service.js';

/**
 * Funding totals, impact summaries and the exchange-rate table. Other features (annual returns) import this
 * module and call SummariesService; FundingTotalsQuery and ImpactSections are its internals.
 * Needs AwardLookup (AwardsModule) and OutcomeFilterSql (OutcomesModule).
 */
@Module({
  imports: [AwardsModule, OutcomesModule],
  providers: [FundingTotalsQuery, ImpactSections, SummariesService, ExchangeRatesService, SummariesResolver],
  exports: [SummariesService],
})
export class SummariesModule {}
