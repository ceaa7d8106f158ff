import { Injectable } from '@nestjs/common';
import type { RequestContext } from '../common/request-context.js';
import { formatAmount, minorUnits } from '../common/money.js';
import type { Money } from '../common/money.model.js';
import { Db } from '../database/db.service.js';
import { DIMENSIONS, fundingStatement, type FundingCriteria } from './funding-sql.js';
import type { FundingDimension } from './funding.inputs.js';
import type { ConvertedTotal, FundingGroup, FundingGroupKey, FundingTotals } from './funding.models.js';

/** One aggregated row of the statement (totals or groups): amounts are exact decimal text. */
interface AggregateRow {
  /** 1: the row totals every currency of its group; 0: one currency of it */
  whole: number;
  currency: string | null;
  count: number;
  amount: string | null;
  converted: string | null;
  unconverted?: string | null;
  complete?: boolean | null;
  [column: string]: unknown;
}

interface StatementRow {
  totals: AggregateRow[];
  groups: AggregateRow[];
  rates_used: { currency: string; year: number; rate: string }[];
  missing_rates: { currency: string; year: number }[];
  leverage: string | null;
}

const money = (amount: string, currency: string): Money => ({ amount: formatAmount(amount, currency), currency });

const EMPTY_KEY: FundingGroupKey = {
  award: null,
  awardFunder: null,
  fundingOrganisation: null,
  sector: null,
  country: null,
  year: null,
  fundingType: null,
};

/**
 * Runs the funding statement (one round trip) and shapes its rows into FundingTotals. Nothing is counted or summed
 * here: the rows are aggregates, this only formats amounts with their currency's minor units and nests groups.
 */
@Injectable()
export class FundingTotalsQuery {
  constructor(private readonly db: Db) {}

  async run(
    ctx: RequestContext,
    criteria: FundingCriteria,
    groupBy: readonly FundingDimension[],
    reportingCurrency: string | null,
  ): Promise<FundingTotals> {
    const mu = reportingCurrency ? minorUnits(reportingCurrency) : 0;
    const { sql, params } = fundingStatement(ctx, criteria, groupBy, reportingCurrency, mu);
    const [row] = await this.db.query<StatementRow>(ctx, sql, params);
    const all = row.totals.find((t) => t.whole === 1)!;
    const perCurrency = row.totals.filter((t) => t.whole === 0);
    const convertedMoney = (amount: string | null): Money | null =>
      reportingCurrency ? money(amount ?? '0', reportingCurrency) : null;
    const converted: ConvertedTotal | null = reportingCurrency
      ? {
          total: convertedMoney(all.converted)!,
          ratesUsed: row.rates_used.map((r) => ({ ...r, base: reportingCurrency })) as ConvertedTotal['ratesUsed'],
          missingRates: row.missing_rates,
          unconverted: perCurrency.filter((t) => t.unconverted != null).map((t) => money(t.unconverted!, t.currency!)),
        }
      : null;
    return {
      count: all.count,
      byCurrency: perCurrency.map((t) => money(t.amount!, t.currency!)),
      converted,
      groups: this.nestGroups(row.groups, groupBy, (g) => (g.complete ? convertedMoney(g.converted) : null)),
      leverage: row.leverage,
    };
  }

  /**
   * Rows come ordered by key, each group's whole row right before its currency rows (the statement's ORDER BY), so
   * a currency row belongs to the group last opened: no key to build and look up per row (thousands of groups).
   */
  private nestGroups(
    rows: AggregateRow[],
    groupBy: readonly FundingDimension[],
    converted: (whole: AggregateRow) => Money | null,
  ): FundingGroup[] {
    const dims = groupBy.map((d) => DIMENSIONS[d]);
    const groups: FundingGroup[] = [];
    for (const r of rows) {
      if (r.whole !== 1) {
        groups[groups.length - 1].byCurrency.push(money(r.amount!, r.currency!));
        continue;
      }
      const key: FundingGroupKey = { ...EMPTY_KEY };
      for (const d of dims) (key as unknown as Record<string, unknown>)[d.field] = r[d.column] ?? null;
      groups.push({ key, count: r.count, byCurrency: [], converted: converted(r) });
    }
    return groups;
  }
}
