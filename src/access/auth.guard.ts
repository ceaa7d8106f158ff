import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { AppError, ErrorCode, forbidden, isDatabaseUnavailable, unauthenticated } from '../common/errors.js';
import { RequestContext, type Role } from '../common/request-context.js';
import { PUBLIC_KEY, ROLES_KEY, requestOf, type RequestWithContext } from './decorators.js';
import { TokensService } from './tokens.service.js';

/** Resolves the bearer token of a request into its RequestContext, or throws UNAUTHENTICATED. */
export async function authenticate(tokens: TokensService, req: RequestWithContext): Promise<RequestContext> {
  if (req.ctx?.caller) return req.ctx;
  const requestId = String(req.id ?? randomUUID());
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers?.authorization ?? '');
  if (!match) throw unauthenticated();
  const caller = await tokens.authenticate(new RequestContext(requestId, null), match[1]);
  if (!caller) throw unauthenticated('The API token is unknown, expired or revoked');
  req.ctx = new RequestContext(requestId, caller);
  return req.ctx;
}

/** For GraphQL's context factory: the whole operation is refused (HTTP 401) before any field runs. */
export async function authenticateRequest(tokens: TokensService, req: RequestWithContext): Promise<void> {
  try {
    await authenticate(tokens, req);
  } catch (e) {
    // The token lookup is the request's first statement: an outage shows here first, and is no server bug (503).
    if (isDatabaseUnavailable(e)) {
      throw new GraphQLError('The database is not available; try again shortly', {
        extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } },
      });
    }
    if (!(e instanceof AppError)) throw e;
    throw new GraphQLError(e.message, { extensions: { code: e.code, http: { status: 401 } } });
  }
}

/**
 * The one global guard: deny by default. Every resolver and HTTP route needs a valid bearer token unless marked
 * @Public(); @Allow(...) narrows it to roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const ctx = await authenticate(this.tokens, requestOf(context));
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(ctx.caller!.role)) {
      throw forbidden(`This operation needs one of the roles ${roles.join(', ')}`);
    }
    return true;
  }
}
