import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isScalarType,
  type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A value of the right shape for an input type, so the document validates and only authentication can refuse it. */
function sample(type: GraphQLInputType, depth = 0): unknown {
  if (isNonNullType(type)) return sample(type.ofType, depth);
  if (isListType(type)) return [];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isScalarType(named)) {
    return ({ Int: 2020, Float: 1, Boolean: true, ID: '00000000-0000-0000-0000-000000000000', Decimal: '1', DateTime: '2020-01-01T00:00:00Z', YearMonth: '2020-01', JSON: {} } as Record<string, unknown>)[named.name] ?? 'x';
  }
  if (isInputObjectType(named) && depth < 5) {
    return Object.fromEntries(
      Object.values(named.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type, depth + 1)]),
    );
  }
  return null;
}

function operation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): { query: string; variables: Record<string, unknown> } {
  const required = field.args.filter((a) => isNonNullType(a.type));
  const decl = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const sel = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  const query = `${kind} Probe${decl ? `(${decl})` : ''} { ${field.name}${args ? `(${args})` : ''}${sel} }`;
  return { query, variables: Object.fromEntries(required.map((a) => [a.name, sample(a.type)])) };
}

describe('deny by default', () => {
  it('refuses every Query and Mutation field without a token, and every one of them is a valid operation', async () => {
    const schema: GraphQLSchema = t.app.get(GraphQLSchemaHost).schema;
    const fields = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ['query', f] as const),
      ...Object.values(schema.getMutationType()!.getFields()).map((f) => ['mutation', f] as const),
    ];
    expect(fields.length).toBeGreaterThan(20);
    for (const [kind, field] of fields) {
      const { query, variables } = operation(kind, field);
      const anonymous = await t.gql(query, variables, null);
      expect({ field: field.name, code: anonymous.errors?.[0].extensions?.code, data: anonymous.data }).toEqual({
        field: field.name,
        code: 'UNAUTHENTICATED',
        data: undefined,
      });
      // With a token the same document gets past validation: the refusal above was authentication, not a typo.
      const authed = await t.gql(query, variables);
      expect({ field: field.name, codes: authed.errors?.map((e) => e.extensions?.code) ?? [] }).not.toEqual({
        field: field.name,
        codes: expect.arrayContaining(['GRAPHQL_VALIDATION_FAILED']),
      });
    }
  });
});
