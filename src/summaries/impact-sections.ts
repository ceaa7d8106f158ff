import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.service.js';
import type { OutcomeFilter } from '../outcomes/outcome-filter.input.js';
import type { SqlCondition } from '../outcomes/outcome-filter.js';
import { OUTCOME_TYPES } from '../outcomes/outcome.entity.js';
import {
  ENGAGEMENT,
  engagementYearsJoin,
  MATERIAL,
  NARRATIVE,
  PARTNERSHIP,
  POLICY,
  rowsOf,
  sectionStatement,
  type SectionRow,
  type SectionSpec,
} from './impact-sql.js';
import type {
  CrossCount,
  EngagementSummary,
  ImpactNarrativeSummary,
  PartnershipSummary,
  PolicyInfluenceSummary,
  ResearchMaterialSummary,
  TypeCount,
} from './impact.models.js';
import { crossCounts, vocabCounts, yearCounts } from './vocab-counts.js';

/**
 * The non-money sections of the impact summary, one statement each over the outcomes an OutcomeFilter selects.
 * Only SummariesService calls these; it builds the outcome condition once and shares it.
 */
@Injectable()
export class ImpactSections {
  constructor(private readonly db: Db) {}

  private async section(ctx: RequestContext, spec: SectionSpec, cond: SqlCondition, extra: unknown[] = []): Promise<SectionRow[]> {
    const { sql, params } = sectionStatement(spec, cond, extra);
    return this.db.query<SectionRow>(ctx, sql, params);
  }

  /**
   * Every type the filter admits (all six without `types`), in the OutcomeType order, zeros included: a funder
   * reads "Further funding: 0" as an answer, while a missing line looks like a gap in the report.
   */
  async outcomeCounts(ctx: RequestContext, filter: OutcomeFilter | null | undefined, cond: SqlCondition): Promise<TypeCount[]> {
    const rows = await this.db.query<{ type: string; count: number }>(
      ctx,
      `SELECT o.type, count(*)::int AS count FROM outcome o WHERE ${cond.where} GROUP BY o.type`,
      cond.params,
    );
    const counts = new Map(rows.map((r) => [r.type, r.count]));
    const types = filter?.types?.length ? OUTCOME_TYPES.filter((t) => filter.types!.includes(t)) : OUTCOME_TYPES;
    return types.map((type) => ({ type, count: counts.get(type) ?? 0 }));
  }

  async engagement(ctx: RequestContext, filter: OutcomeFilter | null | undefined, cond: SqlCondition): Promise<EngagementSummary> {
    const years = engagementYearsJoin(cond.params.length + 1, filter?.yearFrom, filter?.yearTo);
    const spec: SectionSpec = { ...ENGAGEMENT, joins: [years.join] };
    const rows = await this.section(ctx, spec, cond, years.params);
    const cross = (a: string, b: string): CrossCount[] =>
      rowsOf(rows, spec, [a, b]).filter((r) => r[a] != null && r[b] != null).map((r) => ({ row: String(r[a]), column: String(r[b]), count: r.count }));
    return {
      total: rowsOf(rows, spec, [])[0]?.count ?? 0,
      byForm: vocabCounts('EngagementForm', rowsOf(rows, spec, ['form']), 'form'),
      byPrimaryAudience: vocabCounts('Audience', rowsOf(rows, spec, ['audience']), 'audience'),
      byGeographicReach: vocabCounts('GeographicReach', rowsOf(rows, spec, ['reach']), 'reach'),
      byYear: yearCounts(rowsOf(rows, spec, ['year']), 'year'),
      formByAudience: crossCounts(cross('form', 'audience')),
      audienceByReach: crossCounts(cross('audience', 'reach')),
    };
  }

  async policyInfluence(ctx: RequestContext, cond: SqlCondition): Promise<PolicyInfluenceSummary> {
    const rows = await this.section(ctx, POLICY, cond);
    return {
      total: rowsOf(rows, POLICY, [])[0]?.count ?? 0,
      byType: vocabCounts('PolicyInfluenceType', rowsOf(rows, POLICY, ['type']), 'type'),
      byGeographicReach: vocabCounts('GeographicReach', rowsOf(rows, POLICY, ['reach']), 'reach'),
    };
  }

  async partnerships(ctx: RequestContext, cond: SqlCondition): Promise<PartnershipSummary> {
    const rows = await this.section(ctx, PARTNERSHIP, cond);
    return {
      total: rowsOf(rows, PARTNERSHIP, [])[0]?.count ?? 0,
      bySector: vocabCounts('Sector', rowsOf(rows, PARTNERSHIP, ['sector']), 'sector'),
      byCountry: vocabCounts(null, rowsOf(rows, PARTNERSHIP, ['country']), 'country'),
    };
  }

  async researchMaterials(ctx: RequestContext, cond: SqlCondition): Promise<ResearchMaterialSummary> {
    const rows = await this.section(ctx, MATERIAL, cond);
    const total = rowsOf(rows, MATERIAL, [])[0];
    return {
      total: total?.count ?? 0,
      byType: vocabCounts('MaterialType', rowsOf(rows, MATERIAL, ['type']), 'type'),
      providedToOthers: { yes: Number(total?.yes ?? 0), no: Number(total?.no ?? 0), unknown: Number(total?.unknown ?? 0) },
    };
  }

  async impactNarratives(ctx: RequestContext, cond: SqlCondition): Promise<ImpactNarrativeSummary> {
    const rows = await this.section(ctx, NARRATIVE, cond);
    return {
      total: rowsOf(rows, NARRATIVE, [])[0]?.count ?? 0,
      byImpactType: vocabCounts('ImpactType', rowsOf(rows, NARRATIVE, ['type']), 'type'),
      bySector: vocabCounts('ImpactSector', rowsOf(rows, NARRATIVE, ['sector']), 'sector'),
    };
  }
}
