import { readFileSync } from 'node:fs';
import { parseGtrText } from '../../src/interchange/gtr-text/index.js';
import type { TestApp } from './app.js';

export const GTR_FIXTURE = readFileSync(new URL('../fixtures/gtr/ES-J008435-1.txt', import.meta.url), 'utf8');
export const FIXTURE_REFERENCE = 'ES/J008435/1';

const MUTATION: Record<string, string> = {
  ENGAGEMENT_ACTIVITY: 'createEngagementActivity(awardReferences: $refs, input: $input) { id }',
  FURTHER_FUNDING: 'createFurtherFunding(awardReferences: $refs, input: $input) { id }',
  POLICY_INFLUENCE: 'createPolicyInfluence(awardReferences: $refs, input: $input) { id }',
  PARTNERSHIP: 'createPartnership(awardReferences: $refs, input: $input) { id }',
  RESEARCH_MATERIAL: 'createResearchMaterial(awardReferences: $refs, input: $input) { id }',
  IMPACT_NARRATIVE: 'createImpactNarrative(awardReferences: $refs, input: $input) { id }',
};
const INPUT_TYPE: Record<string, string> = {
  ENGAGEMENT_ACTIVITY: 'EngagementActivityInput',
  FURTHER_FUNDING: 'FurtherFundingInput',
  POLICY_INFLUENCE: 'PolicyInfluenceInput',
  PARTNERSHIP: 'PartnershipInput',
  RESEARCH_MATERIAL: 'ResearchMaterialInput',
  IMPACT_NARRATIVE: 'ImpactNarrativeInput',
};

/** The fixture's outcomes as GraphQL create inputs, in page order. */
export function fixtureOutcomes(): { type: string; input: Record<string, unknown> }[] {
  const doc = parseGtrText(GTR_FIXTURE);
  if (doc.problems.length) throw new Error(`fixture does not parse: ${JSON.stringify(doc.problems)}`);
  return doc.outcomes.map((o) => ({ type: o.type, input: o.input }));
}

/**
 * Records the real GtR award ES/J008435/1 and its 47 outcomes as a client would: createAward, then one create
 * mutation per outcome. `reference` records the same content under another award reference.
 */
export async function loadGtrFixture(
  t: TestApp,
  opts: { reference?: string; token?: string; funder?: string; leadOrganisation?: string } = {},
): Promise<{ awardReference: string; outcomeIds: string[]; byType: Record<string, string[]> }> {
  const doc = parseGtrText(GTR_FIXTURE);
  const awardReference = opts.reference ?? FIXTURE_REFERENCE;
  await t.ok(
    'mutation($input: AwardInput!) { createAward(input: $input) { id } }',
    {
      input: {
        reference: awardReference,
        title: doc.award.title,
        funder: opts.funder ?? 'ESRC',
        leadOrganisation: opts.leadOrganisation ?? doc.award.leadOrganisation,
        department: doc.award.department,
        abstract: doc.award.abstract,
        plannedImpact: doc.award.plannedImpact,
      },
    },
    opts.token,
  );
  const outcomeIds: string[] = [];
  const byType: Record<string, string[]> = {};
  for (const o of fixtureOutcomes()) {
    const data = await t.ok(
      `mutation($refs: [String!]!, $input: ${INPUT_TYPE[o.type]}!) { created: ${MUTATION[o.type]} }`,
      { refs: [awardReference], input: o.input },
      opts.token,
    );
    outcomeIds.push(data.created.id);
    (byType[o.type] ??= []).push(data.created.id);
  }
  return { awardReference, outcomeIds, byType };
}
