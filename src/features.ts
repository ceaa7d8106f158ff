// Feature modules, listed once for the HTTP app and the CLI.
import { VocabularyModule } from './vocabulary/vocabulary.module.js';

export const FEATURE_MODULES = [VocabularyModule];
