import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { outcomeScopeSql } from '../access/scope.js';
import { AuditService } from '../audit/audit.service.js';
import { Award } from '../awards/award.entity.js';
import { badField, notFound } from '../common/errors.js';
import type { RequestContext } from '../common/request-context.js';
import { cleanText } from '../common/text.js';
import { isUuid } from '../common/validators.js';
import { Db } from '../database/db.service.js';
import { OutcomeReader } from '../outcomes/outcome-reader.js';
import type { OutcomeView } from '../outcomes/outcome.models.js';
import { ImpactPlanItem } from './impact-plan.entity.js';
import type { ImpactPlanItemInput } from './pathways.inputs.js';
import type { PathwayProgress } from './pathways.models.js';
import { PathwayAccess } from './pathway-access.js';

/**
 * A delivered link counts while its outcome is live and still attributed to the plan item's award: deleting or
 * unattributing an outcome takes it out of the plan's progress without touching the link (restoring brings it back).
 */
export const DELIVERED_SQL = (link: string, item: string) => `EXISTS (SELECT 1 FROM outcome dlo JOIN outcome_award dla ON dla.outcome_id = dlo.id
  WHERE dlo.id = ${link}.outcome_id AND dlo.deleted_at IS NULL AND dla.award_id = ${item}.award_id)`;

const ITEM_ORDER = { createdAt: 'ASC', id: 'ASC' } as const;

/** Impact plans (pathways to impact): items planned per beneficiary group, and the outcomes that delivered them. */
@Injectable()
export class ImpactPlanService {
  constructor(
    private readonly db: Db,
    private readonly access: PathwayAccess,
    private readonly reader: OutcomeReader,
    private readonly audit: AuditService,
  ) {}

  async add(ctx: RequestContext, awardReference: string, input: ImpactPlanItemInput): Promise<ImpactPlanItem> {
    const award = await this.access.award(ctx, awardReference, 'awardReference', { write: true });
    const item = this.db.repo(ctx, ImpactPlanItem).create({
      awardId: award.id,
      beneficiaryGroup: cleanText(input.beneficiaryGroup)!,
      description: cleanText(input.description)!,
      plannedActivity: cleanText(input.plannedActivity),
      targetYear: input.targetYear ?? null,
      createdBy: ctx.actor,
    });
    await this.db.repo(ctx, ImpactPlanItem).save(item);
    await this.audit.record(ctx, 'CREATE', 'ImpactPlanItem', item.id, null, { awardReference: award.reference, ...snapshot(item) });
    return item;
  }

  /**
   * Records that an outcome delivered a plan item. Idempotent: linking again changes nothing and records no event.
   * The outcome must be readable (else NOT_FOUND, as for any id) and attributed to the item's award.
   */
  async link(ctx: RequestContext, outcomeId: string, planItemId: string): Promise<ImpactPlanItem> {
    const item = await this.access.writablePlanItem(ctx, planItemId);
    if (!isUuid(outcomeId)) throw notFound(`Outcome ${outcomeId}`);
    const params: unknown[] = [outcomeId, item.awardId];
    const [outcome] = await this.db.query<{ deleted: boolean; attributed: boolean }>(
      ctx,
      `SELECT o.deleted_at IS NOT NULL AS deleted,
              EXISTS (SELECT 1 FROM outcome_award oa WHERE oa.outcome_id = o.id AND oa.award_id = $2) AS attributed
       FROM outcome o WHERE o.id = $1 AND ${outcomeScopeSql(ctx, 'o', params)}`,
      params,
    );
    if (!outcome) throw notFound(`Outcome ${outcomeId}`);
    if (outcome.deleted) throw notFound(`Outcome ${outcomeId} (deleted; restore it first)`);
    if (!outcome.attributed) throw badField('outcomeId', `the outcome is not attributed to award ${item.awardReference}, whose plan this item is`);
    const inserted = await this.db.query(
      ctx,
      `INSERT INTO plan_item_outcome (plan_item_id, outcome_id, created_by) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING outcome_id`,
      [item.id, outcomeId, ctx.actor],
    );
    if (inserted.length) {
      await this.audit.record(ctx, 'ATTRIBUTE', 'ImpactPlanItem', item.id, null, { awardReference: item.awardReference, deliveredBy: outcomeId });
    }
    return (await this.db.repo(ctx, ImpactPlanItem).findOneBy({ id: item.id }))!;
  }

  /** Every item of the award's plan with its delivered outcomes: two statements for the plan, one for the outcomes. */
  async progress(ctx: RequestContext, awardReference: string): Promise<PathwayProgress> {
    const scoped = await this.access.award(ctx, awardReference, 'awardReference');
    const items = await this.db.repo(ctx, ImpactPlanItem).find({ where: { awardId: scoped.id }, order: ITEM_ORDER });
    const links = await this.db.query<{ plan_item_id: string; outcome_id: string }>(
      ctx,
      `SELECT pio.plan_item_id, pio.outcome_id FROM plan_item_outcome pio
       JOIN impact_plan_item p ON p.id = pio.plan_item_id JOIN outcome o ON o.id = pio.outcome_id
       WHERE p.award_id = $1 AND ${DELIVERED_SQL('pio', 'p')} ORDER BY o.created_at, o.id`,
      [scoped.id],
    );
    const outcomes = await this.reader.byIds(ctx, [...new Set(links.map((l) => l.outcome_id))]);
    const byId = new Map(outcomes.map((o) => [o.id, o]));
    const delivered = (itemId: string): OutcomeView[] => links.filter((l) => l.plan_item_id === itemId).map((l) => byId.get(l.outcome_id)!);
    return {
      award: (await this.db.repo(ctx, Award).findOneBy({ id: scoped.id }))!,
      items: items.map((item) => ({ id: item.id, item, delivered: delivered(item.id) })),
    };
  }

  /** The plans of many awards (Award.impactPlan): one batched query per request. */
  planOf(ctx: RequestContext, awardId: string): Promise<ImpactPlanItem[]> {
    return ctx
      .loader<string, ImpactPlanItem[]>('impactPlan', async (ids) => {
        const rows = await this.db.repo(ctx, ImpactPlanItem).find({ where: { awardId: In([...ids]) }, order: ITEM_ORDER });
        return ids.map((id) => rows.filter((r) => r.awardId === id));
      })
      .load(awardId);
  }
}

function snapshot(i: ImpactPlanItem): Record<string, unknown> {
  return { beneficiaryGroup: i.beneficiaryGroup, description: i.description, plannedActivity: i.plannedActivity, targetYear: i.targetYear };
}
