import { Injectable } from '@nestjs/common';
import { badField, conflict, isUniqueViolation, notFound } from '../common/errors.js';
import type { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.service.js';
import { Person } from '../awards/person.entity.js';
import { Organisation } from './organisation.entity.js';
import { Role, User } from './user.entity.js';

@Injectable()
export class UsersService {
  constructor(private readonly db: Db) {}

  async create(ctx: RequestContext, input: { email: string; name: string; role: Role; organisationId?: string | null; personId?: string | null }): Promise<User> {
    if (input.role !== Role.ADMIN && !input.organisationId) {
      throw badField('input.organisationId', `a ${input.role} user belongs to an organisation`);
    }
    if (input.organisationId && !(await this.db.repo(ctx, Organisation).existsBy({ id: input.organisationId }))) {
      throw badField('input.organisationId', 'no such organisation');
    }
    if (input.personId && !(await this.db.repo(ctx, Person).existsBy({ id: input.personId }))) {
      throw badField('input.personId', 'no such person');
    }
    try {
      return await this.db.repo(ctx, User).save({
        email: input.email.trim().toLowerCase(),
        name: input.name.trim(),
        role: input.role,
        organisationId: input.organisationId ?? null,
        personId: input.personId ?? null,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict(`A user with e-mail ${input.email} exists already`);
      throw e;
    }
  }

  async get(ctx: RequestContext, id: string): Promise<User> {
    const user = await this.db.repo(ctx, User).findOne({ where: { id }, relations: { organisation: true, person: true } });
    if (!user) throw notFound('User');
    return user;
  }
}
