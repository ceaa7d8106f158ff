import { Query, Resolver } from '@nestjs/graphql';
import { VOCABULARIES, VOCABULARY_NAMES } from './vocabulary.js';
import { Vocabulary } from './vocabulary.model.js';

@Resolver()
export class VocabularyResolver {
  @Query(() => [Vocabulary], {
    description: 'Every controlled vocabulary with its codes, labels and import aliases.',
  })
  vocabularies(): Vocabulary[] {
    // Copies, so a caller mutating the result cannot touch the shared frozen data.
    return VOCABULARY_NAMES.map((name) => ({
      name,
      entries: VOCABULARIES[name].entries.map((e) => ({ code: e.code, label: e.label, aliases: [...e.aliases] })),
    }));
  }
}
