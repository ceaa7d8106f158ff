import { Injectable } from '@nestjs/common';
import { outcomeScopeSql } from '../access/scope.js';
import { AuditService } from '../audit/audit.service.js';
import { badInput, type FieldError } from '../common/errors.js';
import type { RequestContext } from '../common/request-context.js';
import { cleanText } from '../common/text.js';
import { isUuid } from '../common/validators.js';
import { Db } from '../database/db.service.js';
import { OutcomeReader } from '../outcomes/outcome-reader.js';
import type { OutcomeView } from '../outcomes/outcome.models.js';
import { Evidence } from './evidence.entity.js';
import type { EvidenceInput } from './pathways.inputs.js';
import { PathwayAccess, type ScopedAward } from './pathway-access.js';

/**
 * Corroborating evidence. Confidential items are shown only to those who may change the award (its team, its lead
 * organisation's impact officers, admins): the same rule as awardWriteScopeSql, applied in the query.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly db: Db,
    private readonly access: PathwayAccess,
    private readonly reader: OutcomeReader,
    private readonly audit: AuditService,
  ) {}

  async add(ctx: RequestContext, input: EvidenceInput): Promise<Evidence> {
    const award = await this.access.award(ctx, input.awardReference, 'input.awardReference', { write: true });
    const outcomeIds = await this.checkOutcomes(ctx, award, input.outcomeIds ?? []);
    const evidence = this.db.repo(ctx, Evidence).create({
      awardId: award.id,
      kind: input.kind,
      summary: cleanText(input.summary)!,
      quote: cleanText(input.quote),
      sourceRole: cleanText(input.sourceRole),
      sourceOrganisation: cleanText(input.sourceOrganisation),
      date: input.date ?? null,
      url: input.url?.trim() || null,
      confidential: input.confidential ?? false,
      createdBy: ctx.actor,
    });
    await this.db.repo(ctx, Evidence).save(evidence);
    if (outcomeIds.length) {
      await this.db.query(ctx, 'INSERT INTO evidence_outcome (evidence_id, outcome_id) SELECT $1, unnest($2::uuid[])', [evidence.id, outcomeIds]);
    }
    // Recorded against the evidence itself, not the award: an award's trail is open to its funder.
    await this.audit.record(ctx, 'CREATE', 'Evidence', evidence.id, null, { awardReference: award.reference, ...snapshot(evidence), outcomeIds });
    return evidence;
  }

  /** The evidence of an award the caller may see, in the order recorded. */
  async list(ctx: RequestContext, awardReference: string): Promise<Evidence[]> {
    return this.visible(ctx, await this.access.award(ctx, awardReference, 'awardReference'));
  }

  /** Evidence of an award already scope-checked: confidential items only for those who may change the award. */
  visible(ctx: RequestContext, award: ScopedAward): Promise<Evidence[]> {
    return this.db.repo(ctx, Evidence).find({
      where: award.writable ? { awardId: award.id } : { awardId: award.id, confidential: false },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Outcomes of many evidence items (Evidence.outcomes): live ones still attributed to the evidence's award, one batch per request. */
  outcomesOf(ctx: RequestContext, evidenceId: string): Promise<OutcomeView[]> {
    return ctx
      .loader<string, OutcomeView[]>('evidenceOutcomes', async (ids) => {
        const params: unknown[] = [ids];
        const links = await this.db.query<{ evidence_id: string; outcome_id: string }>(
          ctx,
          `SELECT eo.evidence_id, eo.outcome_id FROM evidence_outcome eo
           JOIN evidence e ON e.id = eo.evidence_id JOIN outcome o ON o.id = eo.outcome_id
           WHERE eo.evidence_id = ANY($1::uuid[]) AND o.deleted_at IS NULL AND ${outcomeScopeSql(ctx, 'o', params)}
             AND EXISTS (SELECT 1 FROM outcome_award oa WHERE oa.outcome_id = o.id AND oa.award_id = e.award_id)
           ORDER BY o.created_at, o.id`,
          params,
        );
        const views = new Map((await this.reader.byIds(ctx, [...new Set(links.map((l) => l.outcome_id))])).map((o) => [o.id, o]));
        return ids.map((id) => links.filter((l) => l.evidence_id === id).map((l) => views.get(l.outcome_id)!));
      })
      .load(evidenceId);
  }

  /** Each id must be a live outcome attributed to the award; every bad one is named as input.outcomeIds[i]. */
  private async checkOutcomes(ctx: RequestContext, award: ScopedAward, ids: string[]): Promise<string[]> {
    const wellFormed = ids.filter(isUuid);
    const rows = wellFormed.length
      ? await this.db.query<{ id: string }>(
          ctx,
          `SELECT o.id FROM outcome o JOIN outcome_award oa ON oa.outcome_id = o.id AND oa.award_id = $1
           WHERE o.id = ANY($2::uuid[]) AND o.deleted_at IS NULL`,
          [award.id, wellFormed],
        )
      : [];
    const found = new Set(rows.map((r) => r.id.toLowerCase()));
    const problems: FieldError[] = ids.flatMap((id, i) =>
      found.has(id.toLowerCase()) ? [] : [{ path: `input.outcomeIds[${i}]`, message: `not a live outcome of award ${award.reference}` }],
    );
    if (problems.length) throw badInput(problems);
    return [...new Set(ids.map((id) => id.toLowerCase()))];
  }
}

function snapshot(e: Evidence): Record<string, unknown> {
  return {
    kind: e.kind, summary: e.summary, quote: e.quote, sourceRole: e.sourceRole, sourceOrganisation: e.sourceOrganisation,
    date: e.date, url: e.url, confidential: e.confidential,
  };
}
