import { Test } from '@nestjs/testing';
import { Args, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, Query, Resolver } from '@nestjs/graphql';
import { GraphQLEnumType, graphql, printSchema, type GraphQLSchema } from 'graphql';
import { Audience, ImpactType, registerVocabularyEnums } from './graphql-enums.js';
import { VOCABULARY_NAMES } from './vocabulary.js';
import { VocabularyResolver } from './vocabulary.resolver.js';

// Uses two enums so the schema must resolve the registered enum objects.
@Resolver()
class ProbeResolver {
  @Query(() => Audience, { description: 'Echoes an audience.' })
  echoAudience(@Args('value', { type: () => Audience }) value: string): string {
    return value;
  }

  @Query(() => [ImpactType], { description: 'All impact types.' })
  impactTypes(): string[] {
    return Object.values(ImpactType);
  }
}

async function buildSchema(): Promise<GraphQLSchema> {
  registerVocabularyEnums(); // a repeat call must not register twice
  const moduleRef = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
  const factory = moduleRef.get(GraphQLSchemaFactory);
  return factory.create([VocabularyResolver, ProbeResolver]);
}

describe('vocabulary GraphQL types', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildSchema();
  });

  it('registers the enums with a description per value', () => {
    const audience = schema.getType('Audience');
    expect(audience).toBeInstanceOf(GraphQLEnumType);
    const values = (audience as GraphQLEnumType).getValues();
    expect(values.find((v) => v.name === 'PUBLIC_OTHER_AUDIENCES')?.description).toBe('Public/other audiences');
    for (const v of values) expect(v.description).toBeTruthy();
    expect(audience?.description).toBeTruthy();
    expect(printSchema(schema)).toMatch(/type VocabularyEntry/);
  });

  it('answers the vocabularies query', async () => {
    const result = await graphql({
      schema,
      source: '{ vocabularies { name entries { code label aliases } } }',
      // The schema factory builds types only; resolvers are bound by GraphQLModule, so supply the root here.
      rootValue: { vocabularies: () => new VocabularyResolver().vocabularies() },
    });
    expect(result.errors).toBeUndefined();
    const data = result.data as { vocabularies: { name: string; entries: { code: string; aliases: string[] }[] }[] };
    expect(data.vocabularies.map((v) => v.name)).toEqual([...VOCABULARY_NAMES]);
    const sector = data.vocabularies.find((v) => v.name === 'Sector')!;
    expect(sector.entries).toContainEqual({
      code: 'CHARITY_NON_PROFIT',
      label: 'Charity/Non Profit',
      aliases: ['Charity/Non-profit'],
    });
  });
});
