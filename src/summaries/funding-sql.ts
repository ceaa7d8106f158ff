/**
 * The SQL of funding totals, built as text + parameters (no I/O here, so it can be read and unit-tested alone).
 * One statement answers a whole `fundingTotals`: the totals, the conversion, the groups and the leverage.
 */
import { awardScopeSql } from '../access/scope.js';
import { countryCodeOf } from '../common/country.js';
import type { RequestContext } from '../common/request-context.js';
import { nameKey } from '../common/text.js';
import type { SqlCondition } from '../outcomes/outcome-filter.js';
import { FundingDimension } from './funding.inputs.js';

/** What a funding total counts; award references are already checked (exist, in scope) and normalised. */
export interface FundingCriteria {
  awardReferences?: readonly string[] | null;
  organisationId?: string | null;
  awardFunder?: string | null;
  fundingOrganisation?: string | null;
  sectors?: readonly string[] | null;
  countries?: readonly string[] | null;
  yearFrom?: number | null;
  yearTo?: number | null;
  /** an extra condition on the outcome alias `o` (the impact summary's OutcomeFilter); its params come first */
  outcome?: SqlCondition | null;
}

/** The column of each dimension in the `keyed` rows, and its name in the result (FundingGroupKey's field). */
export const DIMENSIONS: Record<FundingDimension, { expr: string; column: string; field: string }> = {
  AWARD: { expr: 't.award', column: 'award', field: 'award' },
  AWARD_FUNDER: { expr: 't.award_funder', column: 'award_funder', field: 'awardFunder' },
  FUNDING_ORGANISATION: { expr: 'r.funding_organisation', column: 'funding_organisation', field: 'fundingOrganisation' },
  SECTOR: { expr: 'r.sector', column: 'sector', field: 'sector' },
  COUNTRY: { expr: 'r.country', column: 'country', field: 'country' },
  YEAR: { expr: 'r.start_year', column: 'year', field: 'year' },
  FUNDING_TYPE: { expr: 'r.funding_type', column: 'funding_type', field: 'fundingType' },
};

export interface FundingStatement {
  sql: string;
  params: unknown[];
}

type Param = (value: unknown) => string;

const paramOf =
  (params: unknown[]): Param =>
  (value) => {
    params.push(value);
    return `$${params.length}`;
  };

/** The award-level parts of the filter (they also decide the "filtered awards" of leverage), scope included. */
function awardConditions(ctx: RequestContext, c: FundingCriteria, a: string, params: unknown[]): string {
  const p = paramOf(params);
  const conds = [awardScopeSql(ctx, a, params)];
  if (c.awardReferences?.length) conds.push(`${a}.reference = ANY(${p(c.awardReferences)}::text[])`);
  if (c.organisationId) conds.push(`${a}.lead_organisation_id = ${p(c.organisationId)}::uuid`);
  if (c.awardFunder?.trim()) {
    conds.push(`${a}.funder_id IN (SELECT id FROM organisation WHERE name_key = ${p(nameKey(c.awardFunder))})`);
  }
  return conds.join(' AND ');
}

/** The parts of the filter on the funding record itself (alias d) and who gave it (alias fo). */
function recordConditions(c: FundingCriteria, p: Param): string[] {
  const conds: string[] = [];
  if (c.fundingOrganisation?.trim()) conds.push(`fo.name_key = ${p(nameKey(c.fundingOrganisation))}`);
  if (c.sectors?.length) conds.push(`d.sector = ANY(${p(c.sectors)}::text[])`);
  if (c.countries?.length) {
    const texts = c.countries.map(nameKey).filter(Boolean);
    const codes = [...new Set(c.countries.map((x) => countryCodeOf(x)).filter((x): x is string => !!x))];
    conds.push(
      `(lower(regexp_replace(btrim(d.country), '\\s+', ' ', 'g')) = ANY(${p(texts)}::text[]) OR d.country_code = ANY(${p(codes)}::text[]))`,
    );
  }
  if (c.yearFrom != null) conds.push(`d.start_year >= ${p(c.yearFrom)}::int`);
  if (c.yearTo != null) conds.push(`d.start_year <= ${p(c.yearTo)}::int`);
  return conds;
}

/** With AWARD or AWARD_FUNDER a record is keyed by each of its awards; otherwise only its own fields matter. */
const byAwards = (groupBy: readonly FundingDimension[]): boolean =>
  groupBy.includes(FundingDimension.AWARD) || groupBy.includes(FundingDimension.AWARD_FUNDER);

/**
 * `rec`: one row per funding record that counts (live FURTHER_FUNDING outcomes attributed to an award in the
 * caller's scope that matches the award-level filter), with its amount converted at its start year where a rate
 * exists. Grouped by awards, `attr` also lists each (record, award) attribution that counts. Without award
 * groups the attribution is only a semi-join (EXISTS): at funder scale, building every (record, award) pair and
 * de-duplicating it cost most of the statement (bench/RESULTS.md).
 */
function baseCtes(ctx: RequestContext, c: FundingCriteria, params: unknown[], rc: string | null, withAwards: boolean): string {
  const p = paramOf(params);
  const outcome = c.outcome ? `AND (${c.outcome.where})` : '';
  const awards = awardConditions(ctx, c, 'a', params);
  const records = recordConditions(c, p);
  const r = rc ? p(rc) : null;
  const conversion = r
    ? `CASE WHEN d.currency = ${r} THEN d.amount ELSE d.amount * xr.rate END AS converted,
       CASE WHEN d.currency = ${r} THEN NULL ELSE xr.rate END AS rate`
    : 'NULL::numeric AS converted, NULL::numeric AS rate';
  const rateJoin = r ? `LEFT JOIN exchange_rate xr ON xr.currency = d.currency AND xr.year = d.start_year AND xr.base = ${r}` : '';
  const attr = `attr AS (
    SELECT DISTINCT oa.outcome_id, a.reference AS award, af.name AS award_funder
    FROM outcome o
    JOIN outcome_award oa ON oa.outcome_id = o.id
    JOIN award a ON a.id = oa.award_id
    LEFT JOIN organisation af ON af.id = a.funder_id
    WHERE o.type = 'FURTHER_FUNDING' AND o.deleted_at IS NULL ${outcome} AND ${awards}
  ),`;
  // Every outcome keeps at least one award, so with no award condition (an admin, no award filter) any will do.
  const attributed = awards === 'TRUE'
    ? 'EXISTS (SELECT 1 FROM outcome_award oa WHERE oa.outcome_id = d.outcome_id)'
    : `EXISTS (SELECT 1 FROM outcome_award oa JOIN award a ON a.id = oa.award_id WHERE oa.outcome_id = d.outcome_id AND ${awards})`;
  return `${withAwards ? attr : ''}
  rec AS (
    SELECT d.outcome_id, d.amount, d.currency, d.start_year, d.sector, d.country, d.funding_type,
      fo.name AS funding_organisation, ${conversion}
    FROM further_funding_detail d
    JOIN organisation fo ON fo.id = d.organisation_id
    ${withAwards ? '' : 'JOIN outcome o ON o.id = d.outcome_id'}
    ${rateJoin}
    WHERE ${withAwards ? 'd.outcome_id IN (SELECT outcome_id FROM attr)' : `o.type = 'FURTHER_FUNDING' AND o.deleted_at IS NULL ${outcome} AND ${attributed}`}
      ${records.map((x) => `AND ${x}`).join(' ')}
  )`;
}

/**
 * Groups count each record once per distinct key: with AWARD a record attributed to two awards is in both award
 * groups; with AWARD_FUNDER alone, two awards of the same funder still count it once in that funder's group.
 */
function groupCtes(groupBy: readonly FundingDimension[], mu: string): string {
  const dims = groupBy.map((d) => DIMENSIONS[d]);
  const needsAwards = byAwards(groupBy);
  const keys = dims.map((d) => d.column).join(', ');
  // rec has one row per record: only the join to its awards can repeat a (record, key), so only then DISTINCT
  return `keyed AS (
    SELECT ${needsAwards ? 'DISTINCT ' : ''}r.outcome_id, r.currency, r.amount, r.converted, ${dims.map((d) => `${d.expr} AS ${d.column}`).join(', ')}
    FROM rec r ${needsAwards ? 'JOIN attr t ON t.outcome_id = r.outcome_id' : ''}
  ),
  grouped AS (
    SELECT GROUPING(currency) AS whole, ${keys}, currency, count(*)::int AS count, sum(amount)::text AS amount,
      round(sum(converted), ${mu})::text AS converted, bool_and(converted IS NOT NULL) AS complete
    FROM keyed GROUP BY GROUPING SETS ((${keys}, currency), (${keys}))
  )`;
}

/**
 * Leverage: converted funding ÷ converted value of the filtered awards (award value at the award's start year),
 * to 2 decimal places; null when a reporting currency is missing, there is no award value, or anything on either
 * side has no rate (a ratio over part of the money would be a guess).
 */
function leverageSql(ctx: RequestContext, c: FundingCriteria, params: unknown[], rc: string, mu: string): string {
  const awards = awardConditions(ctx, c, 'a', params);
  return `(SELECT CASE WHEN v.complete AND round(v.total, ${mu}) > 0 AND NOT EXISTS (SELECT 1 FROM rec WHERE converted IS NULL)
      THEN round(round(coalesce((SELECT sum(converted) FROM rec), 0), ${mu}) / round(v.total, ${mu}), 2)::text END
    FROM (SELECT bool_and(x.v IS NOT NULL) AS complete, sum(x.v) AS total FROM (
      SELECT CASE WHEN a.value_currency = ${rc} THEN a.value_amount ELSE a.value_amount * xr.rate END AS v
      FROM award a
      LEFT JOIN exchange_rate xr ON xr.currency = a.value_currency AND xr.year = EXTRACT(YEAR FROM a.start_date)::int AND xr.base = ${rc}
      WHERE ${awards}) x) v)`;
}

/** The rates used and the currency-years that had none (records without a start year cannot name one). */
function conversionSql(): string {
  return `(SELECT coalesce(json_agg(json_build_object('currency', u.currency, 'year', u.start_year, 'rate', u.rate::text)
      ORDER BY u.currency, u.start_year), '[]') FROM (SELECT DISTINCT currency, start_year, rate FROM rec WHERE rate IS NOT NULL) u) AS rates_used,
    (SELECT coalesce(json_agg(json_build_object('currency', m.currency, 'year', m.start_year) ORDER BY m.currency, m.start_year), '[]')
      FROM (SELECT DISTINCT currency, start_year FROM rec WHERE converted IS NULL AND start_year IS NOT NULL) m) AS missing_rates`;
}

/**
 * The whole statement. Top-level figures are computed over `rec` (DISTINCT funding records), never over the
 * attribution join: a record attributed to two awards counts once in count, byCurrency and converted, while it
 * appears in both AWARD groups. Amounts stay exact numeric; conversions are rounded once, at the end.
 */
export function fundingStatement(
  ctx: RequestContext,
  c: FundingCriteria,
  groupBy: readonly FundingDimension[],
  reportingCurrency: string | null,
  minorUnits: number,
): FundingStatement {
  const params: unknown[] = [...(c.outcome?.params ?? [])];
  const p = paramOf(params);
  const ctes = [baseCtes(ctx, c, params, reportingCurrency, byAwards(groupBy))];
  const mu = `${p(minorUnits)}::int`;
  if (groupBy.length) ctes.push(groupCtes(groupBy, mu));
  const rc = reportingCurrency ? p(reportingCurrency) : null;
  const order = groupBy.map((d) => `g.${DIMENSIONS[d].column} NULLS LAST`).join(', ');
  const sql = `WITH ${ctes.join(',\n  ')},
  totals AS (
    SELECT GROUPING(currency) AS whole, currency, count(*)::int AS count, sum(amount)::text AS amount,
      round(sum(converted), ${mu})::text AS converted, (sum(amount) FILTER (WHERE converted IS NULL))::text AS unconverted
    FROM rec GROUP BY GROUPING SETS ((currency), ())
  )
  SELECT
    (SELECT json_agg(t ORDER BY t.whole DESC, t.currency) FROM totals t) AS totals,
    ${groupBy.length ? `(SELECT coalesce(json_agg(g ORDER BY ${order}, g.whole DESC, g.currency), '[]') FROM grouped g)` : `'[]'::json`} AS groups,
    ${rc ? conversionSql() : `'[]'::json AS rates_used, '[]'::json AS missing_rates`},
    ${rc ? leverageSql(ctx, c, params, rc, mu) : 'NULL::text'} AS leverage`;
  return { sql, params };
}
