import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
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
    return this.db.loadById(ctx, Organisation, user.organisationId);
  }

  @ResolveField(() => Person, { nullable: true, description: 'The person of the award records this user is.' })
  person(@Ctx() ctx: RequestContext, @Parent() user: User): Promise<Person | null> {
    if (!user.personId) return Promise.resolve(null);
    return this.db.loadById(ctx, Person, user.personId);
  }
}
