import { Injectable } from '@nestjs/common';
import { outcomeScopeSql } from '../access/scope.js';
import { AwardLookup } from '../awards/award-lookup.js';
import type { RequestContext } from '../common/request-context.js';
import { nameKey } from '../common/text.js';
import type { OutcomeFilter } from './outcome-filter.input.js';

export interface SqlCondition {
  /** a boolean SQL expression over the outcome alias */
  where: string;
  params: unknown[];
}

/** The SQL text that full-text search and its GIN index share (the expression must match the index's). */
export const OUTCOME_SEARCH_VECTOR = (o: string): string =>
  `to_tsvector('english', coalesce(${o}.title, '') || ' ' || ${o}.description || ' ' || coalesce(${o}.impact, ''))`;

/**
 * OutcomeFilter as one SQL condition, the caller's scope included: listing, summaries, returns and exports all
 * filter through here, so they always agree on which outcomes count.
 */
@Injectable()
export class OutcomeFilterSql {
  constructor(private readonly awards: AwardLookup) {}

  async build(ctx: RequestContext, filter: OutcomeFilter | null | undefined, o = 'o', params: unknown[] = [], argPath = 'filter'): Promise<SqlCondition> {
    const f = filter ?? {};
    const p = (v: unknown): string => {
      params.push(v);
      return `$${params.length}`;
    };
    const conds: string[] = [];
    if (!f.includeDeleted) conds.push(`${o}.deleted_at IS NULL`);
    conds.push(outcomeScopeSql(ctx, o, params));
    if (f.types?.length) conds.push(`${o}.type = ANY(${p(f.types)}::text[])`);
    if (f.yearFrom != null || f.yearTo != null) {
      const range = [f.yearFrom != null ? `y >= ${p(f.yearFrom)}` : '', f.yearTo != null ? `y <= ${p(f.yearTo)}` : ''].filter(Boolean);
      conds.push(`EXISTS (SELECT 1 FROM unnest(${o}.years) AS y WHERE ${range.join(' AND ')})`);
    }
    if (f.search?.trim()) conds.push(`${OUTCOME_SEARCH_VECTOR(o)} @@ websearch_to_tsquery('english', ${p(f.search)})`);
    const awardConds: string[] = [];
    if (f.awardReferences?.length) {
      const ids = (await this.awards.resolve(ctx, f.awardReferences, `${argPath}.awardReferences`)).map((a) => a.id);
      awardConds.push(`fa.award_id = ANY(${p(ids)}::uuid[])`);
    }
    if (f.organisationId) awardConds.push(`fw.lead_organisation_id = ${p(f.organisationId)}`);
    if (f.awardFunder?.trim()) {
      awardConds.push(`fw.funder_id IN (SELECT id FROM organisation WHERE name_key = ${p(nameKey(f.awardFunder))})`);
    }
    if (awardConds.length) {
      conds.push(`EXISTS (SELECT 1 FROM outcome_award fa JOIN award fw ON fw.id = fa.award_id
        WHERE fa.outcome_id = ${o}.id AND ${awardConds.join(' AND ')})`);
    }
    return { where: conds.join(' AND '), params };
  }
}
