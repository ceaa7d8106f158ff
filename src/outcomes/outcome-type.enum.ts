import { registerEnumType } from '@nestjs/graphql';
import { OUTCOME_TYPES, type OutcomeTypeName } from './outcome.entity.js';

export const OutcomeType = Object.fromEntries(OUTCOME_TYPES.map((t) => [t, t])) as { [K in OutcomeTypeName]: K };

export const OUTCOME_TYPE_LABELS: Record<OutcomeTypeName, string> = {
  ENGAGEMENT_ACTIVITY: 'Engagement activity',
  FURTHER_FUNDING: 'Further funding',
  POLICY_INFLUENCE: 'Influence on policy, practice, patients and the public',
  PARTNERSHIP: 'Collaboration/partnership',
  RESEARCH_MATERIAL: 'Research database and model',
  IMPACT_NARRATIVE: 'Narrative impact',
};

registerEnumType(OutcomeType, {
  name: 'OutcomeType',
  description: 'The kind of outcome.',
  valuesMap: Object.fromEntries(OUTCOME_TYPES.map((t) => [t, { description: OUTCOME_TYPE_LABELS[t] }])),
});
