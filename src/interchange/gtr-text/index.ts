// The public API of the GTR_TEXT (GtR project page text) interchange format.
export { parseGtrText } from './parse.js';
export { UNLABELLED } from './blocks.js';
export { renderGtrText, renderOutcome } from './render.js';
export { fingerprint, fingerprintAll, canonicalJson } from './fingerprint.js';
export { parseMoney, renderMoney, minorUnits, toMinorUnits, fromMinorUnits, type Money } from './money.js';
export { MIN_YEAR, MAX_YEAR, parseYear, parseYears } from './fields.js';
export { TYPE_SPECS, typeSpec } from './labels.js';
export type * from './types.js';
