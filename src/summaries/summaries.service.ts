import { Injectable } from '@nestjs/common';
import { AwardLookup, normaliseReference } from '../awards/award-lookup.js';
import { badField } from '../common/errors.js';
import { isCurrency } from '../common/money.js';
import type { RequestContext } from '../common/request-context.js';
import type { OutcomeFilter } from '../outcomes/outcome-filter.input.js';
import { Db } from '../database/db.service.js';
import { OutcomeFilterSql } from '../outcomes/outcome-filter.js';
import type { FundingCriteria } from './funding-sql.js';
import { FundingTotalsQuery } from './funding-totals.js';
import type { FundingDimension, FundingFilter } from './funding.inputs.js';
import type { FundingTotals } from './funding.models.js';
import { ImpactSections } from './impact-sections.js';
import type { ImpactSummary } from './impact.models.js';

/**
 * The one place that aggregates outcomes and money for funders: the `fundingTotals` and `impactSummary` queries,
 * annual returns and portfolio returns all call these two methods. Every figure is computed by SQL aggregation
 * (one statement per section, the caller's scope inside the SQL); nothing loads outcome rows into JS to count.
 */
@Injectable()
export class SummariesService {
  constructor(
    private readonly awards: AwardLookup,
    private readonly outcomeFilter: OutcomeFilterSql,
    private readonly funding: FundingTotalsQuery,
    private readonly sections: ImpactSections,
    private readonly db: Db,
  ) {}

  /**
   * Further funding totals: count and exact totals per currency over DISTINCT funding records, optionally converted
   * into `reportingCurrency` (with the rates used and the missing ones) and grouped by `groupBy`.
   *
   * - Only live (not deleted) FURTHER_FUNDING outcomes attributed to an award in the caller's scope count.
   * - A record attributed to two awards counts once at the top, and in both AWARD groups.
   * - Unknown or out-of-scope award references are BAD_USER_INPUT naming `${argPath}.awardReferences[i]`; an invalid
   *   reporting currency is BAD_USER_INPUT on `reportingCurrency`.
   * - `groupBy` takes the enum or its names ('SECTOR'); repeats are ignored.
   * - Round trips: one to resolve award references (when given), one for everything else.
   */
  async fundingTotals(
    ctx: RequestContext,
    filter?: FundingFilter | null,
    groupBy: readonly (FundingDimension | `${FundingDimension}`)[] = [],
    reportingCurrency?: string | null,
    argPath = 'filter',
  ): Promise<FundingTotals> {
    if (reportingCurrency != null && !isCurrency(reportingCurrency)) {
      throw badField('reportingCurrency', `reportingCurrency must be an ISO 4217 code such as GBP; got "${reportingCurrency}"`);
    }
    const f = filter ?? {};
    const refs = f.awardReferences?.length
      ? (await this.awards.resolve(ctx, f.awardReferences, `${argPath}.awardReferences`)).map((a) => a.reference)
      : null;
    return this.funding.run(ctx, { ...f, awardReferences: refs }, [...new Set(groupBy)] as FundingDimension[], reportingCurrency ?? null);
  }

  /**
   * The impact summary of the outcomes `filter` selects (OutcomeFilterSql: scope, deleted, award parts, types,
   * years, search): counts per type, engagement, policy influence, partnerships, research materials and narratives,
   * and further funding as FundingTotals without groups (the same filter, mapped; deleted funding never counts,
   * even with includeDeleted). Unknown award references are BAD_USER_INPUT naming `${argPath}.awardReferences[i]`.
   * Round trips: one for award references (when given), one for the sections and one for the funding: a fixed
   * number, whatever the data.
   */
  async impactSummary(ctx: RequestContext, filter?: OutcomeFilter | null, argPath = 'filter'): Promise<ImpactSummary> {
    const cond = await this.outcomeFilter.build(ctx, filter, 'o', [], argPath);
    const f = filter ?? {};
    // Award references were checked by the outcome filter above; the funding statement uses them normalised. Its
    // award conditions (scope included) and years (a record's year is its start year) are the filter's own, so of
    // the outcome condition it needs only what has no counterpart there: types and search.
    const criteria: FundingCriteria = {
      awardReferences: f.awardReferences?.map(normaliseReference),
      organisationId: f.organisationId,
      awardFunder: f.awardFunder,
      yearFrom: f.yearFrom,
      yearTo: f.yearTo,
      outcome: await this.outcomeFilter.build(ctx, { types: f.types, search: f.search }, 'o', [], argPath),
    };
    // Sent together, except inside a caller's transaction (submitting a return).
    const [sections, furtherFunding] = await this.db.all(
      ctx,
      () => this.sections.all(ctx, filter, cond),
      () => this.funding.run(ctx, criteria, [], null),
    );
    return { ...sections, furtherFunding };
  }
}
