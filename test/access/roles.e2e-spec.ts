import { startTestApp, type TestApp } from '../support/app.js';
import { createOrganisation, createUserWithToken } from '../support/users.js';

// Two universities (A, B) and two funders (F funds A's award, G funds B's): every role tries the other side.
let t: TestApp;
const tok: Record<string, string> = {};
const ids: Record<string, string> = {};

const ENGAGEMENT = {
  description: 'Talk to practitioners',
  form: 'A_TALK_OR_PRESENTATION',
  primaryAudience: 'PROFESSIONAL_PRACTITIONERS',
  geographicReach: 'NATIONAL',
  years: [2020],
};
const create = (refs: string[], token?: string) =>
  t.gql('mutation($r: [String!]!, $i: EngagementActivityInput!) { createEngagementActivity(awardReferences: $r, input: $i) { id version } }', { r: refs, i: ENGAGEMENT }, token);
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  t = await startTestApp();
  const orgA = await createOrganisation(t, 'University A');
  const orgB = await createOrganisation(t, 'University B');
  const orgF = await createOrganisation(t, 'Funder F');
  await createOrganisation(t, 'Funder G');
  for (const [ref, lead, funder] of [['AA/1/1', 'University A', 'Funder F'], ['BB/1/1', 'university  b', 'FUNDER G']]) {
    await t.ok('mutation($i: AwardInput!) { createAward(input: $i) { id } }', { i: { reference: ref, title: ref, leadOrganisation: lead, funder } });
  }
  tok.ioA = (await createUserWithToken(t, 'IMPACT_OFFICER', orgA)).token;
  tok.ioB = (await createUserWithToken(t, 'IMPACT_OFFICER', orgB)).token;
  const member = await createUserWithToken(t, 'RESEARCHER', orgA);
  tok.member = member.token;
  tok.otherResearcher = (await createUserWithToken(t, 'RESEARCHER', orgA)).token;
  tok.funderF = (await createUserWithToken(t, 'FUNDER', orgF)).token;
  await t.ok('mutation($u: ID!) { addAwardMember(awardReference: "AA/1/1", userId: $u, role: PI) { id } }', { u: member.userId });
  ids.a = (await create(['AA/1/1'])).data.createEngagementActivity.id;
  ids.b = (await create(['BB/1/1'])).data.createEngagementActivity.id;
});
afterAll(() => t.close());

describe('an impact officer of another university', () => {
  it('sees nothing of it: null, left out of lists, unknown as an award reference, NOT_FOUND on its ids', async () => {
    const read = await t.ok('query($id: ID!) { award(reference: "AA/1/1") { id } awards { totalItems items { reference } } outcome(id: $id) { id } outcomes { totalItems } }', { id: ids.a }, tok.ioB);
    expect(read).toEqual({ award: null, awards: { totalItems: 1, items: [{ reference: 'BB/1/1' }] }, outcome: null, outcomes: { totalItems: 1 } });
    const wrote = await create(['AA/1/1'], tok.ioB);
    expect(code(wrote)).toBe('BAD_USER_INPUT');
    expect(wrote.errors?.[0].extensions?.fields).toEqual([{ path: 'awardReferences[0]', message: 'unknown award reference "AA/1/1"' }]);
    expect(code(await t.gql('mutation($id: ID!) { deleteOutcome(id: $id, expectedVersion: 1) { id } }', { id: ids.a }, tok.ioB))).toBe('NOT_FOUND');
    expect(code(await t.gql('mutation($id: ID!) { updateEngagementActivity(id: $id, expectedVersion: 1, input: { description: "x" }) { id } }', { id: ids.a }, tok.ioB))).toBe('NOT_FOUND');
    expect(code(await t.gql('mutation($id: ID!) { attributeOutcome(id: $id, awardReferences: ["AA/1/1"]) { id } }', { id: ids.b }, tok.ioB))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql('mutation { updateAward(reference: "AA/1/1", expectedVersion: 1, input: { title: "x" }) { id } }', undefined, tok.ioB))).toBe('NOT_FOUND');
    expect((await t.ok('query($id: ID!) { auditTrail(entityId: $id) { totalItems } }', { id: ids.a }, tok.ioB)).auditTrail.totalItems).toBe(0);
    expect(code(await t.gql('{ outcomes(filter: { awardReferences: ["AA/1/1"] }) { totalItems } }', undefined, tok.ioB))).toBe('BAD_USER_INPUT');
  });

  it('may not create an award led by another organisation, nor users', async () => {
    const res = await t.gql('mutation { createAward(input: { reference: "XX/1/1", title: "x", leadOrganisation: "University A" }) { id } }', undefined, tok.ioB);
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(code(await t.gql('mutation { createUser(input: { email: "x@y.org", name: "x", role: ADMIN }) { id } }', undefined, tok.ioB))).toBe('FORBIDDEN');
  });
});

describe('researchers', () => {
  it('record outcomes on awards they are members of, and only read the others of their organisation', async () => {
    const mine = await create(['AA/1/1'], tok.member);
    expect(code(mine)).toBeUndefined();
    expect(code(await create(['AA/1/1'], tok.otherResearcher))).toBe('FORBIDDEN');
    const seen = await t.ok('query($id: ID!) { outcome(id: $id) { id } }', { id: ids.a }, tok.otherResearcher);
    expect(seen.outcome).toEqual({ id: ids.a });
    expect(code(await t.gql('mutation($id: ID!) { deleteOutcome(id: $id, expectedVersion: 1) { id } }', { id: ids.a }, tok.otherResearcher))).toBe('FORBIDDEN');
    expect(code(await t.gql('mutation { createAward(input: { reference: "RR/1/1", title: "x" }) { id } }', undefined, tok.member))).toBe('FORBIDDEN');
    expect(code(await create(['BB/1/1'], tok.member))).toBe('BAD_USER_INPUT');
  });
});

describe('a funder', () => {
  it('reads the awards it funds and their outcomes, nothing else, and writes nothing', async () => {
    const read = await t.ok('{ awards { items { reference } } outcomes { totalItems items { awards { reference } } } }', undefined, tok.funderF);
    expect(read.awards.items).toEqual([{ reference: 'AA/1/1' }]);
    expect(read.outcomes.items.every((o: { awards: { reference: string }[] }) => o.awards.every((a) => a.reference === 'AA/1/1'))).toBe(true);
    expect((await t.ok('query($id: ID!) { outcome(id: $id) { id } }', { id: ids.b }, tok.funderF)).outcome).toBeNull();
    expect(code(await create(['AA/1/1'], tok.funderF))).toBe('FORBIDDEN');
    expect(code(await t.gql('mutation { createAward(input: { reference: "FF/1/1", title: "x" }) { id } }', undefined, tok.funderF))).toBe('FORBIDDEN');
  });
});

describe('an impact officer of the lead organisation', () => {
  it('reads and writes everything of it', async () => {
    const updated = await t.gql('mutation($id: ID!) { updateEngagementActivity(id: $id, expectedVersion: 1, input: { audienceSize: 40 }) { version audienceSize } }', { id: ids.a }, tok.ioA);
    expect(updated.data?.updateEngagementActivity).toEqual({ version: 2, audienceSize: 40 });
    const award = await t.ok('mutation { updateAward(reference: "AA/1/1", expectedVersion: 2, input: { department: "Law" }) { department version } }', undefined, tok.ioA);
    expect(award.updateAward).toEqual({ department: 'Law', version: 3 });
  });
});
