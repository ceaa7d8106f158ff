// outcomes(filter, skip, take): newest first, paging, and every filter of OutcomeFilter.
import { startTestApp, type TestApp } from '../support/app.js';
import { createAward, createOutcome, errorOf } from './support.js';

let t: TestApp;
const A = 'ES/P000001/1'; // ESRC, Middlesex University
const B = 'LT/P000002/1'; // Leverhulme Trust, University of Leeds
const D = 'ES/P000004/1'; // for the deletion test only
let leeds: string;
/** ids in creation order */
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  await createAward(t, A);
  leeds = (await createAward(t, B, { funder: 'Leverhulme Trust', leadOrganisation: 'University of Leeds' })).leadOrganisation.id;
  await createAward(t, D);
  ids.talk = await createOutcome(t, 'ENGAGEMENT_ACTIVITY', [A], { description: 'Talk on mutual spin-outs to policymakers', years: [2014, 2018] });
  ids.funding = await createOutcome(t, 'FURTHER_FUNDING', [A], { description: 'Follow-on funding for cooperative research', start: '2016-03', end: '2019-12' });
  ids.policy = await createOutcome(t, 'POLICY_INFLUENCE', [B], { description: 'Evidence to the select committee', firstYear: 2017 });
  ids.partner = await createOutcome(t, 'PARTNERSHIP', [A, B], {
    description: 'Collaboration with social enterprises', impact: 'Shared datasets on mutuals', startYear: 2015, endYear: 2020,
  });
  ids.material = await createOutcome(t, 'RESEARCH_MATERIAL', [B], { title: 'Spin-out database', description: 'Interview coding guide', yearProduced: 2019 });
  ids.narrative = await createOutcome(t, 'IMPACT_NARRATIVE', [A], { description: 'Narrative of impact on public service policy', firstYearOfImpact: 2020 });
  ids.webinar = await createOutcome(t, 'ENGAGEMENT_ACTIVITY', [B], { description: 'Webinar about employee ownership', years: [] });
});
afterAll(() => t.close());

const LIST = `query($f: OutcomeFilter, $skip: Int, $take: Int) {
  outcomes(filter: $f, skip: $skip, take: $take) { totalItems items { id type } }
}`;
const NAMES = () => Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));

/** The names of the outcomes listed (newest first) and the total. */
async function list(filter?: Record<string, unknown>, skip?: number, take?: number): Promise<{ names: string[]; total: number }> {
  const { outcomes } = await t.ok(LIST, { f: filter, skip, take });
  const names = NAMES();
  return { names: outcomes.items.map((o: { id: string }) => names[o.id] ?? o.id), total: outcomes.totalItems };
}
const sorted = (names: string[]) => [...names].sort();

describe('listing outcomes', () => {
  it('lists newest first with the total', async () => {
    expect(await list()).toEqual({
      names: ['webinar', 'narrative', 'material', 'partner', 'policy', 'funding', 'talk'],
      total: 7,
    });
  });

  it('pages with skip and take; the total stays the number of matches', async () => {
    expect(await list(undefined, 2, 3)).toEqual({ names: ['material', 'partner', 'policy'], total: 7 });
    expect(await list(undefined, 6, 5)).toEqual({ names: ['talk'], total: 7 });
    expect(await list(undefined, 50, 5)).toEqual({ names: [], total: 7 });
    expect(await list(undefined, 0, 100)).toMatchObject({ total: 7 });
  });

  it('refuses take above 100, take below 1 and a negative skip (BAD_USER_INPUT)', async () => {
    for (const [skip, take, path] of [[0, 101, 'take'], [0, 0, 'take'], [-1, 10, 'skip']] as const) {
      expect(errorOf(await t.gql(LIST, { skip, take }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: [path] });
    }
  });

  it('filters by type', async () => {
    expect(await list({ types: ['ENGAGEMENT_ACTIVITY'] })).toEqual({ names: ['webinar', 'talk'], total: 2 });
    expect(await list({ types: ['FURTHER_FUNDING', 'PARTNERSHIP'] })).toEqual({ names: ['partner', 'funding'], total: 2 });
    expect(await list({ types: [] })).toMatchObject({ total: 7 });
  });

  it("filters by each type's own year", async () => {
    // engagement: any of its years; funding: start year (not end); partnership: start year (not end)
    expect(sorted((await list({ yearFrom: 2018, yearTo: 2018 })).names)).toEqual(['talk']);
    expect(sorted((await list({ yearFrom: 2014, yearTo: 2014 })).names)).toEqual(['talk']);
    expect(sorted((await list({ yearFrom: 2016, yearTo: 2016 })).names)).toEqual(['funding']);
    expect(sorted((await list({ yearFrom: 2019 })).names)).toEqual(['material', 'narrative']);
    expect(sorted((await list({ yearTo: 2015 })).names)).toEqual(['partner', 'talk']);
    expect(sorted((await list({ yearFrom: 2017, yearTo: 2017 })).names)).toEqual(['policy']);
    // an outcome without a year never matches a year filter
    expect((await list({ yearFrom: 1900 })).names).not.toContain('webinar');
    expect(errorOf(await t.gql(LIST, { f: { yearFrom: 1800 } }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['filter.yearFrom'] });
  });

  it('searches title, description and impact with PostgreSQL full text (stemmed, web-search syntax)', async () => {
    expect(sorted((await list({ search: 'mutuals' })).names)).toEqual(['partner', 'talk']);
    expect((await list({ search: 'database' })).names).toEqual(['material']);
    expect((await list({ search: 'Select Committee' })).names).toEqual(['policy']);
    expect((await list({ search: '"employee ownership"' })).names).toEqual(['webinar']);
    expect((await list({ search: '"ownership employee"' })).names).toEqual([]);
    expect((await list({ search: 'mutual -collaboration' })).names).toEqual(['talk']);
    expect((await list({ search: 'policy or datasets' })).names).toEqual(['narrative', 'partner']);
    expect(await list({ search: '   ' })).toMatchObject({ total: 7 });
    expect(await list({ search: "'); DROP TABLE outcome; --" })).toEqual({ names: [], total: 0 });
  });

  it('filters by award references (any of them), case-insensitively', async () => {
    expect(await list({ awardReferences: [B] })).toEqual({ names: ['webinar', 'material', 'partner', 'policy'], total: 4 });
    expect(await list({ awardReferences: [A.toLowerCase(), B] })).toMatchObject({ total: 7 });
    const e = errorOf(await t.gql(LIST, { f: { awardReferences: [A, 'XX/NOPE/9'] } }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['filter.awardReferences[1]'] });
    expect(e.message).toContain('XX/NOPE/9');
  });

  it("filters by the award's funder (by name, case- and space-insensitively) and lead organisation", async () => {
    expect(await list({ awardFunder: 'leverhulme  trust' })).toEqual({ names: ['webinar', 'material', 'partner', 'policy'], total: 4 });
    expect(sorted((await list({ awardFunder: 'ESRC' })).names)).toEqual(['funding', 'narrative', 'partner', 'talk']);
    expect(await list({ awardFunder: 'Nobody At All' })).toEqual({ names: [], total: 0 });
    expect((await list({ organisationId: leeds })).total).toBe(4);
    expect(errorOf(await t.gql(LIST, { f: { organisationId: 'leeds' } }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['filter.organisationId'] });
    expect(sorted((await list({ awardFunder: 'ESRC', types: ['PARTNERSHIP', 'POLICY_INFLUENCE'] })).names)).toEqual(['partner']);
  });

  it('combines filters: every condition must hold', async () => {
    const filter = { awardReferences: [A], types: ['ENGAGEMENT_ACTIVITY', 'IMPACT_NARRATIVE'], yearFrom: 2018 };
    expect(await list(filter)).toEqual({ names: ['narrative', 'talk'], total: 2 });
    expect(await list({ ...filter, search: 'mutual' })).toEqual({ names: ['talk'], total: 1 });
    expect(await list({ ...filter, yearTo: 2019 })).toEqual({ names: ['talk'], total: 1 });
  });

  it('leaves deleted outcomes out unless includeDeleted', async () => {
    const kept = await createOutcome(t, 'RESEARCH_MATERIAL', [D], { yearProduced: 2016 });
    const gone = await createOutcome(t, 'RESEARCH_MATERIAL', [D], { yearProduced: 2016 });
    await t.ok('mutation($id: ID!) { deleteOutcome(id: $id, expectedVersion: 1) { id } }', { id: gone });
    const visible = await t.ok(LIST, { f: { awardReferences: [D] } });
    expect(visible.outcomes).toEqual({ totalItems: 1, items: [{ id: kept, type: 'RESEARCH_MATERIAL' }] });
    const all = await t.ok(LIST, { f: { awardReferences: [D], includeDeleted: true } });
    expect(all.outcomes.totalItems).toBe(2);
    expect(all.outcomes.items.map((o: { id: string }) => o.id)).toEqual([gone, kept]);
    const counted = await t.ok(LIST, { f: { types: ['RESEARCH_MATERIAL'], yearFrom: 2016, yearTo: 2016, includeDeleted: false } });
    expect(counted.outcomes.totalItems).toBe(1);
  });
});
