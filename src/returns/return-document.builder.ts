import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Organisation } from '../access/organisation.entity.js';
import { Award } from '../awards/award.entity.js';
import type { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.service.js';
import { OUTCOME_TYPES } from '../outcomes/outcome.entity.js';
import { OutcomeReader } from '../outcomes/outcome-reader.js';
import type { OutcomeView } from '../outcomes/outcome.models.js';
import { PathwayFigures } from '../pathways/pathway-figures.js';
import { SummariesService } from '../summaries/summaries.service.js';
import { changeRows, countChanges } from './return-changes.js';
import type { ReturnDocument } from './return-document.js';
import { ReportingPeriod } from './reporting-period.entity.js';
import { returnWarnings } from './warnings.js';

const TYPE_ORDER = new Map<string, number>(OUTCOME_TYPES.map((t, i) => [t, i]));

/** Builds the return of an award for a period: the same document is shown as a draft and frozen on submission. */
@Injectable()
export class ReturnDocumentBuilder {
  constructor(
    private readonly db: Db,
    private readonly reader: OutcomeReader,
    private readonly summaries: SummariesService,
    private readonly pathways: PathwayFigures,
  ) {}

  async build(ctx: RequestContext, award: Award, period: ReportingPeriod): Promise<ReturnDocument> {
    const changes = await changeRows(this.db, ctx, award.id);
    const status = new Map(changes.map((c) => [c.outcomeId, c.status]));
    const liveIds = changes.filter((c) => c.status !== 'REMOVED').map((c) => c.outcomeId);
    const live = await this.reader.byIds(ctx, liveIds);
    const references = await this.awardReferences(ctx, liveIds);
    const removed = await this.lastSubmitted(ctx, award.id, changes.filter((c) => c.status === 'REMOVED').map((c) => c.outcomeId));
    const evidenceCounts = await this.pathways.evidenceCounts(ctx, award.id, changes.map((c) => c.outcomeId));
    const outcomes = [
      ...live.map((o) => ({ changeStatus: status.get(o.id)!, outcome: { ...o, awardReferences: references.get(o.id) ?? [] } })),
      ...removed.map((o) => ({ changeStatus: 'REMOVED' as const, outcome: o })),
    ]
      .map((entry) => ({ ...entry, evidenceCount: evidenceCounts.get(entry.outcome.id) ?? 0 }))
      .sort((a, b) => byTypeThenDate(a.outcome, b.outcome));
    const filter = { awardReferences: [award.reference] };
    return {
      award: await this.header(ctx, award),
      period: {
        id: period.id, name: period.name, opensAt: period.opensAt.toISOString(), closesAt: period.closesAt.toISOString(),
        coversFrom: period.coversFrom.toISOString(), coversTo: period.coversTo.toISOString(),
      },
      summary: await this.summaries.impactSummary(ctx, filter),
      // grouped by sector for the rendering's chart; the totals at the top are the same as ungrouped
      fundingTotals: await this.summaries.fundingTotals(ctx, filter, ['SECTOR'], null),
      outcomes,
      changes: countChanges(changes.map((c) => c.status)),
      warnings: returnWarnings(live as OutcomeView[], period.coversTo),
      planProgress: await this.pathways.planProgress(ctx, award.id),
      evidence: await this.pathways.evidence(ctx, award.id),
    };
  }

  private async header(ctx: RequestContext, a: Award): Promise<ReturnDocument['award']> {
    const ids = [a.funderId, a.leadOrganisationId].filter((x): x is string => !!x);
    const orgs = ids.length ? await this.db.repo(ctx, Organisation).findBy({ id: In(ids) }) : [];
    const name = (id: string | null) => orgs.find((o) => o.id === id)?.name ?? null;
    return {
      reference: a.reference, title: a.title, funder: name(a.funderId), leadOrganisation: name(a.leadOrganisationId),
      department: a.department, startDate: a.startDate, endDate: a.endDate,
      value: a.valueAmount && a.valueCurrency ? { amount: a.valueAmount, currency: a.valueCurrency } : null,
      status: a.status, abstract: a.abstract, plannedImpact: a.plannedImpact,
    };
  }

  /** Every award each outcome counts for (the return records shared attribution). */
  private async awardReferences(ctx: RequestContext, ids: string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.query<{ outcome_id: string; refs: string[] }>(
      ctx,
      `SELECT oa.outcome_id, array_agg(a.reference ORDER BY a.reference) AS refs FROM outcome_award oa
       JOIN award a ON a.id = oa.award_id WHERE oa.outcome_id = ANY($1::uuid[]) GROUP BY oa.outcome_id`,
      [ids],
    );
    return new Map(rows.map((r) => [r.outcome_id, r.refs]));
  }

  /** Removed outcomes as the award's last submitted return held them. */
  private async lastSubmitted(ctx: RequestContext, awardId: string, ids: string[]): Promise<ReturnDocument['outcomes'][number]['outcome'][]> {
    if (!ids.length) return [];
    const rows = await this.db.query<{ outcome: ReturnDocument['outcomes'][number]['outcome'] }>(
      ctx,
      `SELECT o.value -> 'outcome' AS outcome FROM (
         SELECT snapshot FROM submitted_return WHERE award_id = $1 ORDER BY submitted_at DESC, version DESC LIMIT 1
       ) s, jsonb_array_elements(s.snapshot -> 'outcomes') o WHERE o.value -> 'outcome' ->> 'id' = ANY($2::text[])`,
      [awardId, ids],
    );
    return rows.map((r) => r.outcome);
  }
}

function byTypeThenDate(a: { type: string; createdAt?: unknown }, b: { type: string; createdAt?: unknown }): number {
  const time = (x: unknown) => new Date(x as string).getTime() || 0;
  return TYPE_ORDER.get(a.type)! - TYPE_ORDER.get(b.type)! || time(a.createdAt) - time(b.createdAt);
}
