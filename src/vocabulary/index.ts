// The public API of the vocabulary module; other folders import from here.
export * from './vocabulary.js';
export type { LabelSource, VocabularySource } from './vocabularies.js';
export * from './graphql-enums.js';
export { Vocabulary, VocabularyEntry } from './vocabulary.model.js';
export { VocabularyResolver } from './vocabulary.resolver.js';
export { VocabularyModule } from './vocabulary.module.js';
