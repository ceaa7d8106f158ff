import type { RequestContext } from '../common/request-context.js';

/**
 * The caller's read scope as a SQL condition on an award alias, with its parameters appended to `params`:
 * admins read everything; impact officers and researchers the awards their organisation leads; funders the awards
 * their organisation funds. Applied inside SQL everywhere, so out-of-scope rows never reach counts or totals.
 */
export function awardScopeSql(ctx: RequestContext, awardAlias: string, params: unknown[]): string {
  const caller = ctx.caller;
  if (!caller) return 'FALSE';
  if (caller.role === 'ADMIN') return 'TRUE';
  if (!caller.organisationId) return 'FALSE';
  params.push(caller.organisationId);
  const column = caller.role === 'FUNDER' ? 'funder_id' : 'lead_organisation_id';
  return `${awardAlias}.${column} = $${params.length}`;
}

/** An outcome is readable when it is attributed to at least one award in scope. */
export function outcomeScopeSql(ctx: RequestContext, outcomeAlias: string, params: unknown[]): string {
  if (ctx.caller?.role === 'ADMIN') return 'TRUE';
  const awardCondition = awardScopeSql(ctx, 'sa', params);
  return `EXISTS (SELECT 1 FROM outcome_award soa JOIN award sa ON sa.id = soa.award_id
    WHERE soa.outcome_id = ${outcomeAlias}.id AND ${awardCondition})`;
}

/**
 * Awards the caller may change (and record outcomes on): admins all; impact officers those their organisation
 * leads; researchers those they are a member of; funders none.
 */
export function awardWriteScopeSql(ctx: RequestContext, awardAlias: string, params: unknown[]): string {
  const caller = ctx.caller;
  if (!caller) return 'FALSE';
  switch (caller.role) {
    case 'ADMIN':
      return 'TRUE';
    case 'IMPACT_OFFICER':
      if (!caller.organisationId) return 'FALSE';
      params.push(caller.organisationId);
      return `${awardAlias}.lead_organisation_id = $${params.length}`;
    case 'RESEARCHER':
      params.push(caller.userId);
      return `EXISTS (SELECT 1 FROM award_member wm WHERE wm.award_id = ${awardAlias}.id AND wm.user_id = $${params.length})`;
    default:
      return 'FALSE';
  }
}
