// Helpers of the summaries tests: small awards and funding records created through the public API.
import { statementCount } from '../../src/database/query-logger.js';
import type { TestApp } from '../support/app.js';

export const FUNDING_TOTALS = `query($filter: FundingFilter, $groupBy: [FundingDimension!], $rc: String) {
  fundingTotals(filter: $filter, groupBy: $groupBy, reportingCurrency: $rc) {
    count byCurrency { amount currency } leverage
    converted { total { amount currency } ratesUsed { currency year base rate } missingRates { currency year } unconverted { amount currency } }
    groups { key { award awardFunder fundingOrganisation sector country year fundingType } count byCurrency { amount currency } converted { amount currency } }
  }
}`;

export const money = (list: { amount: string; currency: string }[]): string[] => list.map((m) => `${m.currency} ${m.amount}`);

export async function createAward(t: TestApp, reference: string, extra: Record<string, unknown> = {}, token?: string): Promise<void> {
  await t.ok(
    'mutation($input: AwardInput!) { createAward(input: $input) { id } }',
    { input: { reference, title: `Award ${reference}`, funder: 'ESRC', leadOrganisation: 'Middlesex University', ...extra } },
    token,
  );
}

export interface FundingSpec {
  amount: string;
  currency?: string;
  organisation?: string;
  sector?: string;
  country?: string;
  start?: string;
  fundingType?: string;
}

export async function createFunding(t: TestApp, refs: string[], f: FundingSpec, token?: string): Promise<string> {
  const { amount, currency = 'GBP', organisation = 'Test Funder', ...rest } = f;
  const data = await t.ok(
    'mutation($refs: [String!]!, $input: FurtherFundingInput!) { createFurtherFunding(awardReferences: $refs, input: $input) { id } }',
    { refs, input: { description: `Funding of ${amount} ${currency}`, amount: { amount, currency }, organisation, ...rest } },
    token,
  );
  return data.createFurtherFunding.id;
}

export async function setRate(t: TestApp, currency: string, year: number, rate: string, base: string): Promise<void> {
  await t.ok('mutation($c: String!, $y: Int!, $r: Decimal!, $b: String!) { setExchangeRate(currency: $c, year: $y, rate: $r, base: $b) { rate } }', {
    c: currency,
    y: year,
    r: rate,
    b: base,
  });
}

/** Statements this process sent to PostgreSQL while `fn` ran (the token lookup of the request included). */
export async function statementsOf(fn: () => Promise<unknown>): Promise<number> {
  const before = statementCount();
  await fn();
  return statementCount() - before;
}
