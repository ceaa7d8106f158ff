import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.service.js';
import type { OutcomeTypeName } from '../outcomes/outcome.entity.js';
import { OutcomesService } from '../outcomes/outcomes.service.js';
import { SummariesService } from '../summaries/summaries.service.js';
import { buildCaseStudy, type CaseStudyAward, type CaseStudyData } from './case-study.builder.js';
import { renderCaseStudyHtml, renderCaseStudyMarkdown } from './case-study.render.js';
import { EvidenceService } from './evidence.service.js';
import type { ImpactCaseStudy } from './pathways.models.js';
import { PathwayAccess } from './pathway-access.js';

/** REF allows ten sources; more are recorded in the tracker but not listed. */
export const MAX_SOURCES = 10;
/** Outcomes listed one by one per type; the figures above the list always cover all of them. */
const LISTED_PER_TYPE = 20;

/**
 * Drafts a REF-style impact case study from the records. Its figures come from SummariesService (SQL), its sources
 * from the evidence the caller may see: funders and other readers never get confidential items.
 */
@Injectable()
export class CaseStudyService {
  constructor(
    private readonly db: Db,
    private readonly access: PathwayAccess,
    private readonly outcomes: OutcomesService,
    private readonly summaries: SummariesService,
    private readonly evidence: EvidenceService,
  ) {}

  async draft(ctx: RequestContext, awardReference: string): Promise<ImpactCaseStudy> {
    const scoped = await this.access.award(ctx, awardReference, 'awardReference');
    const filter = { awardReferences: [scoped.reference] };
    const sources = await this.evidence.visible(ctx, scoped);
    const data: CaseStudyData = {
      award: await this.header(ctx, scoped.id),
      summary: await this.summaries.impactSummary(ctx, filter, 'awardReference'),
      narratives: await this.listed(ctx, scoped.reference, 'IMPACT_NARRATIVE'),
      policyInfluences: await this.listed(ctx, scoped.reference, 'POLICY_INFLUENCE'),
      partnerships: await this.listed(ctx, scoped.reference, 'PARTNERSHIP'),
      sources: sources.slice(0, MAX_SOURCES),
      unlistedSources: Math.max(0, sources.length - MAX_SOURCES),
      draftedOn: new Date().toISOString().slice(0, 10),
    };
    const blocks = buildCaseStudy(data);
    return { markdown: renderCaseStudyMarkdown(blocks), html: renderCaseStudyHtml(`Impact case study (draft): ${data.award.reference}`, blocks) };
  }

  private async listed(ctx: RequestContext, reference: string, type: OutcomeTypeName): Promise<CaseStudyData['narratives']> {
    const page = await this.outcomes.list(ctx, { awardReferences: [reference], types: [type] }, 0, LISTED_PER_TYPE);
    // the newest ones, told in the order they happened
    return { items: [...page.items].reverse(), totalItems: page.totalItems };
  }

  private async header(ctx: RequestContext, awardId: string): Promise<CaseStudyAward> {
    const [row] = await this.db.query<CaseStudyAward>(
      ctx,
      `SELECT a.reference, a.title, f.name AS funder, l.name AS "leadOrganisation", a.department,
              a.start_date::text AS "startDate", a.end_date::text AS "endDate", a.value_amount::text AS "valueAmount",
              a.value_currency AS "valueCurrency", a.abstract
       FROM award a LEFT JOIN organisation f ON f.id = a.funder_id LEFT JOIN organisation l ON l.id = a.lead_organisation_id
       WHERE a.id = $1`,
      [awardId],
    );
    return row;
  }
}
