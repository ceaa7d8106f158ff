import type { OutcomeView } from './outcome.models.js';
import { COMMON_FIELDS, TYPE_SPECS } from './types/type-spec.js';

/**
 * An outcome as read, back in the shape of its GraphQL create input (organisation by name, money as MoneyInput,
 * empty values left out): what exporters and renderers write, and what importers read back.
 */
export function viewToInput(view: OutcomeView): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const put = (k: string, v: unknown) => {
    if (v == null || (Array.isArray(v) && v.length === 0)) return;
    input[k] = v;
  };
  for (const f of COMMON_FIELDS) put(f, view[f]);
  for (const c of TYPE_SPECS[view.type].columns) {
    const v = view[c.field];
    if (c.kind === 'organisation') put(c.field, v?.name);
    else if (c.kind === 'money') put(c.field, v ? { amount: v.amount, currency: v.currency } : null);
    else put(c.field, v);
  }
  return input;
}
