/**
 * The SQL of the impact summary's sections. Each section is ONE statement: GROUPING SETS give its total and every
 * breakdown at once, and the rows say which set they belong to through GROUPING() flags.
 */
import type { SqlCondition } from '../outcomes/outcome-filter.js';

/** A breakdown column of a section: its SQL expression and the name its rows carry it under. */
export interface SectionDimension {
  name: string;
  expr: string;
}

export interface SectionSpec {
  /** detail table, joined as `x` on the outcome */
  table: string;
  /** extra joins, e.g. LEFT JOIN LATERAL unnest(...) for array columns (hence count(DISTINCT o.id)) */
  joins?: string[];
  dimensions: SectionDimension[];
  /** grouping sets besides the total `()`, as lists of dimension names */
  sets: string[][];
  /** extra aggregates, computed for every set (read from the total row) */
  aggregates?: string[];
}

/** One section statement over the outcomes `cond` selects (its parameters come first). */
export function sectionStatement(spec: SectionSpec, cond: SqlCondition, extraParams: unknown[] = []): { sql: string; params: unknown[] } {
  const exprOf = (name: string): string => spec.dimensions.find((d) => d.name === name)!.expr;
  const columns = spec.dimensions.flatMap((d) => [`GROUPING(${d.expr}) AS "g_${d.name}"`, `${d.expr} AS "${d.name}"`]);
  const sets = ['()', ...spec.sets.map((s) => `(${s.map(exprOf).join(', ')})`)];
  const sql = `SELECT ${[...columns, 'count(DISTINCT o.id)::int AS count', ...(spec.aggregates ?? [])].join(', ')}
    FROM outcome o JOIN ${spec.table} x ON x.outcome_id = o.id ${(spec.joins ?? []).join(' ')}
    WHERE ${cond.where}
    GROUP BY GROUPING SETS (${sets.join(', ')})`;
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
  return { join: `LEFT JOIN LATERAL (SELECT u.y FROM unnest(x.years) AS u(y) ${where}) AS ey(year) ON TRUE`, params };
}

export const ENGAGEMENT: Omit<SectionSpec, 'joins'> = {
  table: 'engagement_activity_detail',
  dimensions: [
    { name: 'form', expr: 'x.form' },
    { name: 'audience', expr: 'x.primary_audience' },
    { name: 'reach', expr: 'x.geographic_reach' },
    { name: 'year', expr: 'ey.year' },
  ],
  sets: [['form'], ['audience'], ['reach'], ['year'], ['form', 'audience'], ['audience', 'reach']],
};

export const POLICY: SectionSpec = {
  table: 'policy_influence_detail',
  dimensions: [
    { name: 'type', expr: 'x.influence_type' },
    { name: 'reach', expr: 'x.geographic_reach' },
  ],
  sets: [['type'], ['reach']],
};

export const PARTNERSHIP: SectionSpec = {
  table: 'partnership_detail',
  dimensions: [
    { name: 'sector', expr: 'x.sector' },
    { name: 'country', expr: 'x.country' },
  ],
  sets: [['sector'], ['country']],
};

export const MATERIAL: SectionSpec = {
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
  table: 'impact_narrative_detail',
  joins: ['LEFT JOIN LATERAL unnest(x.impact_types) AS it(code) ON TRUE', 'LEFT JOIN LATERAL unnest(x.sectors) AS ns(code) ON TRUE'],
  dimensions: [
    { name: 'type', expr: 'it.code' },
    { name: 'sector', expr: 'ns.code' },
  ],
  sets: [['type'], ['sector']],
};
