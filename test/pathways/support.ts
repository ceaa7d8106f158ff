// Helpers of the pathways tests: everything is set up through the public GraphQL API.
import { readFileSync } from 'node:fs';
import type { GqlResponse, TestApp } from '../support/app.js';
import { FIXTURE_REFERENCE } from '../support/fixture.js';
import { createOrganisation, createUserWithToken } from '../support/users.js';

/** The team's written evidence to a parliamentary inquiry (quotes from CEOs, nurses, commissioners). */
export const WRITTEN_EVIDENCE = readFileSync(new URL('../fixtures/evidence/written-evidence-PUB0010.txt', import.meta.url), 'utf8');

export const ADD_PLAN_ITEM = `mutation($ref: String!, $input: ImpactPlanItemInput!) {
  addImpactPlanItem(awardReference: $ref, input: $input) { id beneficiaryGroup description plannedActivity targetYear } }`;
export const LINK = 'mutation($o: ID!, $p: ID!) { linkOutcomeToPlan(outcomeId: $o, planItemId: $p) { id } }';
export const PROGRESS = `query($ref: String!) { pathwayProgress(awardReference: $ref) {
  award { reference } items { id item { id beneficiaryGroup plannedActivity } delivered { id type } } } }`;
export const ADD_EVIDENCE = `mutation($input: EvidenceInput!) { addEvidence(input: $input) {
  id kind summary quote sourceRole sourceOrganisation date url confidential outcomes { id type } } }`;
export const EVIDENCE = 'query($ref: String!) { evidence(awardReference: $ref) { id summary quote confidential outcomes { id } } }';
export const CASE_STUDY = 'query($ref: String!) { impactCaseStudy(awardReference: $ref) { markdown html } }';

export interface Cast {
  funderId: string;
  leadId: string;
  /** impact officer of the lead organisation */
  officer: string;
  /** a funder user of the award's funder (ESRC) */
  funder: string;
  /** a researcher of the lead organisation who is not on the award's team */
  outsider: string;
  /** a researcher on the award's team */
  member: string;
  /** an impact officer of another organisation */
  stranger: string;
}

/** The people around the fixture award: its officer, funder, team and others who must not see everything. */
export async function castOf(t: TestApp, reference = FIXTURE_REFERENCE): Promise<Cast> {
  const { award } = await t.ok('query($r: String!) { award(reference: $r) { funder { id } leadOrganisation { id } } }', { r: reference });
  const leadId = award.leadOrganisation.id;
  const member = await createUserWithToken(t, 'RESEARCHER', leadId);
  await t.ok('mutation($r: String!, $u: ID!) { addAwardMember(awardReference: $r, userId: $u, role: CO_I) { id } }', { r: reference, u: member.userId });
  return {
    funderId: award.funder.id,
    leadId,
    officer: (await createUserWithToken(t, 'IMPACT_OFFICER', leadId)).token,
    funder: (await createUserWithToken(t, 'FUNDER', award.funder.id)).token,
    outsider: (await createUserWithToken(t, 'RESEARCHER', leadId)).token,
    member: member.token,
    stranger: (await createUserWithToken(t, 'IMPACT_OFFICER', await createOrganisation(t, `Elsewhere University ${Date.now()}`))).token,
  };
}

export const codeOf = (res: GqlResponse): string | undefined => res.errors?.[0]?.extensions?.code;
export const fieldsOf = (res: GqlResponse): string[] => (res.errors?.[0]?.extensions?.fields ?? []).map((f) => f.path).sort();
