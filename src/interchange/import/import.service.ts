import { Injectable } from '@nestjs/common';
import { OrganisationsService } from '../../access/organisations.service.js';
import { AuditService } from '../../audit/audit.service.js';
import { AwardsService } from '../../awards/awards.service.js';
import { badInput, type FieldError } from '../../common/errors.js';
import type { RequestContext } from '../../common/request-context.js';
import { Db } from '../../database/db.service.js';
import { OutcomesService } from '../../outcomes/outcomes.service.js';
import { openSource, type ImportContent } from '../formats/index.js';
import { ImportAwards } from './awards.js';
import { ReportBuilder } from './report.js';
import { ImportRun } from './run.js';
import type { ImportOptions, ImportReportData } from './types.js';
import { ImportWriter } from './writer.js';

/** The advisory lock key that serialises imports (any constant no other feature uses). */
const IMPORT_LOCK = 7_215_300_101;

/** Thrown to roll back a transaction whose work must not be kept (dry run, refused import). */
const DISCARD = Symbol('discard');

/**
 * Imports a file all-or-nothing in one transaction: every record is checked as the GraphQL create mutation
 * would check it; a strict import with any problem, and every dry run, is rolled back and only reported.
 */
@Injectable()
export class ImportService {
  private readonly writer: ImportWriter;

  constructor(
    private readonly db: Db,
    private readonly awards: AwardsService,
    private readonly outcomes: OutcomesService,
    organisations: OrganisationsService,
    audit: AuditService,
  ) {
    this.writer = new ImportWriter(db, organisations, audit);
  }

  /** `paths` names the arguments as the caller sent them (GraphQL input fields, HTTP query parameters). */
  async import(ctx: RequestContext, opts: ImportOptions, content: ImportContent, paths = { awardReference: 'input.awardReference', outcomeType: 'input.outcomeType' }): Promise<ImportReportData> {
    const missing: FieldError[] = [];
    if (opts.format === 'CSV' && !opts.outcomeType) missing.push({ path: paths.outcomeType, message: 'a CSV file holds one outcome type: say which' });
    if (opts.format === 'GTR_TEXT' && !opts.awardReference?.trim()) missing.push({ path: paths.awardReference, message: 'a GtR page is about one award: give its reference' });
    if (missing.length) throw badInput(missing);
    const report = new ReportBuilder(opts.lenient === true);
    await this.discardable(ctx, async (tx) => {
      // One import at a time (in PostgreSQL, so across replicas too): two copies of a file imported at once would
      // each miss the other's uncommitted outcomes and create them twice. A second import waits for the first.
      await this.db.query(tx, 'SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      const awards = new ImportAwards(tx, this.db, this.awards, report);
      const run = new ImportRun(tx, this.db, this.writer, this.outcomes, awards, report, opts.format);
      const source = await openSource(opts, content, report);
      await awards.describe(source.awards);
      let read = 0;
      for await (const record of source.records) {
        opts.onProgress?.(++read);
        // Other formats hold several types; outcomeType, when given, narrows the import to one.
        if (opts.outcomeType && record.type !== opts.outcomeType) continue;
        await run.add(record);
      }
      await run.flush();
      report.awardsCreated = awards.created;
      return opts.dryRun !== true && !report.failed;
    });
    return report.result();
  }

  /**
   * Runs fn in a transaction and keeps its work only when fn says so. Inside a GraphQL mutation (already a
   * transaction) a savepoint does the same, so the mutation still answers with its report.
   */
  private async discardable(ctx: RequestContext, fn: (tx: RequestContext) => Promise<boolean>): Promise<void> {
    if (ctx.manager?.queryRunner?.isTransactionActive) {
      await this.db.query(ctx, 'SAVEPOINT import_outcomes');
      let keep = false;
      try {
        keep = await fn(ctx);
      } finally {
        await this.db.query(ctx, keep ? 'RELEASE SAVEPOINT import_outcomes' : 'ROLLBACK TO SAVEPOINT import_outcomes');
      }
      return;
    }
    try {
      await this.db.transaction(ctx, async (tx) => {
        if (!(await fn(tx))) throw DISCARD;
      });
    } catch (e) {
      if (e !== DISCARD) throw e;
    }
  }
}
