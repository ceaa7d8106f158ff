import { Injectable } from '@nestjs/common';
import { OrganisationsService } from '../access/organisations.service.js';
import { awardScopeSql, awardWriteScopeSql } from '../access/scope.js';
import { User } from '../access/user.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { badField, badInput, conflict, forbidden, isUniqueViolation, notFound, type FieldError } from '../common/errors.js';
import { formatAmount } from '../common/money.js';
import type { RequestContext } from '../common/request-context.js';
import { cleanName, cleanText } from '../common/text.js';
import { isUuid } from '../common/validators.js';
import { Db } from '../database/db.service.js';
import { AwardMember } from './award-member.entity.js';
import { AwardPerson } from './award-person.entity.js';
import { normaliseReference } from './award-lookup.js';
import { AwardRole, AwardStatus } from './award.enums.js';
import type { AwardFilter, AwardInput, AwardPersonInput, UpdateAwardInput } from './award.inputs.js';
import { Award } from './award.entity.js';
import { Person } from './person.entity.js';

type AwardChanges = Partial<UpdateAwardInput> & { reference?: string };

@Injectable()
export class AwardsService {
  constructor(
    private readonly db: Db,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  async get(ctx: RequestContext, reference: string): Promise<Award | null> {
    const params: unknown[] = [normaliseReference(reference)];
    const [row] = await this.db.query<{ id: string }>(ctx, `SELECT a.id FROM award a WHERE a.reference = $1 AND ${awardScopeSql(ctx, 'a', params)}`, params);
    return row ? this.db.repo(ctx, Award).findOneBy({ id: row.id }) : null;
  }

  async list(ctx: RequestContext, filter: AwardFilter | null | undefined, skip: number, take: number): Promise<{ items: Award[]; totalItems: number }> {
    const params: unknown[] = [];
    const p = (v: unknown) => (params.push(v), `$${params.length}`);
    const conds = [awardScopeSql(ctx, 'a', params)];
    if (filter?.search?.trim()) conds.push(`(a.reference ILIKE ${p(`%${filter.search.trim()}%`)} OR a.title ILIKE $${params.length})`);
    if (filter?.funder?.trim()) conds.push(`a.funder_id IN (SELECT id FROM organisation WHERE name_key = lower(${p(cleanName(filter.funder))}))`);
    if (filter?.organisationId) conds.push(`a.lead_organisation_id = ${p(filter.organisationId)}`);
    if (filter?.status) conds.push(`a.status = ${p(filter.status)}`);
    const where = conds.join(' AND ');
    const filterParams = [...params];
    const rows = await this.db.query<{ id: string; total: number }>(
      ctx,
      `SELECT a.id, count(*) OVER ()::int AS total FROM award a WHERE ${where}
       ORDER BY a.reference OFFSET ${p(skip)} LIMIT ${p(take)}`,
      params,
    );
    // a page past the end has no row to carry the total: count on its own
    const totalItems = rows[0]?.total ?? (skip > 0 ? (await this.db.query<{ n: number }>(ctx, `SELECT count(*)::int AS n FROM award a WHERE ${where}`, filterParams))[0].n : 0);
    const byId = await this.db.byIds(ctx, Award, rows.map((r) => r.id));
    return { items: rows.map((r) => byId.get(r.id)!), totalItems };
  }

  async create(ctx: RequestContext, input: AwardInput): Promise<Award> {
    const caller = ctx.caller!;
    if (caller.role !== 'ADMIN' && caller.role !== 'IMPACT_OFFICER') throw forbidden('Only admins and impact officers create awards');
    const award = this.db.repo(ctx, Award).create({
      reference: normaliseReference(input.reference),
      version: 1,
      status: AwardStatus.ACTIVE,
      createdBy: ctx.actor,
      updatedBy: ctx.actor,
    });
    await this.apply(ctx, award, input);
    // An impact officer's awards are their organisation's: they could not see one led by another.
    if (caller.role === 'IMPACT_OFFICER' && award.leadOrganisationId !== caller.organisationId) {
      if (input.leadOrganisation) throw badField('input.leadOrganisation', 'impact officers create awards led by their own organisation');
      award.leadOrganisationId = caller.organisationId;
    }
    try {
      await this.db.repo(ctx, Award).insert(award);
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`An award with reference ${award.reference} exists already`);
      throw e;
    }
    if (input.people) await this.setPeople(ctx, award.id, input.people);
    await this.audit.record(ctx, 'CREATE', 'Award', award.id, null, this.snapshot(award));
    return award;
  }

  async update(ctx: RequestContext, reference: string, expectedVersion: number, input: UpdateAwardInput): Promise<Award> {
    const params: unknown[] = [normaliseReference(reference)];
    const read = awardScopeSql(ctx, 'a', params);
    const write = awardWriteScopeSql(ctx, 'a', params);
    const [row] = await this.db.query<{ id: string; writable: boolean }>(
      ctx, `SELECT a.id, (${write} AND $${params.length + 1}::boolean) AS writable FROM award a WHERE a.reference = $1 AND ${read} FOR UPDATE`,
      [...params, ctx.caller?.role !== 'RESEARCHER'],
    );
    if (!row) throw notFound(`Award ${reference}`);
    if (!row.writable) throw forbidden('Only admins and impact officers of the lead organisation change awards');
    const award = (await this.db.repo(ctx, Award).findOneBy({ id: row.id }))!;
    if (award.version !== expectedVersion) {
      throw conflict(`Award ${award.reference} is at version ${award.version}, not ${expectedVersion}: reload and retry`);
    }
    const before = this.snapshot(award);
    await this.apply(ctx, award, input);
    award.version += 1;
    award.updatedBy = ctx.actor;
    await this.db.repo(ctx, Award).save(award);
    if (input.people) await this.setPeople(ctx, award.id, input.people);
    await this.audit.record(ctx, 'UPDATE', 'Award', award.id, before, this.snapshot(award));
    return award;
  }

  /** Copies given fields (explicit null clears), resolving organisation names; checks the dates' order. */
  private async apply(ctx: RequestContext, award: Award, input: AwardChanges): Promise<void> {
    const has = (k: keyof AwardChanges) => input[k] !== undefined;
    if (has('title')) award.title = cleanText(input.title)!;
    for (const [key, rel] of [['funder', 'funderId'], ['leadOrganisation', 'leadOrganisationId']] as const) {
      if (!has(key)) continue;
      const name = input[key];
      award[rel] = name && cleanName(name) ? (await this.organisations.resolveName(ctx, name)).id : null;
    }
    if (has('department')) award.department = cleanText(input.department);
    if (has('startDate')) award.startDate = input.startDate ?? null;
    if (has('endDate')) award.endDate = input.endDate ?? null;
    if (has('value')) {
      award.valueAmount = input.value ? formatAmount(input.value.amount, input.value.currency) : null;
      award.valueCurrency = input.value?.currency ?? null;
    }
    if (has('status')) award.status = input.status ?? AwardStatus.ACTIVE;
    if (has('abstract')) award.abstract = cleanText(input.abstract);
    if (has('plannedImpact')) award.plannedImpact = cleanText(input.plannedImpact);
    const problems: FieldError[] = [];
    // blank once trimmed ("\n\t") or an explicit null: the column is required (this was a NOT NULL violation, a 500)
    if (!award.title) problems.push({ path: 'input.title', message: 'title is required and must not be blank' });
    input.people?.forEach((p, i) => {
      if (!cleanName(p.name)) problems.push({ path: `input.people[${i}].name`, message: 'name must not be blank' });
    });
    if (award.startDate && award.endDate && award.endDate < award.startDate) problems.push({ path: 'input.endDate', message: 'endDate must not be before startDate' });
    if (problems.length) throw badInput(problems);
  }

  private async setPeople(ctx: RequestContext, awardId: string, people: AwardPersonInput[]): Promise<void> {
    await this.db.repo(ctx, AwardPerson).delete({ awardId });
    for (const p of people) {
      const orcid = p.orcid ? p.orcid.trim().replace(/^https?:\/\/orcid\.org\//, '') : null;
      let person = orcid ? await this.db.repo(ctx, Person).findOneBy({ orcid }) : null;
      person ??= await this.db.repo(ctx, Person).save({ name: cleanName(p.name)!, orcid });
      await this.db.repo(ctx, AwardPerson).upsert({ awardId, personId: person.id, role: p.role }, ['awardId', 'personId']);
    }
  }

  async addMember(ctx: RequestContext, reference: string, userId: string, role: AwardRole): Promise<Award> {
    const params: unknown[] = [normaliseReference(reference)];
    const read = awardScopeSql(ctx, 'a', params);
    const write = awardWriteScopeSql(ctx, 'a', params);
    const [row] = await this.db.query<{ id: string; writable: boolean }>(ctx, `SELECT a.id, (${write}) AS writable FROM award a WHERE a.reference = $1 AND ${read}`, params);
    if (!row) throw badField('awardReference', `unknown award reference "${reference}"`);
    if (!row.writable || ctx.caller?.role === 'RESEARCHER') throw forbidden('Only admins and impact officers manage award teams');
    const user = isUuid(userId) ? await this.db.repo(ctx, User).findOneBy({ id: userId }) : null;
    if (!user) throw badField('userId', 'no such user');
    await this.db.repo(ctx, AwardMember).upsert({ awardId: row.id, userId, role }, ['awardId', 'userId']);
    await this.db.query(ctx, 'UPDATE award SET version = version + 1, updated_at = now(), updated_by = $2 WHERE id = $1', [row.id, ctx.actor]);
    await this.audit.record(ctx, 'UPDATE', 'Award', row.id, null, { member: { userId, role } });
    return (await this.db.repo(ctx, Award).findOneBy({ id: row.id }))!;
  }

  snapshot(a: Award): Record<string, unknown> {
    return {
      reference: a.reference, title: a.title, funderId: a.funderId, leadOrganisationId: a.leadOrganisationId,
      department: a.department, startDate: a.startDate, endDate: a.endDate,
      value: a.valueAmount ? { amount: a.valueAmount, currency: a.valueCurrency } : null, status: a.status,
      abstract: a.abstract, plannedImpact: a.plannedImpact, version: a.version,
    };
  }
}
