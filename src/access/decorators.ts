import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import type { RequestContext, Role } from '../common/request-context.js';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';

/** Open to callers without a token (only /health). Everything else is denied without one. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** Restricts an operation to these roles (on top of the token every operation needs). */
export const Allow = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

export type RequestWithContext = Request & { ctx?: RequestContext; id?: string | number };

export function requestOf(context: ExecutionContext): RequestWithContext {
  if (context.getType<string>() === 'graphql') return GqlExecutionContext.create(context).getContext().req;
  return context.switchToHttp().getRequest();
}

/** The RequestContext the guard built for this request (with the transaction inside a mutation). */
export const Ctx = createParamDecorator((_: unknown, context: ExecutionContext): RequestContext => {
  const ctx = requestOf(context).ctx;
  if (!ctx) throw new Error('RequestContext missing: is the route guarded?');
  return ctx;
});
