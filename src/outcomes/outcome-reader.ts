import { Injectable } from '@nestjs/common';
import { formatAmount } from '../common/money.js';
import type { RequestContext } from '../common/request-context.js';
import { Db } from '../database/db.service.js';
import { OUTCOME_TYPES, type OutcomeTypeName } from './outcome.entity.js';
import type { OutcomeView } from './outcome.models.js';
import { TYPE_SPECS, type DetailColumn } from './types/type-spec.js';

const ORG_FIELDS = { id: 'id', name: 'name', sector: 'sector', country: 'country', countryCode: 'country_code', rorId: 'ror_id' };

/** The SELECT list and JOINs that read every type's detail beside the base row, built once from the specs. */
function buildSelect(): { columns: string; joins: string } {
  const columns = [
    'o.id', 'o.type', 'o.title', 'o.description', 'o.impact', 'o.url', 'o.external_ids AS "externalIds"', 'o.version',
    'o.created_at AS "createdAt"', 'o.updated_at AS "updatedAt"', 'o.created_by AS "createdBy"', 'o.updated_by AS "updatedBy"',
    'o.deleted_at AS "deletedAt"', 'o.source_fields AS "sourceFields"',
  ];
  const joins: string[] = [];
  OUTCOME_TYPES.forEach((type, i) => {
    const spec = TYPE_SPECS[type];
    const d = `d${i}`;
    joins.push(`LEFT JOIN ${spec.table} ${d} ON ${d}.outcome_id = o.id`);
    for (const c of spec.columns) columns.push(...selectColumn(type, d, c, i, joins));
  });
  return { columns: columns.join(',\n  '), joins: joins.join('\n') };
}

function selectColumn(type: string, d: string, c: DetailColumn, i: number, joins: string[]): string[] {
  const as = (suffix: string) => `"${type}.${c.field}${suffix}"`;
  switch (c.kind) {
    case 'money':
      // numeric as text: never through a JS float
      return [`${d}.${c.column}::text AS ${as('')}`, `${d}.currency AS ${as('.currency')}`];
    case 'country':
      return [`${d}.country AS ${as('')}`, `${d}.country_code AS ${as('.code')}`];
    case 'organisation': {
      const g = `g${i}`;
      joins.push(`LEFT JOIN organisation ${g} ON ${g}.id = ${d}.${c.column}`);
      return Object.entries(ORG_FIELDS).map(([f, col]) => `${g}.${col} AS ${as(`.${f}`)}`);
    }
    default:
      return [`${d}.${c.column} AS ${as('')}`];
  }
}

const SELECT = buildSelect();

/** Maps a joined row to the GraphQL shape of its type. */
function toView(row: Record<string, any>): OutcomeView {
  const type = row.type as OutcomeTypeName;
  const view: Record<string, any> = {
    id: row.id, type, title: row.title, description: row.description, impact: row.impact, url: row.url,
    externalIds: row.externalIds ?? [], version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt,
    createdBy: row.createdBy, updatedBy: row.updatedBy, deletedAt: row.deletedAt, sourceFields: row.sourceFields,
  };
  for (const c of TYPE_SPECS[type].columns) {
    const key = `${type}.${c.field}`;
    if (c.kind === 'money') {
      const currency = row[`${key}.currency`];
      view[c.field] = { amount: formatAmount(row[key], currency), currency };
    } else if (c.kind === 'organisation') {
      view[c.field] = Object.fromEntries(Object.keys(ORG_FIELDS).map((f) => [f, row[`${key}.${f}`]]));
    } else if (c.kind === 'country') {
      view.country = row[key];
      view.countryCode = row[`${key}.code`];
    } else {
      view[c.field] = row[key] ?? (c.array ? [] : null);
    }
  }
  return view as OutcomeView;
}

@Injectable()
export class OutcomeReader {
  constructor(private readonly db: Db) {}

  /** Outcomes matching a condition over alias `o`, newest first, with their details: two statements in all. */
  async page(ctx: RequestContext, where: string, params: unknown[], skip: number, take: number): Promise<{ items: OutcomeView[]; totalItems: number }> {
    const [{ n }] = await this.db.query<{ n: number }>(ctx, `SELECT count(*)::int AS n FROM outcome o WHERE ${where}`, params);
    if (n === 0 || skip >= n) return { items: [], totalItems: n };
    const p = [...params, skip, take];
    const rows = await this.db.query(
      ctx,
      `SELECT ${SELECT.columns}
       FROM outcome o
       ${SELECT.joins}
       WHERE o.id IN (SELECT o.id FROM outcome o WHERE ${where} ORDER BY o.created_at DESC, o.id DESC OFFSET $${p.length - 1} LIMIT $${p.length})
       ORDER BY o.created_at DESC, o.id DESC`,
      p,
    );
    return { items: rows.map(toView), totalItems: n };
  }

  /** Outcomes by id, in the order asked (missing ones left out). */
  async byIds(ctx: RequestContext, ids: readonly string[], where = 'TRUE', params: unknown[] = []): Promise<OutcomeView[]> {
    if (!ids.length) return [];
    const p = [...params, ids];
    const rows = await this.db.query(
      ctx,
      `SELECT ${SELECT.columns} FROM outcome o ${SELECT.joins} WHERE o.id = ANY($${p.length}::uuid[]) AND ${where}`,
      p,
    );
    const byId = new Map(rows.map((r) => [r.id as string, toView(r)]));
    return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }
}
