/** GTR_JSON export: one GtR API v2 envelope with the outcome resources and the project resources they link to. */
import { labelOf } from '../../vocabulary/index.js';
import { fieldDef } from '../fields.js';
import { META_KEYS, resourceOfType, type GtrField } from '../formats/gtr-resources.js';
import type { AwardDetails } from './awards.js';
import type { ExportedOutcome } from './load.js';
import { viewToInput } from './view-input.js';

// GtR's own link form; the import resolves a PROJECT link by the project id at its end.
const API = 'https://gtr.ukri.org/gtr/api';

export function gtrJsonExport(outcomes: ExportedOutcome[], awards: Map<string, AwardDetails>): string {
  const envelope: Record<string, unknown> = { page: 1, size: outcomes.length, totalPages: 1, totalSize: outcomes.length };
  const organisations = new Map<string, { id: string; href: string; name: string }>();
  envelope.project = [...awards.values()].map((a) => project(a, organisations));
  if (organisations.size) envelope.organisation = [...organisations.values()];
  for (const o of outcomes) {
    const resource = resourceOfType(o.view.type);
    ((envelope[resource.name] ??= []) as unknown[]).push(outcomeResource(o, resource.fields, awards));
  }
  return JSON.stringify(envelope, null, 2);
}

function project(a: AwardDetails, organisations: Map<string, { id: string; href: string; name: string }>): Record<string, unknown> {
  const links = [];
  if (a.leadOrganisation) {
    const id = `org-${organisations.size + 1}`;
    const org = [...organisations.values()].find((o) => o.name === a.leadOrganisation) ?? { id, href: `${API}/organisations/${id}`, name: a.leadOrganisation };
    organisations.set(org.id, org);
    links.push({ href: org.href, rel: 'LEAD_ORG' });
  }
  return {
    id: a.id,
    href: `${API}/projects/${a.id}`,
    title: a.title,
    ...(a.abstract ? { abstractText: a.abstract } : {}),
    ...(a.plannedImpact ? { potentialImpact: a.plannedImpact } : {}),
    ...(a.funder ? { leadFunder: a.funder } : {}),
    identifiers: { identifier: [{ value: a.reference, type: 'RCUK' }] },
    links: { link: links },
  };
}

function outcomeResource(o: ExportedOutcome, fields: readonly GtrField[], awards: Map<string, AwardDetails>): Record<string, unknown> {
  const { view } = o;
  const input = viewToInput(view);
  const extra = { ...(view.sourceFields ?? {}) } as Record<string, unknown>;
  const projectLinks = o.awards.filter((r) => awards.has(r)).map((r) => ({ href: `${API}/projects/${awards.get(r)!.id}`, rel: 'PROJECT' }));
  const otherLinks = Array.isArray(extra.links) ? extra.links : [];
  const resource: Record<string, unknown> = {
    id: view.externalIds[1] ?? view.id,
    outcomeid: view.externalIds[0] ?? view.id,
    // GtR's own creation time when the outcome came from GtR; inventing one would make re-import see a change.
    ...(extra.created !== undefined ? { created: extra.created } : {}),
    links: { link: [...projectLinks, ...otherLinks] },
  };
  for (const f of fields) {
    const value = gtrValue(view.type, f, input[f.field]);
    if (value !== undefined) resource[f.key] = value;
  }
  // What the outcome carried from GtR without a typed home goes back under its own name.
  for (const [k, v] of Object.entries(extra)) if (!META_KEYS.has(k) && !(k in resource)) resource[k] = v;
  return resource;
}

const utcMs = (year: number, month = 1): number => Date.UTC(year, month - 1, 1);

function gtrValue(type: Parameters<typeof fieldDef>[0], f: GtrField, value: unknown): unknown {
  if (value === null || value === undefined || (Array.isArray(value) && !value.length)) return undefined;
  if (f.as === 'monthDate') {
    const [y, m] = String(value).split('-').map(Number);
    return utcMs(y, m);
  }
  if (f.as === 'yearDate') return utcMs(Number(value));
  const def = fieldDef(type, f.field)!;
  switch (def.kind) {
    case 'vocab':
      return labelOf(def.vocabulary!, String(value));
    case 'vocabList':
      return (value as string[]).map((c) => labelOf(def.vocabulary!, c));
    case 'years':
      return (value as number[]).join(', ');
    case 'money': {
      // Amounts stay strings: a JSON number could lose digits of an exact decimal.
      const m = value as { amount: string; currency: string };
      return { currencyCode: m.currency, amount: m.amount };
    }
    default:
      return value;
  }
}
