import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.service.js';
import type { ExchangeRate } from './exchange-rate.entity.js';

const COLUMNS = 'currency, year, base, rate::text AS rate';

/** The exchange-rate table funding totals convert with; rates are set by hand, one per currency, year and base. */
@Injectable()
export class ExchangeRatesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
  ) {}

  /**
   * Sets (inserts or replaces) the rate of `currency` into `base` for `year`: 1 currency = rate × base. Converted
   * totals change with it, so the change is audited (before/after), under an id derived from the rate's key.
   */
  async set(ctx: RequestContext, input: { currency: string; year: number; rate: string; base: string }): Promise<ExchangeRate> {
    const [row] = await this.db.query<ExchangeRate & { auditId: string; before: string | null }>(
      ctx,
      `WITH old AS (SELECT rate::text AS rate FROM exchange_rate WHERE currency = $1 AND year = $2 AND base = $3)
       INSERT INTO exchange_rate (currency, year, base, rate, updated_by) VALUES ($1, $2, $3, $4::numeric, $5)
       ON CONFLICT (currency, year, base) DO UPDATE SET rate = EXCLUDED.rate, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING ${COLUMNS}, md5('exchange_rate/' || currency || '/' || year || '/' || base)::uuid AS "auditId",
         (SELECT rate FROM old) AS before`,
      [input.currency, input.year, input.base, input.rate, ctx.actor],
    );
    const { auditId, before, ...rate } = row;
    await this.audit.record(ctx, before == null ? 'CREATE' : 'UPDATE', 'ExchangeRate', auditId, before == null ? null : { ...rate, rate: before }, rate);
    return rate as ExchangeRate;
  }

  /** Every rate, ordered by base, currency and year. Rates are reference data: any signed-in caller may read them. */
  list(ctx: RequestContext): Promise<ExchangeRate[]> {
    return this.db.query<ExchangeRate>(ctx, `SELECT ${COLUMNS} FROM exchange_rate ORDER BY base, currency, year`);
  }
}
