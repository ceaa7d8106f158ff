// Bad inputs are answered with their code and the invalid fields, and write nothing at all.
import { startTestApp, type GqlResponse, type TestApp } from '../support/app.js';
import { SAMPLE, createAward, createMutation, errorOf, rowCounts } from './support.js';

let t: TestApp;
const REF = 'ES/V000001/1';

beforeAll(async () => {
  t = await startTestApp();
  await createAward(t, REF);
});
afterAll(() => t.close());

/** Runs a request that must be refused and checks that no table changed. */
async function refused(run: () => Promise<GqlResponse>): Promise<GqlResponse> {
  const before = await rowCounts(t);
  const res = await run();
  expect(res.data?.created ?? null).toBeNull();
  expect(await rowCounts(t)).toEqual(before);
  return res;
}

const create = (type: string, input: Record<string, unknown>, refs: string[] = [REF]) =>
  refused(() => t.gql(createMutation(type), { refs, input: { ...SAMPLE[type], ...input } }));

const funding = (amount: string, currency: string) => create('FURTHER_FUNDING', { amount: { amount, currency } });

describe('outcome input validation', () => {
  it('refuses an unknown enum literal in the document itself (GRAPHQL_VALIDATION_FAILED)', async () => {
    const res = await refused(() =>
      t.gql(`mutation { created: createEngagementActivity(awardReferences: ["${REF}"], input: {
        description: "d", form: A_SHOUTING_MATCH, primaryAudience: SCHOOLS, geographicReach: LOCAL }) { id } }`),
    );
    expect(errorOf(res).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.status).toBe(400);
  });

  it('refuses an unknown enum value in variables (BAD_USER_INPUT naming the field)', async () => {
    const res = await create('ENGAGEMENT_ACTIVITY', { form: 'A_SHOUTING_MATCH' });
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.form'] });
    const sector = await create('PARTNERSHIP', { sector: 'PIRATE' });
    expect(errorOf(sector)).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.sector'] });
  });

  it.each([
    ['a negative amount', '-5.00', 'GBP', 'greater than 0'],
    ['zero', '0', 'GBP', 'greater than 0'],
    ['zero with decimals', '0.00', 'GBP', 'greater than 0'],
    ['three decimals in GBP', '10.005', 'GBP', 'at most 2 decimal places'],
    ['two decimals in JPY', '1000.50', 'JPY', 'at most 0 decimal places'],
  ])('refuses %s (input.amount.amount)', async (_, amount, currency, message) => {
    const e = errorOf(await funding(amount, currency));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.amount.amount'] });
    expect(e.message).toContain(message);
  });

  it('refuses a currency that is not ISO 4217 (input.amount.currency)', async () => {
    for (const currency of ['XYZ', 'gbp', 'POUNDS']) {
      expect(errorOf(await funding('100.00', currency))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.amount.currency'] });
    }
  });

  it('refuses a Decimal that is not a decimal number, and a float that may have lost digits', async () => {
    expect(errorOf(await funding('12,000', 'GBP'))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.amount.amount'] });
    const float = await refused(() =>
      t.gql(createMutation('FURTHER_FUNDING'), { refs: [REF], input: { ...SAMPLE.FURTHER_FUNDING, amount: { amount: 10.1, currency: 'GBP' } } }),
    );
    expect(errorOf(float)).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.amount.amount'] });
  });

  it('accepts the boundaries: JPY without decimals, BHD with three, GBP written without decimals', async () => {
    for (const [amount, currency, shown] of [['1000', 'JPY', '1000'], ['1.125', 'BHD', '1.125'], ['7', 'GBP', '7.00']]) {
      const data = await t.ok(
        'mutation($refs: [String!]!, $input: FurtherFundingInput!) { createFurtherFunding(awardReferences: $refs, input: $input) { amount { amount currency } } }',
        { refs: [REF], input: { ...SAMPLE.FURTHER_FUNDING, amount: { amount, currency } } },
      );
      expect(data.createFurtherFunding.amount).toEqual({ amount: shown, currency });
    }
  });

  it('refuses years outside 1900..next year', async () => {
    expect(errorOf(await create('ENGAGEMENT_ACTIVITY', { years: [2018, 3000] }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.years'] });
    expect(errorOf(await create('RESEARCH_MATERIAL', { yearProduced: 1800 }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.yearProduced'] });
    expect(errorOf(await create('POLICY_INFLUENCE', { firstYear: 3000 }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.firstYear'] });
    expect(errorOf(await create('IMPACT_NARRATIVE', { firstYearOfImpact: 1899 }))).toMatchObject({ paths: ['input.firstYearOfImpact'] });
    expect(errorOf(await create('FURTHER_FUNDING', { start: '1850-01' }))).toMatchObject({ paths: ['input.start'] });
  });

  it('refuses an unknown award reference, naming the argument index and the reference', async () => {
    const e = errorOf(await create('ENGAGEMENT_ACTIVITY', {}, ['XX/NOPE/1']));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['awardReferences[0]'] });
    expect(e.message).toContain('XX/NOPE/1');
    const second = errorOf(await create('ENGAGEMENT_ACTIVITY', {}, [REF, 'XX/NOPE/2']));
    expect(second).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['awardReferences[1]'] });
    expect(second.message).toContain('XX/NOPE/2');
  });

  it('refuses an empty list of award references', async () => {
    expect(errorOf(await create('PARTNERSHIP', {}, []))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['awardReferences'] });
  });

  it('refuses a 1 MB title (at the HTTP body limit or as BAD_USER_INPUT) and writes nothing', async () => {
    const before = await rowCounts(t);
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
      body: JSON.stringify({ query: createMutation('ENGAGEMENT_ACTIVITY'), variables: { refs: [REF], input: { ...SAMPLE.ENGAGEMENT_ACTIVITY, title: 'x'.repeat(1_000_000) } } }),
    });
    if (res.status === 413) {
      await res.text();
    } else {
      const body = (await res.json()) as GqlResponse;
      expect(errorOf(body)).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.title'] });
    }
    const huge = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
      body: JSON.stringify({ query: createMutation('ENGAGEMENT_ACTIVITY'), variables: { refs: [REF], input: { ...SAMPLE.ENGAGEMENT_ACTIVITY, title: 'x'.repeat(2_000_000) } } }),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', message: expect.stringMatching(/too large/i) } });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('answers a body that is not JSON in the error vocabulary, not as a 500', async () => {
    const res = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${t.adminToken}` },
      body: '{"query": "mutation { created: createPartnership',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
  });

  it('refuses a title over 1000 characters (input.title)', async () => {
    const e = errorOf(await create('ENGAGEMENT_ACTIVITY', { title: 'x'.repeat(2000) }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.title'] });
  });

  it('refuses URLs that are not http(s)', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'www.example.org']) {
      expect(errorOf(await create('ENGAGEMENT_ACTIVITY', { url }))).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.url'] });
    }
  });

  it('refuses an end before the start', async () => {
    const e = errorOf(await create('FURTHER_FUNDING', { start: '2020-05', end: '2019-12' }));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input.end'] });
    expect(errorOf(await create('PARTNERSHIP', { startYear: 2018, endYear: 2016 }))).toMatchObject({ paths: ['input.endYear'] });
  });

  it('refuses empty or blank required text and an invalid DOI', async () => {
    expect(errorOf(await create('POLICY_INFLUENCE', { description: '' }))).toMatchObject({ paths: ['input.description'] });
    expect(errorOf(await create('POLICY_INFLUENCE', { description: '   ' }))).toMatchObject({ paths: ['input.description'] });
    expect(errorOf(await create('PARTNERSHIP', { organisation: ' ' }))).toMatchObject({ paths: ['input.organisation'] });
    expect(errorOf(await create('RESEARCH_MATERIAL', { doi: 'doi:nope' }))).toMatchObject({ paths: ['input.doi'] });
  });

  it('lists every invalid field of one input at once', async () => {
    const e = errorOf(
      await create('FURTHER_FUNDING', {
        title: 'x'.repeat(2000),
        url: 'javascript:alert(1)',
        amount: { amount: '-1', currency: 'XYZ' },
        start: '1800-01',
        fundingId: 'f'.repeat(201),
      }),
    );
    expect(e.code).toBe('BAD_USER_INPUT');
    expect(e.paths).toEqual(['input.amount.amount', 'input.amount.currency', 'input.fundingId', 'input.start', 'input.title', 'input.url']);
    const partner = errorOf(await create('PARTNERSHIP', { startYear: 2018, endYear: 2016, url: 'javascript:x', sector: null}));
    expect(partner.paths).toEqual(['input.endYear', 'input.url']);
    const order = errorOf(await create('FURTHER_FUNDING', { start: '2020-05', end: '2019-12', amount: { amount: '0', currency: 'GBP' } }));
    expect(order.paths).toEqual(['input.amount.amount', 'input.end']);
  });

  it('lists every unknown award reference (checked once the input itself is valid)', async () => {
    const e = errorOf(await create('FURTHER_FUNDING', {}, ['XX/NOPE/3', REF, 'XX/NOPE/4']));
    expect(e).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['awardReferences[0]', 'awardReferences[2]'] });
    expect(e.message).toMatch(/XX\/NOPE\/3.*XX\/NOPE\/4/);
  });

  it('refuses a missing required field through GraphQL itself', async () => {
    const { form: _form, ...noForm } = SAMPLE.ENGAGEMENT_ACTIVITY;
    const res = await refused(() => t.gql(createMutation('ENGAGEMENT_ACTIVITY'), { refs: [REF], input: noForm }));
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', paths: ['input'] });
  });
});
