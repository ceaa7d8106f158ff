import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { awardScopeSql, awardWriteScopeSql } from '../access/scope.js';
import { AuditService } from '../audit/audit.service.js';
import { normaliseReference } from '../awards/award-lookup.js';
import { Award } from '../awards/award.entity.js';
import { canonicalJson, sha256 } from '../common/canonical-json.js';
import { badField, badInput, forbidden, type FieldError } from '../common/errors.js';
import type { RequestContext } from '../common/request-context.js';
import { isUuid } from '../common/validators.js';
import { Db } from '../database/db.service.js';
import { ReturnDocumentBuilder } from './return-document.builder.js';
import { changeCounts } from './return-changes.js';
import type { ReturnDocument } from './return-document.js';
import { AnnualReturn, PortfolioReturn, type ReportingPeriodInput, SubmittedReturnModel } from './returns.models.js';
import { ReportingPeriod } from './reporting-period.entity.js';
import { SubmittedReturn } from './submitted-return.entity.js';
import { SummariesService } from '../summaries/summaries.service.js';

/** Annual returns: live drafts, frozen submissions with checksums, and portfolios; figures come from summaries. */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly db: Db,
    private readonly documents: ReturnDocumentBuilder,
    private readonly summaries: SummariesService,
    private readonly audit: AuditService,
  ) {}

  async createPeriod(ctx: RequestContext, input: ReportingPeriodInput): Promise<ReportingPeriod> {
    const problems: FieldError[] = [];
    if (input.closesAt <= input.opensAt) problems.push({ path: 'input.closesAt', message: 'closesAt must be after opensAt' });
    if (input.coversTo <= input.coversFrom) problems.push({ path: 'input.coversTo', message: 'coversTo must be after coversFrom' });
    if (problems.length) throw badInput(problems);
    const period = await this.db.repo(ctx, ReportingPeriod).save({ ...input, name: input.name.trim(), createdBy: ctx.actor });
    await this.audit.record(ctx, 'CREATE', 'ReportingPeriod', period.id, null, { ...input });
    return period;
  }

  periods(ctx: RequestContext): Promise<ReportingPeriod[]> {
    return this.db.repo(ctx, ReportingPeriod).find({ order: { opensAt: 'DESC', name: 'ASC' } });
  }

  /** The live draft: only the award's team, its impact officers and admins see drafts. */
  async draft(ctx: RequestContext, reference: string, periodId: string): Promise<AnnualReturn> {
    const award = await this.award(ctx, reference, { write: true });
    const period = await this.period(ctx, periodId);
    const document = await this.documents.build(ctx, award, period);
    const [last] = await this.submissions(ctx, award.id, 1);
    return {
      award, period, document, lastSubmitted: last ?? null,
      summary: document.summary, fundingTotals: document.fundingTotals, changes: document.changes,
      warnings: document.warnings,
      outcomes: document.outcomes as AnnualReturn['outcomes'],
      planProgress: document.planProgress ?? [],
      evidenceCounts: { total: document.evidence?.total ?? 0, confidentialWithheld: document.evidence?.confidentialWithheld ?? 0 },
    };
  }

  /**
   * Freezes the draft: only while the period is open (an admin may override, with a reason that is kept). Runs in
   * the mutation's transaction with the award row locked, so concurrent submissions get consecutive versions.
   */
  async submit(ctx: RequestContext, reference: string, periodId: string, overrideReason?: string | null): Promise<SubmittedReturnModel> {
    const award = await this.award(ctx, reference, { write: true, lock: true });
    const period = await this.period(ctx, periodId);
    const now = Date.now();
    const open = period.opensAt.getTime() <= now && now <= period.closesAt.getTime();
    const reason = overrideReason?.trim() || null;
    if (reason && !ctx.isAdmin) throw forbidden('Only admins submit outside the period, with an overrideReason');
    if (!open && !reason) throw forbidden(`The period "${period.name}" is not open for submissions (an admin may pass overrideReason)`);
    const snapshot = JSON.parse(JSON.stringify(await this.documents.build(ctx, award, period))) as ReturnDocument;
    const [{ next }] = await this.db.query<{ next: number }>(
      ctx,
      'SELECT coalesce(max(version), 0) + 1 AS next FROM submitted_return WHERE award_id = $1 AND period_id = $2',
      [award.id, period.id],
    );
    const saved = await this.db.repo(ctx, SubmittedReturn).save({
      awardId: award.id, periodId: period.id, version: next, snapshot: snapshot as unknown as Record<string, unknown>,
      checksum: sha256(canonicalJson(snapshot)), submittedBy: ctx.actor, overrideReason: reason,
    });
    const live = snapshot.outcomes.filter((o) => o.changeStatus !== 'REMOVED');
    await this.db.query(
      ctx,
      `INSERT INTO submitted_return_outcome (submitted_return_id, outcome_id, outcome_version)
       SELECT $1, unnest($2::uuid[]), unnest($3::int[])`,
      [saved.id, live.map((o) => o.outcome.id), live.map((o) => o.outcome.version)],
    );
    await this.audit.record(ctx, 'SUBMIT', 'Award', award.id, null, { submittedReturnId: saved.id, periodId, version: next, checksum: saved.checksum, overrideReason: reason });
    return this.model((await this.db.repo(ctx, SubmittedReturn).findOneBy({ id: saved.id }))!);
  }

  /** Submitted returns of an award, newest first: its readers (funder included) see them. */
  async submitted(ctx: RequestContext, reference: string): Promise<SubmittedReturnModel[]> {
    const award = await this.award(ctx, reference, {});
    return this.submissions(ctx, award.id);
  }

  async submittedById(ctx: RequestContext, id: string): Promise<SubmittedReturnModel | null> {
    const params: unknown[] = [id];
    const rows = await this.db.query<{ id: string }>(
      ctx,
      `SELECT sr.id FROM submitted_return sr JOIN award a ON a.id = sr.award_id WHERE sr.id = $1 AND ${awardScopeSql(ctx, 'a', params)}`,
      params,
    );
    if (!rows.length) return null;
    return this.model((await this.db.repo(ctx, SubmittedReturn).findOneBy({ id }))!);
  }

  async portfolio(ctx: RequestContext, periodId: string, organisationId?: string | null, awardFunder?: string | null): Promise<PortfolioReturn> {
    if (!!organisationId === !!awardFunder?.trim()) {
      throw badInput([{ path: 'organisationId', message: 'give exactly one of organisationId and awardFunder' }]);
    }
    if (organisationId && !isUuid(organisationId)) throw badField('organisationId', 'organisationId must be an organisation id');
    const period = await this.period(ctx, periodId);
    const params: unknown[] = [];
    const scope = awardScopeSql(ctx, 'a', params);
    params.push(organisationId ?? awardFunder!.trim());
    const which = organisationId
      ? `a.lead_organisation_id = $${params.length}`
      : `a.funder_id IN (SELECT id FROM organisation WHERE name_key = lower(regexp_replace(trim($${params.length}), '\\s+', ' ', 'g')))`;
    const ids = (await this.db.query<{ id: string }>(ctx, `SELECT a.id FROM award a WHERE ${scope} AND ${which} ORDER BY a.reference`, params)).map((r) => r.id);
    const filter = organisationId ? { organisationId } : { awardFunder };
    // Independent reads sent together: at funder scale the changes and the summary take most of the time.
    const [awards, subs, changes, summary] = await this.db.all(
      ctx,
      async () => (ids.length ? this.db.repo(ctx, Award).findBy({ id: In(ids) }) : []),
      () => this.latestSubmissions(ctx, ids, period.id),
      () => changeCounts(this.db, ctx, ids),
      () => this.summaries.impactSummary(ctx, filter),
    );
    const byId = new Map(awards.map((a) => [a.id, a]));
    const subByAward = new Map(subs.map((s) => [s.awardId, this.model(s)]));
    return {
      period,
      awards: ids.map((id) => ({ award: byId.get(id)!, submitted: subByAward.get(id) ?? null, changes: changes.get(id)! })),
      summary,
      // the same totals as fundingTotals(filter) would compute again: the same awards, live records counted once
      fundingTotals: summary.furtherFunding,
    };
  }

  /** The latest submission in the period of each award that has one. */
  private async latestSubmissions(ctx: RequestContext, awardIds: string[], periodId: string): Promise<SubmittedReturn[]> {
    const latest = await this.db.query<{ id: string }>(
      ctx,
      `SELECT DISTINCT ON (award_id) id FROM submitted_return WHERE award_id = ANY($1::uuid[]) AND period_id = $2
       ORDER BY award_id, version DESC`,
      [awardIds, periodId],
    );
    return latest.length ? this.db.repo(ctx, SubmittedReturn).findBy({ id: In(latest.map((l) => l.id)) }) : [];
  }

  private async submissions(ctx: RequestContext, awardId: string, limit?: number): Promise<SubmittedReturnModel[]> {
    const rows = await this.db.repo(ctx, SubmittedReturn).find({ where: { awardId }, order: { submittedAt: 'DESC', version: 'DESC' }, take: limit });
    return rows.map((r) => this.model(r));
  }

  private model(r: SubmittedReturn): SubmittedReturnModel {
    return {
      id: r.id, version: r.version, checksum: r.checksum, submittedAt: r.submittedAt, submittedBy: r.submittedBy,
      overrideReason: r.overrideReason, snapshot: r.snapshot as unknown as ReturnDocument, awardId: r.awardId, periodId: r.periodId,
    };
  }

  /** The award named in an argument: unknown/out of scope is BAD_USER_INPUT, read-only is FORBIDDEN. */
  private async award(ctx: RequestContext, reference: string, opts: { write?: boolean; lock?: boolean }): Promise<Award> {
    const params: unknown[] = [normaliseReference(reference)];
    const read = awardScopeSql(ctx, 'a', params);
    const write = awardWriteScopeSql(ctx, 'a', params);
    const [row] = await this.db.query<{ id: string; writable: boolean }>(
      ctx,
      `SELECT a.id, (${write}) AS writable FROM award a WHERE a.reference = $1 AND ${read}${opts.lock ? ' FOR UPDATE OF a' : ''}`,
      params,
    );
    if (!row) throw badField('awardReference', `unknown award reference "${reference}"`);
    if (opts.write && !row.writable) throw forbidden("Drafts are for the award's team, its impact officers and admins");
    return (await this.db.repo(ctx, Award).findOneBy({ id: row.id }))!;
  }

  private async period(ctx: RequestContext, id: string): Promise<ReportingPeriod> {
    const period = isUuid(id) ? await this.db.repo(ctx, ReportingPeriod).findOneBy({ id }) : null;
    if (!period) throw badField('periodId', 'unknown reporting period');
    return period;
  }
}
