import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, randomBytes } from 'node:crypto';
import { IsNull } from 'typeorm';
import { notFound, forbidden } from '../common/errors.js';
import { RequestContext, type Caller } from '../common/request-context.js';
import { Db } from '../database/db.service.js';
import { ApiToken } from './api-token.entity.js';
import { Role, User } from './user.entity.js';

export const TOKEN_PREFIX = 'kit_';
const BOOTSTRAP_EMAIL = 'bootstrap-admin@localhost';

export const hashToken = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

@Injectable()
export class TokensService implements OnApplicationBootstrap {
  private readonly log = new Logger('access');

  constructor(
    private readonly db: Db,
    private readonly config: ConfigService,
  ) {}

  /** The caller a bearer secret stands for, or null when it is unknown, revoked or expired. */
  async authenticate(ctx: RequestContext, secret: string): Promise<Caller | null> {
    // Every request runs this: one plain statement (TypeORM's findOne with a relation sends two, and builds them).
    const [token] = await this.db.query<Caller & { revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null }>(
      ctx,
      `SELECT t.id AS "tokenId", t.revoked_at AS "revokedAt", t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt",
         u.id AS "userId", u.email, u.name, u.role, u.organisation_id AS "organisationId"
       FROM api_token t JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = $1`,
      [hashToken(secret)],
    );
    if (!token || token.revokedAt || (token.expiresAt && token.expiresAt.getTime() <= Date.now())) return null;
    // Recorded to the minute: a write per request would cost more than it tells.
    if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
      this.db
        .repo(ctx, ApiToken)
        .update({ id: token.tokenId! }, { lastUsedAt: new Date() })
        .catch(() => undefined);
    }
    const { userId, tokenId, email, name, role, organisationId } = token;
    return { userId, tokenId, email, name, role, organisationId };
  }

  async create(
    ctx: RequestContext,
    input: { userId: string; name: string; expiresAt?: Date | null },
    secret = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`,
  ): Promise<{ token: string; apiToken: ApiToken }> {
    const caller = ctx.caller;
    if (!caller || (caller.role !== Role.ADMIN && caller.userId !== input.userId)) throw notFound('User');
    const user = await this.db.repo(ctx, User).findOneBy({ id: input.userId });
    if (!user) throw notFound('User');
    const apiToken = await this.db.repo(ctx, ApiToken).save(
      this.db.repo(ctx, ApiToken).create({
        name: input.name,
        prefix: secret.slice(0, 12),
        tokenHash: hashToken(secret),
        userId: user.id,
        expiresAt: input.expiresAt ?? null,
      }),
    );
    return { token: secret, apiToken };
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiToken> {
    const token = await this.db.repo(ctx, ApiToken).findOneBy({ id });
    if (!token || (!ctx.isAdmin && token.userId !== ctx.caller?.userId)) throw notFound('API token');
    if (!token.revokedAt) {
      token.revokedAt = new Date();
      await this.db.repo(ctx, ApiToken).save(token);
    }
    return token;
  }

  async list(ctx: RequestContext, userId?: string | null): Promise<ApiToken[]> {
    const own = ctx.caller?.userId;
    if (userId && userId !== own && !ctx.isAdmin) throw forbidden('Only admins list other users\' tokens');
    return this.db.repo(ctx, ApiToken).find({ where: { userId: userId ?? own }, order: { createdAt: 'ASC' } });
  }

  /** BOOTSTRAP_ADMIN_TOKEN: the first admin token, created once (as a hash) so a new install can be used. */
  async onApplicationBootstrap(): Promise<void> {
    const secret = this.config.get<string>('BOOTSTRAP_ADMIN_TOKEN');
    if (!secret) return;
    const ctx = RequestContext.system('bootstrap');
    await this.db.transaction(ctx, async (tx) => {
      if (await this.db.repo(tx, ApiToken).existsBy({ tokenHash: hashToken(secret) })) return;
      let admin = await this.db.repo(tx, User).findOneBy({ email: BOOTSTRAP_EMAIL, organisationId: IsNull() });
      admin ??= await this.db.repo(tx, User).save({ email: BOOTSTRAP_EMAIL, name: 'Bootstrap admin', role: Role.ADMIN });
      await this.db.repo(tx, ApiToken).save({
        name: 'bootstrap',
        // No characters of an operator-chosen secret are shown.
        prefix: 'bootstrap',
        tokenHash: hashToken(secret),
        userId: admin.id,
      });
      this.log.log('created the bootstrap admin API token');
    });
  }
}
