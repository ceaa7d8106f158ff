import type { TestApp } from './app.js';

let seq = 0;

export async function createOrganisation(t: TestApp, name: string): Promise<string> {
  const d = await t.ok('mutation($i: OrganisationInput!) { createOrganisation(input: $i) { id } }', { i: { name } });
  return d.createOrganisation.id;
}

/** A user of a role (in an organisation) with an API token; returns the token and the user id. */
export async function createUserWithToken(
  t: TestApp,
  role: 'ADMIN' | 'IMPACT_OFFICER' | 'RESEARCHER' | 'FUNDER',
  organisationId: string | null,
): Promise<{ token: string; userId: string }> {
  const email = `user${++seq}-${Date.now()}@example.org`;
  const u = await t.ok('mutation($i: UserInput!) { createUser(input: $i) { id } }', {
    i: { email, name: `${role} ${seq}`, role, organisationId },
  });
  const tok = await t.ok('mutation($i: ApiTokenInput!) { createApiToken(input: $i) { token } }', {
    i: { userId: u.createUser.id, name: 'test' },
  });
  return { token: tok.createApiToken.token, userId: u.createUser.id };
}
