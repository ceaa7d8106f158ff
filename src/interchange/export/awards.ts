/** What exports say about awards (GtR page header, GtR project resources, the workbook's Awards sheet). */
import { awardScopeSql } from '../../access/scope.js';
import { normaliseReference } from '../../awards/award-lookup.js';
import type { RequestContext } from '../../common/request-context.js';
import type { Db } from '../../database/db.service.js';

export interface AwardDetails {
  id: string;
  reference: string;
  title: string;
  funder: string | null;
  leadOrganisation: string | null;
  department: string | null;
  startDate: string | null;
  endDate: string | null;
  valueAmount: string | null;
  valueCurrency: string | null;
  abstract: string | null;
  plannedImpact: string | null;
  pi: string | null;
}

/** The awards the caller may read among `references`, by reference. */
export async function awardDetails(ctx: RequestContext, db: Db, references: string[]): Promise<Map<string, AwardDetails>> {
  if (!references.length) return new Map();
  const params: unknown[] = [[...new Set(references.map(normaliseReference))]];
  const rows = await db.query<AwardDetails>(
    ctx,
    `SELECT a.id, a.reference, a.title, f.name AS funder, l.name AS "leadOrganisation", a.department,
            a.start_date::text AS "startDate", a.end_date::text AS "endDate", a.value_amount::text AS "valueAmount",
            a.value_currency AS "valueCurrency", a.abstract, a.planned_impact AS "plannedImpact",
            (SELECT p.name FROM award_person ap JOIN person p ON p.id = ap.person_id
              WHERE ap.award_id = a.id AND ap.role = 'PI' ORDER BY p.name LIMIT 1) AS pi
     FROM award a LEFT JOIN organisation f ON f.id = a.funder_id LEFT JOIN organisation l ON l.id = a.lead_organisation_id
     WHERE a.reference = ANY($1::text[]) AND ${awardScopeSql(ctx, 'a', params)}`,
    params,
  );
  return new Map(rows.map((r) => [r.reference, r]));
}
