import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { hashToken } from '../../src/access/tokens.service.js';
import { startTestApp, type TestApp } from '../support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the foundation', () => {
  it('answers /health with the database status', async () => {
    const res = await fetch(`${t.baseUrl}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('refuses every GraphQL operation without a valid token', async () => {
    for (const token of [null, 'not-a-token', `${t.adminToken}x`]) {
      const res = await t.gql('{ __typename }', undefined, token);
      expect(res.status).toBe(401);
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.data).toBeUndefined();
    }
    expect(await t.ok('{ __typename }')).toEqual({ __typename: 'Query' });
  });

  it('keeps the bootstrap token as a hash only, as an admin token', async () => {
    const rows = await t.sql('SELECT token_hash, prefix FROM api_token');
    expect(rows).toEqual([{ token_hash: hashToken(t.adminToken), prefix: 'bootstrap' }]);
    const dump = JSON.stringify(await t.sql('SELECT * FROM api_token'));
    expect(dump).not.toContain(t.adminToken);
    expect((await t.ok('{ me { role } }')).me.role).toBe('ADMIN');
  });

  it('creates, uses and revokes API tokens', async () => {
    const { createUser } = await t.ok('mutation { createUser(input: { email: "Ops@Example.org", name: "Ops", role: ADMIN }) { id email } }');
    expect(createUser.email).toBe('ops@example.org');
    const { createApiToken } = await t.ok(
      'mutation($u: ID!) { createApiToken(input: { userId: $u, name: "ci" }) { token apiToken { id prefix revokedAt } } }',
      { u: createUser.id },
    );
    expect(createApiToken.token).toMatch(/^kit_[A-Za-z0-9_-]{43}$/);
    expect(createApiToken.token.startsWith(createApiToken.apiToken.prefix)).toBe(true);
    expect((await t.ok('{ me { email } }', undefined, createApiToken.token)).me.email).toBe('ops@example.org');
    await t.ok('mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }', { id: createApiToken.apiToken.id });
    expect((await t.gql('{ me { email } }', undefined, createApiToken.token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers bad input with BAD_USER_INPUT naming every invalid field', async () => {
    const res = await t.gql('mutation { createUser(input: { email: "nope", name: "", role: RESEARCHER }) { id } }');
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.path).sort()).toEqual(['input.email', 'input.name']);
    expect(await t.sql('SELECT count(*)::int AS n FROM app_user WHERE email = $1', ['nope'])).toEqual([{ n: 0 }]);
  });

  it('masks unexpected errors and refuses unknown enum literals through GraphQL validation', async () => {
    const res = await t.gql('mutation { createUser(input: { email: "a@b.org", name: "A", role: EMPEROR }) { id } }');
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('checks in the generated schema: a contract change shows in review', () => {
    const printed = printSchema(t.app.get(GraphQLSchemaHost).schema) + '\n';
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync('schema.graphql', printed);
    expect(printed).toBe(readFileSync('schema.graphql', 'utf8'));
  });

  it('has migrations that match the entities (generating one would produce nothing)', async () => {
    const sql = await t.app.get(DataSource).driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });
});
