// Feature modules, listed once for the HTTP app and the CLI.
import { AuditModule } from './audit/audit.module.js';
import { AwardsModule } from './awards/awards.module.js';
import { InterchangeModule } from './interchange/interchange.module.js';
import { OutcomesModule } from './outcomes/outcomes.module.js';
import { PathwaysModule } from './pathways/pathways.module.js';
import { ReturnsModule } from './returns/returns.module.js';
import { SummariesModule } from './summaries/summaries.module.js';
import { VocabularyModule } from './vocabulary/vocabulary.module.js';

export const FEATURE_MODULES = [VocabularyModule, AuditModule, AwardsModule, OutcomesModule, SummariesModule, PathwaysModule, ReturnsModule, InterchangeModule];
