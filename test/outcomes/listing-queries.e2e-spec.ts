// No N+1: listing 100 outcomes with their awards, funders, lead organisations, teams and partner organisations
// sends exactly as many SQL statements as listing 10.
import { statementCount } from '../../src/database/query-logger.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { createAward, createOutcome, userWithToken } from './support.js';

let t: TestApp;
const X = 'ES/Q000001/1';
const Y = 'LT/Q000002/1';

beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '100000' });
  const x = await createAward(t, X);
  await createAward(t, Y, { funder: 'Leverhulme Trust', leadOrganisation: 'University of Leeds' });
  for (const [i, role] of (['PI', 'CO_I', 'RESEARCHER'] as const).entries()) {
    const user = await userWithToken(t, `member${i}@mdx.example`, 'RESEARCHER', x.leadOrganisation.id);
    for (const ref of i === 0 ? [X, Y] : [X]) {
      await t.ok('mutation($ref: String!, $u: ID!, $role: AwardRole!) { addAwardMember(awardReference: $ref, userId: $u, role: $role) { id } }', {
        ref, u: user.id, role,
      });
    }
  }
  const types = ['ENGAGEMENT_ACTIVITY', 'FURTHER_FUNDING', 'PARTNERSHIP'];
  const refs = [[X], [Y], [X, Y]];
  for (let i = 0; i < 100; i += 5) {
    await Promise.all(
      [0, 1, 2, 3, 4].map((j) =>
        createOutcome(t, types[(i + j) % 3], refs[(i + j) % 3 === 0 ? 0 : (i + j) % 2 ? 1 : 2], {
          description: `Outcome ${i + j}`,
          ...((i + j) % 3 ? { organisation: `Partner ${(i + j) % 7}` } : {}),
        }),
      ),
    );
  }
});
afterAll(() => t.close());

const LIST = `query($take: Int!) { outcomes(take: $take) { totalItems items {
  id type title
  awards { reference funder { name } leadOrganisation { name } members { role user { email } } }
  ... on FurtherFunding { amount { amount currency } organisation { name } }
  ... on Partnership { organisation { name } }
} } }`;

async function statementsFor(take: number): Promise<{ n: number; data: any }> {
  const before = statementCount();
  const data = await t.ok(LIST, { take });
  return { n: statementCount() - before, data };
}

describe('listing outcomes with their awards', () => {
  it('sends as many statements for 100 outcomes as for 10', async () => {
    await statementsFor(1); // warm-up: the token's lastUsedAt is written at most once a minute
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    const tenAgain = await statementsFor(10);
    expect(ten.data.outcomes.items).toHaveLength(10);
    expect(hundred.data.outcomes.items).toHaveLength(100);
    expect(hundred.data.outcomes.totalItems).toBe(100);
    expect(hundred.n).toBe(ten.n);
    expect(tenAgain.n).toBe(ten.n);
    // a small fixed number (8 today): token, count, page, then one batch per kind of field (awards, organisations, members)
    expect(ten.n).toBeGreaterThanOrEqual(3);
    expect(ten.n).toBeLessThanOrEqual(10);
  });

  it('answers every nested field of the 100', async () => {
    const { data } = await statementsFor(100);
    const items = data.outcomes.items;
    const withBoth = items.filter((o: any) => o.awards.length === 2);
    expect(withBoth.length).toBeGreaterThan(0);
    for (const o of items) {
      expect(o.awards.length).toBeGreaterThan(0);
      for (const a of o.awards) {
        if (a.reference === X) {
          expect(a).toMatchObject({ funder: { name: 'ESRC' }, leadOrganisation: { name: 'Middlesex University' } });
          expect(a.members.map((m: any) => m.role).sort()).toEqual(['CO_I', 'PI', 'RESEARCHER']);
        } else {
          expect(a).toMatchObject({ reference: Y, funder: { name: 'Leverhulme Trust' }, leadOrganisation: { name: 'University of Leeds' } });
          expect(a.members).toEqual([{ role: 'PI', user: { email: 'member0@mdx.example' } }]);
        }
      }
      if (o.type !== 'ENGAGEMENT_ACTIVITY') expect(o.organisation.name).toMatch(/^Partner \d$/);
    }
    expect(new Set(items.map((o: any) => o.id)).size).toBe(100);
  });
});
