import { canonicalJson, fingerprint, fingerprintAll, type ParsedOutcome } from './index.js';

const outcome = (input: Record<string, unknown>, sourceFields: Record<string, string> = {}, line = 10): ParsedOutcome => ({
  type: 'ENGAGEMENT_ACTIVITY',
  line,
  input,
  sourceFields,
});

describe('GTR_TEXT fingerprint', () => {
  const base = { description: 'DCMS staff workshop', geographicReach: 'REGIONAL', years: [2018] };

  it('writes canonical JSON with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 0 }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[2,{"x":0,"y":1}]},"b":1}',
    );
  });

  it('is stable under key order and line number, and changes with any field, the type or the award', () => {
    const fp = fingerprint(outcome(base), 'ES/J008435/1');
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprint(outcome({ years: [2018], geographicReach: 'REGIONAL', description: 'DCMS staff workshop' }, {}, 99), 'ES/J008435/1')).toBe(fp);
    expect(fingerprint(outcome({ ...base, geographicReach: 'NATIONAL' }), 'ES/J008435/1')).not.toBe(fp);
    expect(fingerprint(outcome({ ...base, years: [2018, 2019] }), 'ES/J008435/1')).not.toBe(fp);
    expect(fingerprint(outcome(base, { URL: 'https://x.org/a...' }), 'ES/J008435/1')).not.toBe(fp);
    expect(fingerprint({ ...outcome(base), type: 'POLICY_INFLUENCE' }, 'ES/J008435/1')).not.toBe(fp);
    expect(fingerprint(outcome(base), 'ES/J008435/2')).not.toBe(fp);
  });

  it('fingerprintAll tells exact copies on one page apart, reproducibly', () => {
    const page = [outcome(base), outcome(base, {}, 20), outcome({ ...base, geographicReach: 'NATIONAL' })];
    const fps = fingerprintAll(page, 'R');
    expect(new Set(fps).size).toBe(3);
    expect(fps[0]).toBe(fingerprint(page[0], 'R'));
    expect(fingerprintAll(page, 'R')).toEqual(fps);
  });
});
