/** GraphQL object types of the `vocabularies` query (CONTRACT.graphql: VocabularyEntry, Vocabulary). */
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('VocabularyEntry', { description: 'One value of a controlled vocabulary.' })
export class VocabularyEntry {
  @Field(() => String, { description: 'Stable code: the GraphQL enum value and what the database stores.' })
  code: string;

  @Field(() => String, { description: 'Display label, verbatim as Researchfish / GtR show it.' })
  label: string;

  @Field(() => [String], { description: 'Legacy spellings that import accepts for this value.' })
  aliases: string[];
}

@ObjectType('Vocabulary', { description: 'A Researchfish controlled vocabulary, for building forms and pickers.' })
export class Vocabulary {
  @Field(() => String, { description: 'Name of the GraphQL enum holding these codes, e.g. "Audience".' })
  name: string;

  @Field(() => [VocabularyEntry], { description: 'Every value, in display order.' })
  entries: VocabularyEntry[];
}
