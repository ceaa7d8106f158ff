/**
 * One import in progress: records are checked one by one as the source yields them, buffered, and written a
 * batch at a time inside the import's transaction, so a 100,000-row file needs the memory of one batch.
 */
import type { RequestContext } from '../../common/request-context.js';
import type { Db } from '../../database/db.service.js';
import type { OutcomesService } from '../../outcomes/outcomes.service.js';
import type { ImportAwards } from './awards.js';
import { IdentityTracker, type PreparedRecord } from './identity.js';
import { findExisting, type ExistingOutcome } from './matcher.js';
import type { ReportBuilder } from './report.js';
import type { ImportRecord } from './types.js';
import { checkRecord } from './validate.js';
import { externalIds, type ImportWriter, type NewOutcome } from './writer.js';

export const BATCH_SIZE = 1000;

interface Resolved {
  record: PreparedRecord;
  awardIds: string[];
  awardReferences: string[];
}

export class ImportRun {
  private readonly identities = new IdentityTracker();
  private buffer: PreparedRecord[] = [];

  constructor(
    private readonly ctx: RequestContext,
    private readonly db: Db,
    private readonly writer: ImportWriter,
    private readonly outcomes: OutcomesService,
    private readonly awards: ImportAwards,
    private readonly report: ReportBuilder,
    private readonly format: string,
  ) {}

  async add(record: ImportRecord): Promise<void> {
    if (!record.awardReferences.length) {
      this.report.problem(record.awardProblem ?? { location: record.location, message: 'no award: name one in the file or give awardReference' });
      return;
    }
    const checked = await checkRecord(record, this.report);
    if (!checked) return;
    const prepared = this.identities.prepare(checked);
    if (!('storedFingerprint' in prepared)) return this.report.problem(prepared);
    this.buffer.push(prepared);
    if (this.buffer.length >= BATCH_SIZE) await this.flush();
  }

  async flush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    if (!batch.length) return;
    await this.awards.load(batch.flatMap((r) => r.awardReferences));
    const resolved = batch.flatMap((r) => this.resolveAwards(r));
    // A refused import writes nothing: once refused, the rest of the file is only checked, not written.
    if (this.report.failed) return;
    const existing = await findExisting(this.ctx, this.db, resolved.map((r) => r.record));
    const fresh: NewOutcome[] = [];
    const links: [string, string][] = [];
    for (const [i, r] of resolved.entries()) {
      const found = existing[i];
      if (!found) fresh.push(r);
      else if (found.deleted) this.report.unchanged += 1;
      else {
        await this.update(found, r);
        links.push(...r.awardIds.map((a): [string, string] => [found.id, a]));
      }
    }
    this.report.created += fresh.length;
    this.report.attributed += await this.writer.insert(this.ctx, fresh, this.format);
    await this.attributeExisting(links);
  }

  private resolveAwards(record: PreparedRecord): Resolved[] {
    const awardIds: string[] = [];
    for (const ref of record.awardReferences) {
      const r = this.awards.resolve(ref);
      if ('reason' in r) {
        this.report.problem({ location: record.location, field: record.labels?.awardReferences ?? 'awardReferences', value: ref, message: r.reason });
      } else if (!awardIds.includes(r.id)) awardIds.push(r.id);
    }
    // Lenient: an outcome keeps the awards that resolved; with none it cannot be recorded.
    if (awardIds.length < record.awardReferences.length && (!this.report.lenient || !awardIds.length)) return [];
    return [{ record, awardIds, awardReferences: record.awardReferences }];
  }

  /** Same content as last time: unchanged. Otherwise the source's fields replace ours, through the update rules. */
  private async update(found: ExistingOutcome, r: Resolved): Promise<void> {
    if (found.fingerprint === r.record.storedFingerprint) {
      this.report.unchanged += 1;
      return;
    }
    const patch: Record<string, unknown> = { ...r.record.input, externalIds: [...new Set([...found.externalIds, ...externalIds(r.record)])] };
    await this.outcomes.update(this.ctx, r.record.type, found.id, found.version, patch);
    const sourceFields = { ...(found.sourceFields ?? {}), ...r.record.sourceFields };
    await this.db.query(this.ctx, 'UPDATE outcome SET source_fields = $2::jsonb, fingerprint = $3 WHERE id = $1', [
      found.id,
      Object.keys(sourceFields).length ? JSON.stringify(sourceFields) : null,
      r.record.storedFingerprint,
    ]);
    this.report.updated += 1;
  }

  /** New attributions of outcomes that existed: counted, versioned and audited as attributeOutcome does. */
  private async attributeExisting(links: [string, string][]): Promise<void> {
    const added = await this.writer.attribute(this.ctx, links);
    if (!added.size) return;
    const ids = [...added.keys()];
    await this.db.query(this.ctx, 'UPDATE outcome SET version = version + 1, updated_at = now(), updated_by = $2 WHERE id = ANY($1::uuid[])', [ids, this.ctx.actor]);
    for (const n of added.values()) this.report.attributed += n;
    await this.writer.auditAttributions(this.ctx, added, this.format);
  }
}
