import { startTestApp, type TestApp } from '../support/app.js';
import { createUserWithToken } from '../support/users.js';

describe('GraphQL hardening', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '40' });
  });
  afterAll(() => t.close());

  it('refuses a depth-20 query as QUERY_TOO_COMPLEX', async () => {
    // outcomes > items > awards > members > user, four times over: 20 levels
    const q = `{ ${'outcomes { items { awards { members { user { '.repeat(4)}id${' } } } } }'.repeat(4)} }`;
    const res = await t.gql(q);
    expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses 500 aliases as QUERY_TOO_COMPLEX', async () => {
    const q = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    const res = await t.gql(q);
    expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a 10 MB body before parsing it (413)', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(10 * 1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
  });

  it('refuses batched requests and requests without a JSON content type (CSRF prevention)', async () => {
    const batch = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(batch.status).toBe(400);
    const simple = await fetch(`${t.baseUrl}/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D`, {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(simple.status).toBeGreaterThanOrEqual(400);
  });

  it('limits the rate per token with RATE_LIMITED, and other tokens keep their own budget', async () => {
    const other = await createUserWithToken(t, 'ADMIN', null);
    const results = [];
    for (let i = 0; i < 45; i++) results.push(await t.gql('{ me { id } }'));
    const codes = results.map((r) => r.errors?.[0].extensions?.code ?? 'OK');
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(0);
    expect(codes.filter((c) => c !== 'RATE_LIMITED' && c !== 'OK')).toEqual([]);
    expect((await t.gql('{ me { id } }', undefined, other.token)).errors).toBeUndefined();
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('has introspection and field suggestions off, and masks internal errors', async () => {
    const intro = await t.gql('{ __schema { types { name } } }');
    expect(intro.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const typo = await t.gql('{ mee { id } }');
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/i);
    const page = await fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
  });
});
