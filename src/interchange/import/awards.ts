/**
 * The awards an import attributes to: looked up in one statement per batch with the caller's read and write
 * scope (AwardLookup's rules), and created through AwardsService.create (its rules: admins and impact officers
 * only) when the source describes an award that does not exist yet.
 */
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { awardScopeSql, awardWriteScopeSql } from '../../access/scope.js';
import { normaliseReference } from '../../awards/award-lookup.js';
import { AwardInput } from '../../awards/award.inputs.js';
import type { AwardsService } from '../../awards/awards.service.js';
import { AppError, forbidden } from '../../common/errors.js';
import type { RequestContext } from '../../common/request-context.js';
import type { Db } from '../../database/db.service.js';
import { funderOfReference } from '../fields.js';
import { textOf } from '../values.js';
import type { ImportAward, ProblemSink } from './types.js';

type Resolution = { id: string } | { reason: string };

export class ImportAwards {
  private readonly cache = new Map<string, Resolution>();
  private readonly described = new Map<string, ImportAward>();
  created = 0;

  constructor(
    private readonly ctx: RequestContext,
    private readonly db: Db,
    private readonly awards: AwardsService,
    private readonly sink: ProblemSink,
  ) {}

  /** Creates the awards a source describes (page header, Awards sheet, project resources) that are missing. */
  async describe(awards: ImportAward[]): Promise<void> {
    for (const a of awards) this.described.set(normaliseReference(a.reference), a);
    await this.load(awards.map((a) => a.reference));
  }

  /** Looks up (and creates, when described) the awards not seen yet; FORBIDDEN when one is read-only to the caller. */
  async load(references: string[]): Promise<void> {
    const wanted = [...new Set(references.map(normaliseReference))].filter((r) => r && !this.cache.has(r));
    if (!wanted.length) return;
    const params: unknown[] = [wanted];
    const read = awardScopeSql(this.ctx, 'a', params);
    const write = awardWriteScopeSql(this.ctx, 'a', params);
    const rows = await this.db.query<{ id: string; reference: string; readable: boolean; writable: boolean }>(
      this.ctx,
      `SELECT a.id, a.reference, (${read}) AS readable, (${write}) AS writable FROM award a WHERE a.reference = ANY($1::text[])`,
      params,
    );
    const byRef = new Map(rows.map((r) => [r.reference, r]));
    const readOnly = rows.filter((r) => r.readable && !r.writable).map((r) => r.reference);
    if (readOnly.length) throw forbidden(`You may not record or change outcomes of award ${readOnly.join(', ')}`);
    for (const ref of wanted) {
      const row = byRef.get(ref);
      if (row?.readable) this.cache.set(ref, { id: row.id });
      // Another organisation's award: creating it would collide, and using it is not allowed.
      else if (row) this.cache.set(ref, { reason: `award ${ref} belongs to another organisation` });
      else this.cache.set(ref, await this.create(ref));
    }
  }

  /** The award id, or why the reference cannot be used. */
  resolve(reference: string): Resolution {
    return this.cache.get(normaliseReference(reference)) ?? { reason: `unknown award reference "${reference}"` };
  }

  private async create(ref: string): Promise<Resolution> {
    const award = this.described.get(ref);
    if (!award?.title) {
      return { reason: `unknown award reference "${ref}": create the award first, or import a file that describes it` };
    }
    const input = awardInput(award);
    const errors = await validate(plainToInstance(AwardInput, input), { forbidUnknownValues: false, validationError: { target: false } });
    let unsound = false;
    for (const e of errors) {
      const field = e.property as keyof typeof input;
      // Lenient: a bad optional field is left out; without a valid reference or title there is no award.
      const essential = field === 'reference' || field === 'title';
      unsound ||= essential || !this.sink.lenient;
      for (const message of Object.values(e.constraints ?? {})) {
        const suffix = this.sink.lenient && !essential ? '; left empty' : '';
        this.sink.problem({ location: award.location, field: e.property, value: textOf(input[field]), message: message + suffix });
      }
      delete input[field];
    }
    if (unsound) return { reason: `award ${ref} could not be created` };
    const instance = plainToInstance(AwardInput, input);
    try {
      const created = await this.awards.create(this.ctx, instance as AwardInput);
      this.created += 1;
      return { id: created.id };
    } catch (e) {
      // Role refusals end the import; field problems (e.g. an impact officer naming another lead) are reported.
      if (!(e instanceof AppError) || !e.fields) throw e;
      for (const f of e.fields) this.sink.problem({ location: award.location, field: f.path.replace(/^input\./, ''), message: f.message });
      return { reason: `award ${ref} could not be created` };
    }
  }
}

function awardInput(a: ImportAward): Record<string, unknown> {
  const input: Record<string, unknown> = {
    reference: a.reference,
    title: a.title,
    funder: a.funder ?? funderOfReference(a.reference),
    leadOrganisation: a.leadOrganisation,
    department: a.department,
    startDate: a.startDate,
    endDate: a.endDate,
    value: a.value,
    abstract: a.abstract,
    plannedImpact: a.plannedImpact,
    people: a.people?.length ? a.people : undefined,
  };
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== ''));
}
