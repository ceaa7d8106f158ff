import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { In } from 'typeorm';
import { Person } from '../awards/person.entity.js';
import type { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.service.js';
import { Ctx } from './decorators.js';
import { Organisation } from './organisation.entity.js';
import { User } from './user.entity.js';

/** A user's organisation and person, batched per request: users appear in lists (award teams). */
@Resolver(() => User)
export class UserResolver {
  constructor(private readonly db: Db) {}

  @ResolveField(() => Organisation, { nullable: true, description: 'The organisation the user belongs to.' })
  organisation(@Ctx() ctx: RequestContext, @Parent() user: User): Promise<Organisation | null> {
    if (!user.organisationId) return Promise.resolve(null);
    return ctx.loader<string, Organisation | null>('userOrganisation', (ids) => this.byIds(ctx, Organisation, ids)).load(user.organisationId);
  }

  @ResolveField(() => Person, { nullable: true, description: 'The person of the award records this user is.' })
  person(@Ctx() ctx: RequestContext, @Parent() user: User): Promise<Person | null> {
    if (!user.personId) return Promise.resolve(null);
    return ctx.loader<string, Person | null>('userPerson', (ids) => this.byIds(ctx, Person, ids)).load(user.personId);
  }

  private async byIds<T extends { id: string }>(ctx: RequestContext, entity: new () => T, ids: readonly string[]): Promise<(T | null)[]> {
    const found = await this.db.repo<T>(ctx, entity).findBy({ id: In([...ids]) } as never);
    const byId = new Map(found.map((x) => [x.id, x]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}
