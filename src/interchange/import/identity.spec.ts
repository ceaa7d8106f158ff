import { contentHash, IdentityTracker } from './identity.js';
import { orderedUuid } from './ids.js';
import type { ImportRecord } from './types.js';

const record = (over: Partial<ImportRecord> = {}): ImportRecord => ({
  location: 'line 2', type: 'RESEARCH_MATERIAL', input: { description: 'Data', materialType: 'DATABASE_COLLECTION_OF_DATA' },
  sourceFields: {}, awardReferences: ['ES/X/1'], ...over,
});

describe('import identity', () => {
  it('numbers identical id-less rows, so two equal rows stay two outcomes, the same on every import', () => {
    const first = new IdentityTracker();
    const again = new IdentityTracker();
    const a = [first.prepare(record()), first.prepare(record())];
    const b = [again.prepare(record()), again.prepare(record())];
    expect(a).toEqual(b);
    expect((a[0] as { storedFingerprint: string }).storedFingerprint).not.toBe((a[1] as { storedFingerprint: string }).storedFingerprint);
  });

  it('keeps the same content for another award apart, and recognises a source key given twice', () => {
    const tracker = new IdentityTracker();
    const one = tracker.prepare(record()) as { matchFingerprint: string };
    const other = tracker.prepare(record({ awardReferences: ['ES/Y/1'] })) as { matchFingerprint: string };
    expect(one.matchFingerprint).not.toBe(other.matchFingerprint);
    expect('storedFingerprint' in tracker.prepare(record({ externalKey: '1001' }))).toBe(true);
    expect(tracker.prepare(record({ externalKey: '1001', location: 'line 9' }))).toMatchObject({ location: 'line 9', message: expect.stringMatching(/first at line 2/) });
  });

  it('hashes content without ids or attribution, and money as it will be stored', () => {
    const money = (amount: string) => record({ type: 'FURTHER_FUNDING', input: { description: 'x', organisation: 'o', amount: { amount, currency: 'GBP' } }, externalKey: 'k' });
    const t = new IdentityTracker();
    const a = t.prepare(money('100')) as { storedFingerprint: string };
    const b = new IdentityTracker().prepare({ ...money('100.00'), input: { ...money('100.00').input, externalIds: ['k', 'other'] } }) as { storedFingerprint: string };
    expect(a.storedFingerprint).toBe(b.storedFingerprint);
    expect(contentHash(record())).toBe(contentHash(record({ awardReferences: ['ES/Z/1'] })));
  });

  it('makes time-ordered ids: later ids sort after earlier ones, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => orderedUuid());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
