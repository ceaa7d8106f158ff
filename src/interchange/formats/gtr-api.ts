/**
 * GTR_JSON / GTR_XML import (FORMATS.md §2): paged envelopes holding outcome resources and, optionally, the
 * project resources their PROJECT links point at. Both syntaxes are read into the same plain objects first.
 */
import { normaliseReference } from '../../awards/award-lookup.js';
import { isUuid } from '../import/identity.js';
import type { ImportAward, ImportProblem, ImportRecord, ImportSource, ProblemSink } from '../import/types.js';
import { textOf, yearOfDate, parseYearMonth, type ValueResult } from '../values.js';
import { META_KEYS, resourceOf, type GtrField, type GtrResource } from './gtr-resources.js';
import { RecordBuilder } from './record-builder.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
/** XML gives one element as an object and several as an array; JSON always arrays. */
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

interface Project {
  reference: string;
  award: ImportAward;
  keys: string[];
}

export function gtrApiSource(payload: unknown, awardReference: string | null | undefined, sink: ProblemSink): ImportSource {
  const pages = asArray(payload).filter(isObj);
  if (!pages.length) {
    sink.fatal({ location: 'file', message: 'not a GtR API outcomes envelope (an object with page, size, totalPages and outcome arrays)' });
    return { awards: [], records: [] };
  }
  const projects = collectProjects(pages);
  const records: ImportRecord[] = [];
  pages.forEach((page, p) => {
    const prefix = pages.length > 1 ? `page ${p + 1} ` : '';
    const total = Number(page.totalPages ?? 1);
    if (pages.length === 1 && total > 1) {
      sink.note({ location: 'file', value: `page ${textOf(page.page)} of ${total}`, message: 'the file holds one page of a paged answer: outcomes on the other pages are not in it' });
    }
    for (const [key, value] of Object.entries(page)) {
      const resource = resourceOf(key);
      if (!resource) continue;
      asArray(value).forEach((item, i) => {
        const location = `${prefix}${key}[${i}]`;
        if (!isObj(item)) return sink.problem({ location, message: `${key} entries must be objects` });
        const record = readOutcome(resource, item, location, projects, awardReference, sink);
        if (record) records.push(record);
      });
    }
  });
  return { awards: [...new Map([...projects.values()].map((p) => [p.reference, p.award])).values()], records };
}

function readOutcome(
  resource: GtrResource, item: Obj, location: string, projects: Map<string, Project>, fallback: string | null | undefined, sink: ProblemSink,
): ImportRecord | null {
  const b = new RecordBuilder(resource.type, location, sink);
  const byKey = new Map(resource.fields.map((f) => [f.key, f]));
  for (const [key, value] of Object.entries(item)) {
    const f = byKey.get(key);
    if (f) b.set(f.field, key, unwrap(value, f), converter(f));
    else if (!META_KEYS.has(key) || key === 'created') b.keep(key, value);
  }
  const outcomeId = textOf(item.outcomeid) || undefined;
  const id = textOf(item.id) || undefined;
  const ids = [...new Set([outcomeId, id].filter((s): s is string => !!s))];
  if (ids.length) b.input.externalIds = ids;
  const links = asArray(isObj(item.links) ? item.links.link : item.links).filter(isObj);
  const otherLinks = links.filter((l) => textOf(l.rel).toUpperCase() !== 'PROJECT');
  if (otherLinks.length) b.keep('links', otherLinks);
  const refs: string[] = [];
  let awardProblem: ImportProblem | undefined;
  for (const link of links.filter((l) => textOf(l.rel).toUpperCase() === 'PROJECT')) {
    const project = projects.get(lastSegment(textOf(link.href)));
    if (project) refs.push(project.reference);
    else awardProblem ??= { location, field: 'links', value: textOf(link.href), message: 'the PROJECT link names no project resource in the file: give awardReference' };
  }
  if (!refs.length && fallback) refs.push(normaliseReference(fallback));
  // An outcome this tracker exported carries its own id: matched first when it is here.
  return b.build([...new Set(refs)], { externalKey: ids[0], id: ids.find(isUuid), awardProblem });
}

/** XML wraps lists in an element (<impactTypes><impactType>…</impactType></impactTypes>): take the inner value. */
function unwrap(value: unknown, f: GtrField): unknown {
  if (f.field === 'amount' || !isObj(value)) return value;
  const keys = Object.keys(value);
  return keys.length === 1 ? value[keys[0]] : value;
}

function converter(f: GtrField): ((v: unknown) => ValueResult) | undefined {
  if (f.as === 'monthDate') return (v) => parseYearMonth(/^\d+$/.test(textOf(v)) ? Number(textOf(v)) : v);
  if (f.as === 'yearDate') return (v) => (/^\d{5,}$/.test(textOf(v)) ? yearOfDate(Number(textOf(v))) : yearOfDate(v));
  return undefined;
}

const lastSegment = (href: string): string => href.replace(/\/+$/, '').split('/').pop() ?? href;

/** Project resources by id and by href's last segment, with the award each describes. */
function collectProjects(pages: Obj[]): Map<string, Project> {
  const organisations = new Map<string, string>();
  for (const page of pages) {
    for (const [key, value] of Object.entries(page)) {
      if (!/^organisations?$/i.test(key)) continue;
      for (const o of asArray(value).filter(isObj)) {
        for (const k of [textOf(o.id), lastSegment(textOf(o.href))]) if (k) organisations.set(k, textOf(o.name));
      }
    }
  }
  const projects = new Map<string, Project>();
  pages.forEach((page) => {
    for (const [key, value] of Object.entries(page)) {
      if (!/^projects?$/i.test(key)) continue;
      asArray(value).filter(isObj).forEach((p, i) => {
        const project = readProject(p, `${key}[${i}]`, organisations);
        if (project) for (const k of project.keys) projects.set(k, project);
      });
    }
  });
  return projects;
}

function readProject(p: Obj, location: string, organisations: Map<string, string>): Project | null {
  const identifiers = asArray(isObj(p.identifiers) ? p.identifiers.identifier : p.identifiers).filter(isObj);
  const rcuk = identifiers.find((x) => textOf(x.type).toUpperCase() === 'RCUK') ?? identifiers[0];
  const reference = textOf(rcuk?.value) || textOf(p.grantReference) || textOf(p.reference);
  if (!reference) return null;
  const links = asArray(isObj(p.links) ? p.links.link : p.links).filter(isObj);
  const lead = links.find((l) => textOf(l.rel).toUpperCase() === 'LEAD_ORG');
  const award: ImportAward = {
    location,
    reference: normaliseReference(reference),
    title: textOf(p.title) || undefined,
    funder: textOf(p.leadFunder) || undefined,
    leadOrganisation: lead ? organisations.get(lastSegment(textOf(lead.href))) || undefined : undefined,
    abstract: textOf(p.abstractText) || undefined,
    plannedImpact: textOf(p.potentialImpact) || undefined,
  };
  const keys = [textOf(p.id), lastSegment(textOf(p.href))].filter(Boolean);
  return { reference: award.reference, award, keys };
}
