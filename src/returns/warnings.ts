import type { OutcomeView } from '../outcomes/outcome.models.js';
import { TYPE_SPECS } from '../outcomes/types/type-spec.js';

export interface ReturnWarningData {
  outcomeId: string;
  field: string;
  message: string;
}

type Rule = (o: OutcomeView) => [field: string, message: string] | null;

const empty = (v: unknown) => v == null || (Array.isArray(v) && v.length === 0);

// What a funder would query before accepting a return: gaps Researchfish itself asks about.
const RULES: Partial<Record<OutcomeView['type'], Rule[]>> = {
  ENGAGEMENT_ACTIVITY: [(o) => (empty(o.years) ? ['years', 'no year of engagement is given'] : null)],
  FURTHER_FUNDING: [
    (o) => (empty(o.start) ? ['start', 'further funding has no start date'] : null),
    (o) => (empty(o.end) ? ['end', 'further funding has no end date'] : null),
  ],
  IMPACT_NARRATIVE: [
    (o) => (empty(o.impactTypes) ? ['impactTypes', 'the narrative names no impact types'] : null),
    (o) => (empty(o.firstYearOfImpact) ? ['firstYearOfImpact', 'the narrative gives no first year of impact'] : null),
  ],
  RESEARCH_MATERIAL: [(o) => (empty(o.yearProduced) ? ['yearProduced', 'no year produced is given'] : null)],
};

const YEAR_FIELD: Record<OutcomeView['type'], string> = {
  ENGAGEMENT_ACTIVITY: 'years', FURTHER_FUNDING: 'start', POLICY_INFLUENCE: 'firstYear', PARTNERSHIP: 'startYear',
  RESEARCH_MATERIAL: 'yearProduced', IMPACT_NARRATIVE: 'firstYearOfImpact',
};

/** Completeness warnings of a return: each names the outcome and the field. */
export function returnWarnings(outcomes: OutcomeView[], coversTo: Date): ReturnWarningData[] {
  const lastYear = coversTo.getUTCFullYear();
  const out: ReturnWarningData[] = [];
  for (const o of outcomes) {
    for (const rule of RULES[o.type] ?? []) {
      const hit = rule(o);
      if (hit) out.push({ outcomeId: o.id, field: hit[0], message: hit[1] });
    }
    const late = TYPE_SPECS[o.type].years(o).filter((y) => y > lastYear);
    if (late.length) {
      out.push({ outcomeId: o.id, field: YEAR_FIELD[o.type], message: `dated ${late.join(', ')}, after the period covered (to ${lastYear})` });
    }
  }
  return out;
}
