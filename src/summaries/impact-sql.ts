/**
 * The SQL of the impact summary's sections, all in ONE statement: the outcomes the filter selects are found once
 * (`sel`), then each section aggregates its detail table over them with GROUPING SETS (its total and every
 * breakdown at once; rows say which set they belong to through GROUPING() flags) and comes back as a JSON array.
 * At funder scale finding the outcomes (scope, award filters) is most of the cost, so it is not repeated per
 * section (bench/RESULTS.md).
 */
import type { SqlCondition } from '../outcomes/outcome-filter.js';
import type { OutcomeTypeName } from '../outcomes/outcome.entity.js';

/** A breakdown column of a section: its SQL expression and the name its rows carry it under. */
export interface SectionDimension {
  name: string;
  expr: string;
}

export interface SectionSpec {
  /** the outcome type the section counts, and its detail table, joined as `x` on the outcome */
  type: OutcomeTypeName;
  table: string;
  /** extra joins, e.g. LEFT JOIN LATERAL unnest(...) for array columns (hence count(DISTINCT o.id)) */
  joins?: string[];
  /**
   * How outcomes are counted: count(*) when each is one row, count(DISTINCT o.id) when joins repeat it, or an
   * expression of the section's own (DISTINCT makes PostgreSQL sort for every grouping set instead of hashing).
   */
  count?: string;
  dimensions: SectionDimension[];
  /** grouping sets besides the total `()`, as lists of dimension names */
  sets: string[][];
  /** extra aggregates, computed for every set (read from the total row) */
  aggregates?: string[];
}

/** One section's aggregate over the selected outcomes `sel` (alias `o`). */
function sectionQuery(spec: SectionSpec): string {
  const exprOf = (name: string): string => spec.dimensions.find((d) => d.name === name)!.expr;
  const columns = spec.dimensions.flatMap((d) => [`GROUPING(${d.expr}) AS "g_${d.name}"`, `${d.expr} AS "${d.name}"`]);
  const sets = ['()', ...spec.sets.map((s) => `(${s.map(exprOf).join(', ')})`)];
  const count = spec.count ?? (spec.joins?.length ? 'count(DISTINCT o.id)' : 'count(*)');
  return `SELECT ${[...columns, `(${count})::int AS count`, ...(spec.aggregates ?? [])].join(', ')}
      FROM sel o JOIN ${spec.table} x ON x.outcome_id = o.id ${(spec.joins ?? []).join(' ')}
      WHERE o.type = '${spec.type}'
      GROUP BY GROUPING SETS (${sets.join(', ')})`;
}

/**
 * The statement of the whole summary over the outcomes `cond` selects (its parameters come first, then
 * `extraParams`): one row, with `counts` (per type) and one column per section, each a JSON array of rows.
 */
export function summaryStatement(
  cond: SqlCondition,
  sections: Record<string, SectionSpec>,
  extraParams: unknown[] = [],
): { sql: string; params: unknown[] } {
  const json = (query: string) => `(SELECT coalesce(json_agg(t), '[]'::json) FROM (${query}) t)`;
  const sql = `WITH sel AS MATERIALIZED (SELECT o.id, o.type FROM outcome o WHERE ${cond.where})
    SELECT ${json('SELECT o.type, count(*)::int AS count FROM sel o GROUP BY o.type')} AS counts,
      ${Object.entries(sections).map(([name, spec]) => `${json(sectionQuery(spec))} AS "${name}"`).join(',\n      ')}`;
  return { sql, params: [...cond.params, ...extraParams] };
}

export type SectionRow = Record<string, unknown> & { count: number };

/** The rows of one grouping set: those grouped by exactly these dimensions (none: the total row). */
export function rowsOf(rows: SectionRow[], spec: SectionSpec, names: string[]): SectionRow[] {
  return rows.filter((r) => spec.dimensions.every((d) => Number(r[`g_${d.name}`]) === (names.includes(d.name) ? 0 : 1)));
}

/**
 * The engagement years of an activity, within the filter's years when it has them: a funder asking for 2016
 * onwards does not expect 2014 in byYear because an activity also ran then. `$n` are placeholders for extraParams.
 * `ey.first` marks one row per activity (its first such year; NULL when it has none), so the breakdowns other
 * than by year count each activity once without count(DISTINCT).
 */
export function engagementYearsJoin(firstParam: number, yearFrom?: number | null, yearTo?: number | null): { join: string; params: number[] } {
  const params: number[] = [];
  const conds: string[] = [];
  if (yearFrom != null) {
    params.push(yearFrom);
    conds.push(`u.y >= $${firstParam + params.length - 1}::int`);
  }
  if (yearTo != null) {
    params.push(yearTo);
    conds.push(`u.y <= $${firstParam + params.length - 1}::int`);
  }
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  return {
    join: `LEFT JOIN LATERAL (SELECT u.y, u.y = min(u.y) OVER () FROM (SELECT DISTINCT u.y FROM unnest(x.years) AS u(y) ${where}) AS u)
      AS ey(year, first) ON TRUE`,
    params,
  };
}

export const ENGAGEMENT: Omit<SectionSpec, 'joins'> = {
  type: 'ENGAGEMENT_ACTIVITY',
  table: 'engagement_activity_detail',
  dimensions: [
    { name: 'form', expr: 'x.form' },
    { name: 'audience', expr: 'x.primary_audience' },
    { name: 'reach', expr: 'x.geographic_reach' },
    { name: 'year', expr: 'ey.year' },
  ],
  sets: [['form'], ['audience'], ['reach'], ['year'], ['form', 'audience'], ['audience', 'reach']],
  // by year: one row per (activity, year); every other breakdown: the activity's first row only
  count: 'CASE WHEN GROUPING(ey.year) = 0 THEN count(*) ELSE count(*) FILTER (WHERE ey.first IS NOT FALSE) END',
};

export const POLICY: SectionSpec = {
  type: 'POLICY_INFLUENCE',
  table: 'policy_influence_detail',
  dimensions: [
    { name: 'type', expr: 'x.influence_type' },
    { name: 'reach', expr: 'x.geographic_reach' },
  ],
  sets: [['type'], ['reach']],
};

export const PARTNERSHIP: SectionSpec = {
  type: 'PARTNERSHIP',
  table: 'partnership_detail',
  dimensions: [
    { name: 'sector', expr: 'x.sector' },
    { name: 'country', expr: 'x.country' },
  ],
  sets: [['sector'], ['country']],
};

export const MATERIAL: SectionSpec = {
  type: 'RESEARCH_MATERIAL',
  table: 'research_material_detail',
  dimensions: [{ name: 'type', expr: 'x.material_type' }],
  sets: [['type']],
  aggregates: [
    'count(*) FILTER (WHERE x.provided_to_others)::int AS yes',
    'count(*) FILTER (WHERE NOT x.provided_to_others)::int AS no',
    'count(*) FILTER (WHERE x.provided_to_others IS NULL)::int AS unknown',
  ],
};

export const NARRATIVE: SectionSpec = {
  type: 'IMPACT_NARRATIVE',
  table: 'impact_narrative_detail',
  joins: ['LEFT JOIN LATERAL unnest(x.impact_types) AS it(code) ON TRUE', 'LEFT JOIN LATERAL unnest(x.sectors) AS ns(code) ON TRUE'],
  dimensions: [
    { name: 'type', expr: 'it.code' },
    { name: 'sector', expr: 'ns.code' },
  ],
  sets: [['type'], ['sector']],
};
