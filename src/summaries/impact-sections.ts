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
  summaryStatement,
  type SectionRow,
  type SectionSpec,
} from './impact-sql.js';
import type {
  CrossCount,
  ImpactSummary,
  EngagementSummary,
  ImpactNarrativeSummary,
  PartnershipSummary,
  PolicyInfluenceSummary,
  ResearchMaterialSummary,
  TypeCount,
} from './impact.models.js';
import { crossCounts, vocabCounts, yearCounts } from './vocab-counts.js';

type Sections = Pick<ImpactSummary, 'outcomeCounts' | 'engagement' | 'policyInfluence' | 'partnerships' | 'researchMaterials' | 'impactNarratives'>;

/**
 * The non-money sections of the impact summary, in one statement over the outcomes an OutcomeFilter selects.
 * Only SummariesService calls this; it builds the outcome condition once and shares it with the funding totals.
 */
@Injectable()
export class ImpactSections {
  constructor(private readonly db: Db) {}

  async all(ctx: RequestContext, filter: OutcomeFilter | null | undefined, cond: SqlCondition): Promise<Sections> {
    const years = engagementYearsJoin(cond.params.length + 1, filter?.yearFrom, filter?.yearTo);
    const engagement: SectionSpec = { ...ENGAGEMENT, joins: [years.join] };
    const { sql, params } = summaryStatement(
      cond,
      { engagement, policy: POLICY, partnership: PARTNERSHIP, material: MATERIAL, narrative: NARRATIVE },
      years.params,
    );
    const [row] = await this.db.query<Record<string, SectionRow[]> & { counts: { type: string; count: number }[] }>(ctx, sql, params);
    return {
      outcomeCounts: this.outcomeCounts(filter, row.counts),
      engagement: this.engagement(engagement, row.engagement),
      policyInfluence: this.policyInfluence(row.policy),
      partnerships: this.partnerships(row.partnership),
      researchMaterials: this.researchMaterials(row.material),
      impactNarratives: this.impactNarratives(row.narrative),
    };
  }

  /**
   * Every type the filter admits (all six without `types`), in the OutcomeType order, zeros included: a funder
   * reads "Further funding: 0" as an answer, while a missing line looks like a gap in the report.
   */
  private outcomeCounts(filter: OutcomeFilter | null | undefined, rows: { type: string; count: number }[]): TypeCount[] {
    const counts = new Map(rows.map((r) => [r.type, r.count]));
    const types = filter?.types?.length ? OUTCOME_TYPES.filter((t) => filter.types!.includes(t)) : OUTCOME_TYPES;
    return types.map((type) => ({ type, count: counts.get(type) ?? 0 }));
  }

  private engagement(spec: SectionSpec, rows: SectionRow[]): EngagementSummary {
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

  private policyInfluence(rows: SectionRow[]): PolicyInfluenceSummary {
    return {
      total: rowsOf(rows, POLICY, [])[0]?.count ?? 0,
      byType: vocabCounts('PolicyInfluenceType', rowsOf(rows, POLICY, ['type']), 'type'),
      byGeographicReach: vocabCounts('GeographicReach', rowsOf(rows, POLICY, ['reach']), 'reach'),
    };
  }

  private partnerships(rows: SectionRow[]): PartnershipSummary {
    return {
      total: rowsOf(rows, PARTNERSHIP, [])[0]?.count ?? 0,
      bySector: vocabCounts('Sector', rowsOf(rows, PARTNERSHIP, ['sector']), 'sector'),
      byCountry: vocabCounts(null, rowsOf(rows, PARTNERSHIP, ['country']), 'country'),
    };
  }

  private researchMaterials(rows: SectionRow[]): ResearchMaterialSummary {
    const total = rowsOf(rows, MATERIAL, [])[0];
    return {
      total: total?.count ?? 0,
      byType: vocabCounts('MaterialType', rowsOf(rows, MATERIAL, ['type']), 'type'),
      providedToOthers: { yes: Number(total?.yes ?? 0), no: Number(total?.no ?? 0), unknown: Number(total?.unknown ?? 0) },
    };
  }

  private impactNarratives(rows: SectionRow[]): ImpactNarrativeSummary {
    return {
      total: rowsOf(rows, NARRATIVE, [])[0]?.count ?? 0,
      byImpactType: vocabCounts('ImpactType', rowsOf(rows, NARRATIVE, ['type']), 'type'),
      bySector: vocabCounts('ImpactSector', rowsOf(rows, NARRATIVE, ['sector']), 'sector'),
    };
  }
}
