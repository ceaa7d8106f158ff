import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.service.js';
import { DELIVERED_SQL } from './impact-plan.service.js';

/** A plan item as an annual return holds it: planned against how many outcomes delivered it. */
export interface ReturnPlanItemData {
  id: string;
  beneficiaryGroup: string;
  description: string;
  plannedActivity: string | null;
  targetYear: number | null;
  delivered: number;
}

/** A non-confidential source as a return holds it (returns go to funders: confidential ones are only counted). */
export interface ReturnEvidenceSource {
  id: string;
  kind: string;
  summary: string;
  quote: string | null;
  sourceRole: string | null;
  sourceOrganisation: string | null;
  date: string | null;
  url: string | null;
  outcomeIds: string[];
}

export interface ReturnEvidenceData {
  total: number;
  confidentialWithheld: number;
  sources: ReturnEvidenceSource[];
}

/**
 * The pathway figures of an annual return, in SQL (counts are GROUP BY / FILTER, never counted in JS). The return is
 * a document funders read, whoever drafts it, so nothing here depends on the caller: confidential evidence is
 * always reduced to a count.
 */
@Injectable()
export class PathwayFigures {
  constructor(private readonly db: Db) {}

  planProgress(ctx: RequestContext, awardId: string): Promise<ReturnPlanItemData[]> {
    return this.db.query<ReturnPlanItemData>(
      ctx,
      `SELECT p.id, p.beneficiary_group AS "beneficiaryGroup", p.description, p.planned_activity AS "plannedActivity",
              p.target_year AS "targetYear", count(pio.outcome_id) FILTER (WHERE ${DELIVERED_SQL('pio', 'p')})::int AS delivered
       FROM impact_plan_item p LEFT JOIN plan_item_outcome pio ON pio.plan_item_id = p.id
       WHERE p.award_id = $1 GROUP BY p.id ORDER BY p.created_at, p.id`,
      [awardId],
    );
  }

  /** How many of the award's evidence items corroborate each outcome (confidential ones counted too). */
  async evidenceCounts(ctx: RequestContext, awardId: string, outcomeIds: string[]): Promise<Map<string, number>> {
    const rows = await this.db.query<{ outcome_id: string; n: number }>(
      ctx,
      `SELECT eo.outcome_id, count(*)::int AS n FROM evidence_outcome eo JOIN evidence e ON e.id = eo.evidence_id
       WHERE e.award_id = $1 AND eo.outcome_id = ANY($2::uuid[]) GROUP BY eo.outcome_id`,
      [awardId, outcomeIds],
    );
    return new Map(rows.map((r) => [r.outcome_id, r.n]));
  }

  async evidence(ctx: RequestContext, awardId: string): Promise<ReturnEvidenceData> {
    const [counts] = await this.db.query<{ total: number; confidential: number }>(
      ctx,
      'SELECT count(*)::int AS total, count(*) FILTER (WHERE confidential)::int AS confidential FROM evidence WHERE award_id = $1',
      [awardId],
    );
    const sources = await this.db.query<ReturnEvidenceSource>(
      ctx,
      `SELECT e.id, e.kind, e.summary, e.quote, e.source_role AS "sourceRole", e.source_organisation AS "sourceOrganisation", e.date, e.url,
              ARRAY(SELECT eo.outcome_id::text FROM evidence_outcome eo JOIN outcome o ON o.id = eo.outcome_id
                    WHERE eo.evidence_id = e.id AND o.deleted_at IS NULL ORDER BY o.created_at, o.id) AS "outcomeIds"
       FROM evidence e WHERE e.award_id = $1 AND NOT e.confidential ORDER BY e.created_at, e.id`,
      [awardId],
    );
    return { total: counts.total, confidentialWithheld: counts.confidential, sources };
  }
}
