/**
 * The batched write path of imports: one multi-row INSERT ... SELECT per table per batch (rows travel as one
 * jsonb parameter and take the table's own row type, so column types are never restated here), attribution in
 * one statement, audit events in one. Column values follow OutcomeWriter's rules (text cleaned, organisations
 * found or created by name, countries coded, money with the currency's minor units).
 */
import type { OrganisationsService } from '../../access/organisations.service.js';
import type { AuditService } from '../../audit/audit.service.js';
import { countryCodeOf } from '../../common/country.js';
import { formatAmount } from '../../common/money.js';
import type { RequestContext } from '../../common/request-context.js';
import { cleanName, cleanText, nameKey } from '../../common/text.js';
import type { Db } from '../../database/db.service.js';
import { COMMON_FIELDS, TYPE_SPECS } from '../../outcomes/types/type-spec.js';
import type { PreparedRecord } from './identity.js';
import { orderedUuid } from './ids.js';

export interface NewOutcome {
  record: PreparedRecord;
  awardIds: string[];
  awardReferences: string[];
}

const BASE_COLUMNS: Record<(typeof COMMON_FIELDS)[number], string> = {
  title: 'title', description: 'description', impact: 'impact', url: 'url', externalIds: 'external_ids',
};

const text = (v: unknown): unknown => (typeof v === 'string' ? cleanText(v) : (v ?? null));
const distinct = (v: unknown): unknown[] => [...new Set((v as unknown[] | null | undefined) ?? [])];

export class ImportWriter {
  constructor(
    private readonly db: Db,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
  ) {}

  /** Inserts new outcomes with their details, attributions and audit events; returns the links made. */
  async insert(ctx: RequestContext, rows: NewOutcome[], format: string): Promise<number> {
    if (!rows.length) return 0;
    const orgs = await this.organisations.resolveNames(ctx, rows.flatMap(({ record }) => organisationNames(record)));
    const ids = rows.map(() => orderedUuid());
    const base = rows.map(({ record }, i) => this.baseRow(ctx, record, ids[i]));
    await this.insertRows(ctx, 'outcome', base);
    for (const type of new Set(rows.map((r) => r.record.type))) {
      const detail = rows.flatMap(({ record }, i) => (record.type === type ? [detailRow(record, ids[i], orgs)] : []));
      await this.insertRows(ctx, TYPE_SPECS[type].table, detail);
    }
    const links = rows.flatMap((r, i) => r.awardIds.map((a) => [ids[i], a]));
    const linked = await this.link(ctx, links);
    // The audit records what was written, as written: reading 1,000 outcomes back per batch would double the cost.
    await this.audit.recordMany(
      ctx,
      rows.map(({ record, awardReferences }, i) => ({
        action: 'IMPORT' as const, entityType: 'Outcome', entityId: ids[i], before: null,
        after: { ...base[i], ...record.input, awards: awardReferences, format, location: record.location },
      })),
    );
    return linked;
  }

  /** Adds outcome–award links that do not exist yet; returns how many were added, per outcome. */
  async attribute(ctx: RequestContext, links: [string, string][]): Promise<Map<string, number>> {
    const added = new Map<string, number>();
    if (!links.length) return added;
    const rows = await this.db.query<{ outcome_id: string }>(
      ctx,
      `INSERT INTO outcome_award (outcome_id, award_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])
       ON CONFLICT DO NOTHING RETURNING outcome_id`,
      [links.map((l) => l[0]), links.map((l) => l[1])],
    );
    for (const r of rows) added.set(r.outcome_id, (added.get(r.outcome_id) ?? 0) + 1);
    return added;
  }

  async auditAttributions(ctx: RequestContext, added: Map<string, number>, format: string): Promise<void> {
    await this.audit.recordMany(
      ctx,
      [...added].map(([id, n]) => ({ action: 'ATTRIBUTE' as const, entityType: 'Outcome', entityId: id, before: null, after: { awardsAdded: n, format } })),
    );
  }

  private async link(ctx: RequestContext, links: string[][]): Promise<number> {
    const added = await this.attribute(ctx, links as [string, string][]);
    return [...added.values()].reduce((a, b) => a + b, 0);
  }

  private baseRow(ctx: RequestContext, r: PreparedRecord, id: string): Record<string, unknown> {
    const row: Record<string, unknown> = { id, type: r.type };
    for (const f of COMMON_FIELDS) {
      row[BASE_COLUMNS[f]] = f === 'externalIds' ? externalIds(r) : text(r.input[f]);
    }
    row.years = [...new Set(TYPE_SPECS[r.type].years(r.input))].sort((a, b) => a - b);
    row.source_fields = Object.keys(r.sourceFields).length ? r.sourceFields : null;
    row.fingerprint = r.storedFingerprint;
    row.created_by = ctx.actor;
    row.updated_by = ctx.actor;
    return row;
  }

  /** INSERT ... SELECT from the rows as jsonb, typed by the table's own row type. */
  private async insertRows(ctx: RequestContext, table: string, rows: Record<string, unknown>[]): Promise<void> {
    const columns = Object.keys(rows[0]);
    await this.db.query(
      ctx,
      `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
      [JSON.stringify(rows)],
    );
  }
}

/** The source's key first, so exports can give it back as the outcome's id in that source. */
export function externalIds(r: PreparedRecord): string[] {
  const given = ((r.input.externalIds as string[] | undefined) ?? []).map((s) => s.trim()).filter(Boolean);
  return [...new Set(r.externalKey ? [r.externalKey, ...given] : given)];
}

function organisationNames(r: PreparedRecord): string[] {
  return TYPE_SPECS[r.type].columns.filter((c) => c.kind === 'organisation').map((c) => String(r.input[c.field] ?? ''));
}

/** Every detail column is written (absent ones as null or []), so all rows of a batch share one column list. */
function detailRow(r: PreparedRecord, id: string, orgs: Map<string, { id: string }>): Record<string, unknown> {
  const spec = TYPE_SPECS[r.type];
  const row: Record<string, unknown> = { outcome_id: id };
  for (const c of spec.columns) {
    const v = r.input[c.field];
    switch (c.kind) {
      case 'money': {
        const money = v as { amount: string; currency: string };
        row[c.column] = formatAmount(money.amount, money.currency);
        row.currency = money.currency;
        break;
      }
      case 'organisation':
        row[c.column] = orgs.get(nameKey(cleanName(String(v)) ?? ''))!.id;
        break;
      case 'country':
        row.country = text(v);
        row.country_code = countryCodeOf(v as string | null);
        break;
      default:
        row[c.column] = c.array ? distinct(v) : text(v);
    }
  }
  Object.assign(row, spec.derived?.(r.input) ?? {});
  return row;
}
