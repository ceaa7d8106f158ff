/** GTR_JSON and GTR_XML: the two syntaxes of the GtR API, read into the same plain objects for gtr-api.ts. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportSource, ProblemSink } from '../import/types.js';
import { gtrApiSource } from './gtr-api.js';
import { GTR_RESOURCES } from './gtr-resources.js';

export function gtrJsonSource(text: string, awardReference: string | null | undefined, sink: ProblemSink): ImportSource {
  let payload: unknown;
  try {
    payload = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    sink.fatal({ location: 'file', message: `not valid JSON: ${(e as Error).message}` });
    return { awards: [], records: [] };
  }
  return gtrApiSource(payload, awardReference, sink);
}

// Elements that may repeat: always read as arrays, so one and several look alike.
const REPEATED = new Set([...GTR_RESOURCES.map((r) => r.name), 'link', 'project', 'organisation', 'identifier']);

export function gtrXmlSource(text: string, awardReference: string | null | undefined, sink: ProblemSink): ImportSource {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    sink.fatal({ location: `line ${valid.err.line}`, message: `not well-formed XML: ${valid.err.msg}` });
    return { awards: [], records: [] };
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    // Values stay text: ids such as "0123" and amounts must not pass through numbers here.
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => REPEATED.has(name),
  });
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(text) as Record<string, unknown>;
  } catch (e) {
    // the validator lets some malformed prologs through that the parser then refuses (found by fuzzing)
    sink.fatal({ location: 'file', message: `not well-formed XML: ${(e as Error).message}` });
    return { awards: [], records: [] };
  }
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?'));
  const root = rootName ? doc[rootName] : undefined;
  if (!root || typeof root !== 'object') {
    sink.fatal({ location: 'file', message: 'the XML has no GtR outcomes envelope element' });
    return { awards: [], records: [] };
  }
  return gtrApiSource(withoutTextNodes(root), awardReference, sink);
}

/** `<identifier type="RCUK">ES/…</identifier>` reads as { '#text', type }: call the text `value`. */
function withoutTextNodes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutTextNodes);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (k === 'xmlns' || k.startsWith('xmlns:') || k.startsWith('xsi:')) continue;
    out[k === '#text' ? 'value' : k] = withoutTextNodes(v);
  }
  return out;
}
