/** The GraphQL documents the benchmark sends: what a research office's dashboard and return screens ask for. */

const VOCAB = 'code label count';

export const IMPACT_SUMMARY_FIELDS = `
  outcomeCounts { type count }
  engagement { total byForm { ${VOCAB} } byPrimaryAudience { ${VOCAB} } byGeographicReach { ${VOCAB} } byYear { year count }
    formByAudience { row column count } }
  policyInfluence { total byType { ${VOCAB} } byGeographicReach { ${VOCAB} } }
  partnerships { total bySector { ${VOCAB} } byCountry { ${VOCAB} } }
  researchMaterials { total byType { ${VOCAB} } providedToOthers { yes no unknown } }
  impactNarratives { total byImpactType { ${VOCAB} } bySector { ${VOCAB} } }
  furtherFunding { count byCurrency { amount currency } }`;

const GROUPS = `count byCurrency { amount currency }
  groups { key { award awardFunder fundingOrganisation sector country year fundingType } count byCurrency { amount currency } }`;

export const FUNDING_TOTALS = `query FundingTotals($filter: FundingFilter, $groupBy: [FundingDimension!]) {
  fundingTotals(filter: $filter, groupBy: $groupBy) { ${GROUPS} }
}`;

export const IMPACT_SUMMARY = `query ImpactSummary($filter: OutcomeFilter) { impactSummary(filter: $filter) { ${IMPACT_SUMMARY_FIELDS} } }`;

const OUTCOME_FIELDS = `id type title description impact url externalIds version createdAt updatedAt
  ... on EngagementActivity { form primaryAudience otherAudiences geographicReach years audienceSize }
  ... on FurtherFunding { amount { amount currency } fundingType organisation { name } sector country start end }
  ... on PolicyInfluence { influenceType firstYear }
  ... on Partnership { organisation { name } sector startYear endYear }
  ... on ResearchMaterial { materialType providedToOthers yearProduced }
  ... on ImpactNarrative { firstYearOfImpact sectors impactTypes }`;

export const ANNUAL_RETURN = `query AnnualReturn($ref: String!, $period: ID!) {
  annualReturn(awardReference: $ref, periodId: $period) {
    award { reference title } period { name }
    summary { ${IMPACT_SUMMARY_FIELDS} }
    fundingTotals { ${GROUPS} }
    outcomes { changeStatus outcome { ${OUTCOME_FIELDS} } }
    changes { new updated unchanged removed }
    warnings { outcomeId field message }
    lastSubmitted { version checksum }
  }
}`;

export const PORTFOLIO_RETURN = `query PortfolioReturn($period: ID!, $org: ID) {
  portfolioReturn(periodId: $period, organisationId: $org) {
    period { name }
    awards { award { reference title } submitted { version } changes { new updated unchanged removed } }
    summary { ${IMPACT_SUMMARY_FIELDS} }
    fundingTotals { count byCurrency { amount currency } }
  }
}`;

export const OUTCOMES = `query Outcomes($filter: OutcomeFilter, $take: Int) {
  outcomes(filter: $filter, take: $take) { totalItems items { ${OUTCOME_FIELDS} awards { reference } } }
}`;

export const AWARDS = `query Awards($filter: AwardFilter, $take: Int) {
  awards(filter: $filter, take: $take) { totalItems items { reference title funder { name } leadOrganisation { name } value { amount currency } } }
}`;

export const CREATE_ENGAGEMENT = `mutation CreateEngagement($refs: [String!]!, $input: EngagementActivityInput!) {
  createEngagementActivity(awardReferences: $refs, input: $input) { id version form years }
}`;
