import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { countryCodeOf } from '../common/country.js';
import { badField, conflict, isUniqueViolation } from '../common/errors.js';
import type { RequestContext } from '../common/request-context.js';
import { cleanName, cleanText, nameKey } from '../common/text.js';
import { Db } from '../database/db.service.js';
import { Organisation } from './organisation.entity.js';

export interface OrganisationFields {
  name: string;
  sector?: string | null;
  country?: string | null;
  rorId?: string | null;
}

@Injectable()
export class OrganisationsService {
  constructor(private readonly db: Db) {}

  async create(ctx: RequestContext, input: OrganisationFields): Promise<Organisation> {
    const name = cleanName(input.name);
    if (!name) throw badField('input.name', 'name must not be empty');
    try {
      return await this.db.repo(ctx, Organisation).save({
        name,
        nameKey: nameKey(name),
        sector: input.sector ?? null,
        country: cleanText(input.country),
        countryCode: countryCodeOf(input.country),
        rorId: input.rorId ? input.rorId.replace(/^(?!https:)/, 'https://ror.org/') : null,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`An organisation named "${name}" exists already`);
      throw e;
    }
  }

  findById(ctx: RequestContext, id: string): Promise<Organisation | null> {
    return this.db.repo(ctx, Organisation).findOneBy({ id });
  }

  /**
   * Organisations named by inputs: found case- and space-insensitively or created, never duplicated, in two
   * statements whatever the number of names (imports name thousands).
   */
  async resolveNames(ctx: RequestContext, names: string[]): Promise<Map<string, Organisation>> {
    const wanted = new Map<string, string>();
    for (const n of names) {
      const clean = cleanName(n);
      if (clean) wanted.set(nameKey(clean), clean);
    }
    if (!wanted.size) return new Map();
    const keys = [...wanted.keys()];
    await this.db.query(
      ctx,
      `INSERT INTO organisation (name, name_key)
       SELECT n, k FROM unnest($1::text[], $2::text[]) AS t(n, k)
       ON CONFLICT (name_key) DO NOTHING`,
      [[...wanted.values()], keys],
    );
    const found = await this.db.repo(ctx, Organisation).findBy({ nameKey: In(keys) });
    return new Map(found.map((o) => [o.nameKey, o]));
  }

  async resolveName(ctx: RequestContext, name: string): Promise<Organisation> {
    const map = await this.resolveNames(ctx, [name]);
    const org = map.get(nameKey(cleanName(name) ?? ''));
    if (!org) throw badField('organisation', 'organisation name must not be empty');
    return org;
  }
}
