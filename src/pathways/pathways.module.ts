import { Module } from '@nestjs/common';
import { OutcomesModule } from '../outcomes/outcomes.module.js';
import { SummariesModule } from '../summaries/summaries.module.js';
import { CaseStudyService } from './case-study.service.js';
import { EvidenceService } from './evidence.service.js';
import { ImpactPlanService } from './impact-plan.service.js';
import { PathwayAccess } from './pathway-access.js';
import { PathwayFigures } from './pathway-figures.js';
import { AwardPlanResolver, EvidenceResolver, ImpactPlanResolver } from './pathways.resolver.js';

/**
 * Pathways to impact and corroborating evidence: impact plans (planned against delivered), evidence, and REF-style
 * case studies. Annual returns import it for PathwayFigures.
 */
@Module({
  imports: [OutcomesModule, SummariesModule],
  providers: [PathwayAccess, ImpactPlanService, EvidenceService, CaseStudyService, PathwayFigures, ImpactPlanResolver, AwardPlanResolver, EvidenceResolver],
  exports: [PathwayFigures],
})
export class PathwaysModule {}
