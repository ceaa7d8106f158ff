// Helpers of the outcome and award tests: data is set up through the public GraphQL API only.
import type { GqlResponse, TestApp } from '../support/app.js';

/** Every field of every outcome type. Aliases where two types share a name with another type or nullability. */
export const OUTCOME_FIELDS = `
  __typename id type title description impact url externalIds version createdAt updatedAt sourceFields
  awards { reference }
  ... on EngagementActivity { form primaryAudience otherAudiences engagementReach: geographicReach partOfOfficialScheme
    typeOfPresentation years audienceSize }
  ... on FurtherFunding { amount { amount currency } fundingType fundingId organisation { id name } department sector
    country countryCode start end }
  ... on PolicyInfluence { influenceType policyReach: geographicReach country countryCode firstYear guidelineTitle areas
    policyImpactTypes: impactTypes }
  ... on Partnership { organisation { id name } department sector country countryCode piContribution partnerContribution
    startYear endYear active formalAgreement }
  ... on ResearchMaterial { materialType providedToOthers yearProduced doi }
  ... on ImpactNarrative { firstYearOfImpact sectors narrativeImpactTypes: impactTypes }
`;

export const OUTCOME_QUERY = `query($id: ID!) { outcome(id: $id) { ${OUTCOME_FIELDS} } }`;

export const GRAPHQL_NAME: Record<string, string> = {
  ENGAGEMENT_ACTIVITY: 'EngagementActivity',
  FURTHER_FUNDING: 'FurtherFunding',
  POLICY_INFLUENCE: 'PolicyInfluence',
  PARTNERSHIP: 'Partnership',
  RESEARCH_MATERIAL: 'ResearchMaterial',
  IMPACT_NARRATIVE: 'ImpactNarrative',
};

/** A create mutation of one type, answering the outcome's id and version. */
export const createMutation = (type: string, withKey = false): string => {
  const name = GRAPHQL_NAME[type];
  return `mutation($refs: [String!]!, $input: ${name}Input!${withKey ? ', $key: String' : ''}) {
    created: create${name}(awardReferences: $refs, input: $input${withKey ? ', idempotencyKey: $key' : ''}) { id version }
  }`;
};

export const updateMutation = (type: string): string => {
  const name = GRAPHQL_NAME[type];
  return `mutation($id: ID!, $v: Int!, $input: Update${name}Input!) {
    updated: update${name}(id: $id, expectedVersion: $v, input: $input) { ... on Outcome { ${OUTCOME_FIELDS} } }
  }`;
};

/** Minimal valid create inputs of each type. */
export const SAMPLE: Record<string, Record<string, unknown>> = {
  ENGAGEMENT_ACTIVITY: {
    description: 'Talk to the civil society strategy roundtable',
    form: 'A_TALK_OR_PRESENTATION',
    primaryAudience: 'POLICYMAKERS_POLITICIANS',
    geographicReach: 'NATIONAL',
    years: [2018],
  },
  FURTHER_FUNDING: {
    description: 'Follow-on funding for mutuals research',
    amount: { amount: '10000.00', currency: 'GBP' },
    organisation: 'Power to Change',
    sector: 'CHARITY_NON_PROFIT',
    country: 'United Kingdom',
    start: '2017-02',
    end: '2018-02',
  },
  POLICY_INFLUENCE: {
    description: 'Evidence to the Office for Civil Society',
    influenceType: 'CONTRIBUTION_TO_A_NATIONAL_CONSULTATION_REVIEW',
    geographicReach: 'NATIONAL',
    firstYear: 2018,
  },
  PARTNERSHIP: {
    description: 'Collaboration with Social Enterprise UK',
    organisation: 'Social Enterprise UK',
    sector: 'CHARITY_NON_PROFIT',
    country: 'United Kingdom',
    startYear: 2017,
  },
  RESEARCH_MATERIAL: {
    title: 'Coding guide',
    description: 'A coding guide for spin-out interviews',
    materialType: 'DATABASE_COLLECTION_OF_DATA',
    providedToOthers: false,
    yearProduced: 2015,
  },
  IMPACT_NARRATIVE: {
    description: 'A new project was funded following the research',
    firstYearOfImpact: 2016,
    sectors: ['HEALTHCARE'],
    impactTypes: ['SOCIETAL'],
  },
};

export async function createAward(t: TestApp, reference: string, extra: Record<string, unknown> = {}, token?: string): Promise<any> {
  const data = await t.ok(
    'mutation($input: AwardInput!) { createAward(input: $input) { id reference version leadOrganisation { id } } }',
    { input: { reference, title: `Award ${reference}`, funder: 'ESRC', leadOrganisation: 'Middlesex University', ...extra } },
    token,
  );
  return data.createAward;
}

/** Creates an outcome of `type` (SAMPLE overlaid with `input`) and returns its id. */
export async function createOutcome(
  t: TestApp,
  type: string,
  refs: string[],
  input: Record<string, unknown> = {},
  token?: string,
): Promise<string> {
  const data = await t.ok(createMutation(type), { refs, input: { ...SAMPLE[type], ...input } }, token);
  return data.created.id;
}

export async function readOutcome(t: TestApp, id: string, token?: string): Promise<any> {
  return (await t.ok(OUTCOME_QUERY, { id }, token)).outcome;
}

/** A user with a role (and organisation) and an API token of theirs. */
export async function userWithToken(t: TestApp, email: string, role: string, organisationId?: string): Promise<{ id: string; token: string }> {
  const { createUser } = await t.ok('mutation($input: UserInput!) { createUser(input: $input) { id } }', {
    input: { email, name: email.split('@')[0], role, ...(organisationId ? { organisationId } : {}) },
  });
  const { createApiToken } = await t.ok('mutation($u: ID!) { createApiToken(input: { userId: $u, name: "test" }) { token } }', {
    u: createUser.id,
  });
  return { id: createUser.id, token: createApiToken.token };
}

const COUNTED = ['outcome', 'outcome_award', 'organisation', 'audit_event', 'award', 'idempotency_key', 'person'] as const;

/** Row counts of the tables a write would touch: compared before and after a refused request. */
export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const [row] = await t.sql(`SELECT ${COUNTED.map((c) => `(SELECT count(*)::int FROM ${c}) AS ${c}`).join(', ')}`);
  return row;
}

/** The single error of a response, with its code and field paths. */
export function errorOf(res: GqlResponse): { code?: string; message: string; paths: string[] } {
  expect(res.errors).toHaveLength(1);
  const e = res.errors![0];
  return { code: e.extensions?.code, message: e.message, paths: (e.extensions?.fields ?? []).map((f) => f.path).sort() };
}
