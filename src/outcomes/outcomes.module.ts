import { Module } from '@nestjs/common';
import { AwardsModule } from '../awards/awards.module.js';
import { IdempotencyService } from '../common/idempotency.service.js';
import { OutcomeFilterSql } from './outcome-filter.js';
import { OutcomeMutationsResolver } from './outcome-mutations.resolver.js';
import { OutcomeReader } from './outcome-reader.js';
import { OutcomeWriter } from './outcome-writer.js';
import { OutcomesResolver } from './outcomes.resolver.js';
import { OutcomesService } from './outcomes.service.js';

@Module({
  imports: [AwardsModule],
  providers: [OutcomesService, OutcomeReader, OutcomeWriter, OutcomeFilterSql, IdempotencyService, OutcomesResolver, OutcomeMutationsResolver],
  exports: [OutcomesService, OutcomeReader, OutcomeFilterSql, AwardsModule],
})
export class OutcomesModule {}
