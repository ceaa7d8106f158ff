/** A stored outcome (its GraphQL view) back in the shape of its create input, for the writers of every format. */
import type { OutcomeView } from '../../outcomes/outcome.models.js';
import { fieldDefs } from '../fields.js';

export function viewToInput(view: OutcomeView): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const def of fieldDefs(view.type)) {
    const v = view[def.field];
    if (def.field === 'organisation') input.organisation = (v as { name?: string } | null)?.name ?? null;
    else if (def.kind === 'money') input[def.field] = v && (v as { amount?: string }).amount ? { amount: v.amount, currency: v.currency } : null;
    else input[def.field] = v ?? null;
  }
  return input;
}

/** sourceFields values as text (the GtR page writer takes text only). */
export function textSourceFields(view: OutcomeView): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(view.sourceFields ?? {})) if (typeof v === 'string') out[k] = v;
  return out;
}
