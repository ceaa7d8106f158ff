/** GTR_TEXT import: the page's award (from its header) and its outcomes, recognised on re-import by fingerprint. */
import { normaliseReference } from '../../awards/award-lookup.js';
import { fingerprintAll, parseGtrText, typeSpec } from '../gtr-text/index.js';
import type { ImportRecord, ImportSource, ProblemSink } from '../import/types.js';

export function gtrTextSource(text: string, awardReference: string, sink: ProblemSink): ImportSource {
  const doc = parseGtrText(text, { lenient: sink.lenient });
  // The parser already sorted strict problems from lenient notes.
  doc.problems.forEach((p) => sink.problem(p));
  doc.dataQuality.forEach((p) => sink.note(p));
  const reference = normaliseReference(awardReference);
  const fingerprints = fingerprintAll(doc.outcomes, reference);
  const records: ImportRecord[] = doc.outcomes.map((o, i) => ({
    location: `line ${o.line}`,
    type: o.type,
    input: o.input,
    sourceFields: o.sourceFields,
    awardReferences: [reference],
    fingerprint: fingerprints[i],
    labels: Object.fromEntries(typeSpec(o.type).labels.map((l) => [l.field, l.label])),
    // The parser left out what it could not read and kept its text under the label: already reported.
    failedFields: typeSpec(o.type).labels.filter((l) => l.label in o.sourceFields && !(l.field in o.input)).map((l) => l.field),
  }));
  const { award } = doc;
  return {
    awards: award.title ? [{ location: 'line 1', reference, ...award }] : [],
    records,
  };
}
