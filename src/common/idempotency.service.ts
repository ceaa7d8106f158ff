import { Injectable } from '@nestjs/common';
import { canonicalJson, sha256 } from './canonical-json.js';
import { badField, conflict } from './errors.js';
import type { RequestContext } from './request-context.js';
import { Db } from '../database/db.service.js';

/** Keys are kept at least this long; an older key may be reused for a new request. */
const KEEP = "interval '24 hours'";
const MAX_KEY = 200;

@Injectable()
export class IdempotencyService {
  constructor(private readonly db: Db) {}

  /**
   * Runs `fn` once per (caller, operation, key). The same key with the same arguments returns the first result
   * and writes nothing; with other arguments it is CONFLICT. Must run inside the mutation's transaction: a
   * concurrent retry blocks on the key's row until the first commits, then reads its result.
   */
  async run<T extends Record<string, unknown>>(
    ctx: RequestContext,
    operation: string,
    key: string | null | undefined,
    args: unknown,
    fn: () => Promise<T>,
  ): Promise<T> {
    if (!key) return fn();
    // the column is varchar(200): a longer key is the caller's mistake, not a database failure
    if (key.length > MAX_KEY) throw badField('idempotencyKey', `idempotencyKey must be at most ${MAX_KEY} characters`);
    const userId = ctx.caller!.userId;
    const hash = sha256(canonicalJson(args));
    const claimed = await this.db.query(
      ctx,
      `INSERT INTO idempotency_key (user_id, operation, key, request_hash, result) VALUES ($1, $2, $3, $4, '{}')
       ON CONFLICT (user_id, operation, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, result = '{}', created_at = now()
         WHERE idempotency_key.created_at < now() - ${KEEP}
       RETURNING 1`,
      [userId, operation, key, hash],
    );
    if (!claimed.length) {
      const [prior] = await this.db.query<{ request_hash: string; result: T }>(
        ctx,
        'SELECT request_hash, result FROM idempotency_key WHERE user_id = $1 AND operation = $2 AND key = $3',
        [userId, operation, key],
      );
      if (prior.request_hash !== hash) {
        throw conflict(`idempotencyKey "${key}" was already used for ${operation} with other arguments`);
      }
      return prior.result;
    }
    // Now and then, forget keys well past their 24 hours, so the table does not grow without end.
    if (Math.random() < 0.01) {
      await this.db.query(ctx, `DELETE FROM idempotency_key WHERE created_at < now() - interval '48 hours'`);
    }
    const result = await fn();
    await this.db.query(ctx, 'UPDATE idempotency_key SET result = $4 WHERE user_id = $1 AND operation = $2 AND key = $3', [
      userId,
      operation,
      key,
      JSON.stringify(result),
    ]);
    return result;
  }
}
