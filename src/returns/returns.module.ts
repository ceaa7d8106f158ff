import { Module } from '@nestjs/common';
import { OutcomesModule } from '../outcomes/outcomes.module.js';
import { PathwaysModule } from '../pathways/pathways.module.js';
import { SummariesModule } from '../summaries/summaries.module.js';
import { ReturnDocumentBuilder } from './return-document.builder.js';
import { ReturnsController } from './returns.controller.js';
import { AnnualReturnResolver, SubmittedReturnResolver } from './returns.resolver.js';
import { ReturnsService } from './returns.service.js';

@Module({
  imports: [OutcomesModule, SummariesModule, PathwaysModule],
  controllers: [ReturnsController],
  providers: [ReturnsService, ReturnDocumentBuilder, AnnualReturnResolver, SubmittedReturnResolver],
  exports: [ReturnsService],
})
export class ReturnsModule {}
