import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError, ErrorCode } from '../common/errors.js';
import { PUBLIC_KEY, requestOf } from './decorators.js';

/**
 * Rate limit per API token (per IP before authentication), across all operations: one budget per caller per
 * minute. Counters live in each replica's memory, so behind a load balancer the limit is per replica.
 * (@nestjs/throttler is CommonJS requiring ESM-only @nestjs/common, which Jest's module loader cannot run.)
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly limiter: RateLimiterMemory;

  constructor(
    private readonly reflector: Reflector,
    config: ConfigService,
  ) {
    this.limiter = new RateLimiterMemory({ points: config.get<number>('RATE_LIMIT_PER_MINUTE') ?? 600, duration: 60 });
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [context.getHandler(), context.getClass()])) return true;
    const req = requestOf(context) as ReturnType<typeof requestOf> & { ip?: string; rateLimited?: boolean };
    // One request is one point, however many root fields it has.
    if (req.rateLimited !== undefined) {
      if (req.rateLimited) throw this.refusal();
      return true;
    }
    const key = req.ctx?.caller?.tokenId ?? req.ctx?.caller?.userId ?? req.ip ?? 'unknown';
    try {
      await this.limiter.consume(key);
      req.rateLimited = false;
      return true;
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      req.rateLimited = true;
      throw this.refusal(Math.ceil(e.msBeforeNext / 1000));
    }
  }

  private refusal(retryAfter?: number): AppError {
    return new AppError(ErrorCode.RATE_LIMITED, `Too many requests${retryAfter ? `: retry in ${retryAfter} s` : ''}`);
  }
}
