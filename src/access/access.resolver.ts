import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context.js';
import { ApiToken } from './api-token.entity.js';
import { ApiTokenInput, OrganisationInput, UserInput } from './access.inputs.js';
import { CreatedApiToken } from './access.models.js';
import { Allow, Ctx } from './decorators.js';
import { Organisation } from './organisation.entity.js';
import { OrganisationsService } from './organisations.service.js';
import { TokensService } from './tokens.service.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

@Resolver()
export class AccessResolver {
  constructor(
    private readonly users: UsersService,
    private readonly organisations: OrganisationsService,
    private readonly tokens: TokensService,
  ) {}

  @Query(() => User, { description: 'The caller: the user the API token belongs to.' })
  me(@Ctx() ctx: RequestContext): Promise<User> {
    return this.users.get(ctx, ctx.caller!.userId);
  }

  @Mutation(() => Organisation, { description: 'Records an organisation (admins and impact officers).' })
  @Allow('ADMIN', 'IMPACT_OFFICER')
  createOrganisation(@Ctx() ctx: RequestContext, @Args('input') input: OrganisationInput): Promise<Organisation> {
    return this.organisations.create(ctx, input);
  }

  @Mutation(() => User, { description: 'Creates a user (admins).' })
  @Allow('ADMIN')
  createUser(@Ctx() ctx: RequestContext, @Args('input') input: UserInput): Promise<User> {
    return this.users.create(ctx, input);
  }

  @Mutation(() => CreatedApiToken, { description: 'Creates an API token for a user (admins; or a user for themself). The secret is returned once.' })
  createApiToken(@Ctx() ctx: RequestContext, @Args('input') input: ApiTokenInput): Promise<CreatedApiToken> {
    return this.tokens.create(ctx, input);
  }

  @Mutation(() => ApiToken, { description: 'Revokes an API token at once.' })
  revokeApiToken(@Ctx() ctx: RequestContext, @Args('id', { type: () => ID }) id: string): Promise<ApiToken> {
    return this.tokens.revoke(ctx, id);
  }

  @Query(() => [ApiToken], { description: "API tokens (never their secrets): the caller's own, or a user's (admins)." })
  apiTokens(
    @Ctx() ctx: RequestContext,
    @Args('userId', { type: () => ID, nullable: true }) userId?: string | null,
  ): Promise<ApiToken[]> {
    return this.tokens.list(ctx, userId);
  }
}
