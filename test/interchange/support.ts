import type { TestApp } from '../support/app.js';

export const REPORT = 'created updated unchanged attributed awardsCreated problems { location field value message } dataQuality { location field value message }';

export interface Report {
  created: number;
  updated: number;
  unchanged: number;
  attributed: number;
  awardsCreated: number;
  problems: { location: string; field: string | null; value: string | null; message: string }[];
  dataQuality: { location: string; field: string | null; value: string | null; message: string }[];
}

/** importOutcomes through GraphQL; the report, or throws with the errors. */
export async function importFile(t: TestApp, input: Record<string, unknown>, token?: string): Promise<Report> {
  const data = await t.ok<{ importOutcomes: Report }>(
    `mutation($input: ImportInput!) { importOutcomes(input: $input) { ${REPORT} } }`,
    { input },
    token,
  );
  return data.importOutcomes;
}

export async function exportFile(t: TestApp, format: string, filter?: Record<string, unknown>, outcomeType?: string, token?: string): Promise<string> {
  const data = await t.ok<{ exportOutcomes: string }>(
    'query($format: ExportFormat!, $filter: OutcomeFilter, $type: OutcomeType) { exportOutcomes(format: $format, filter: $filter, outcomeType: $type) }',
    { format, filter, type: outcomeType },
    token,
  );
  return data.exportOutcomes;
}

/** Rows in the tables an import writes: a dry run or a refused import leaves every one as it was. */
export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const [row] = await t.sql(`SELECT
    (SELECT count(*)::int FROM outcome) AS outcome, (SELECT count(*)::int FROM outcome_award) AS outcome_award,
    (SELECT count(*)::int FROM award) AS award, (SELECT count(*)::int FROM organisation) AS organisation,
    (SELECT count(*)::int FROM audit_event) AS audit_event`);
  return row;
}

export async function countsByType(t: TestApp): Promise<Record<string, number>> {
  const rows = await t.sql<{ type: string; n: number }>('SELECT type, count(*)::int AS n FROM outcome WHERE deleted_at IS NULL GROUP BY type');
  return Object.fromEntries(rows.map((r) => [r.type, r.n]));
}

/** A token for a new user of `role` in the organisation named `organisation` (created if missing). */
export async function tokenFor(t: TestApp, role: string, organisation: string): Promise<string> {
  const found = await t.sql<{ id: string }>('SELECT id FROM organisation WHERE name_key = lower($1)', [organisation]);
  const organisationId = found[0]?.id ?? (await t.ok('mutation($n: String!) { createOrganisation(input: { name: $n }) { id } }', { n: organisation })).createOrganisation.id;
  const email = `${role.toLowerCase()}-${Math.random().toString(36).slice(2)}@example.org`;
  const { createUser } = await t.ok('mutation($i: UserInput!) { createUser(input: $i) { id } }', { i: { email, name: role, role, organisationId } });
  const { createApiToken } = await t.ok('mutation($u: ID!) { createApiToken(input: { userId: $u, name: "t" }) { token } }', { u: createUser.id });
  return createApiToken.token;
}
