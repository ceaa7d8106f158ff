import { Injectable } from '@nestjs/common';
import { normaliseReference } from '../../awards/award-lookup.js';
import { badField } from '../../common/errors.js';
import type { RequestContext } from '../../common/request-context.js';
import { Db } from '../../database/db.service.js';
import type { OutcomeFilter } from '../../outcomes/outcome-filter.input.js';
import { OutcomeFilterSql } from '../../outcomes/outcome-filter.js';
import { OutcomeReader } from '../../outcomes/outcome-reader.js';
import type { OutcomeTypeName } from '../../outcomes/outcome.entity.js';
import type { ExportFormatName } from '../import/types.js';
import { awardDetails } from './awards.js';
import { csvExport } from './csv.js';
import { gtrJsonExport } from './gtr-json.js';
import { gtrTextExport } from './gtr-text.js';
import { exportedOutcomes, type ExportedOutcome } from './load.js';
import { researchfishExport } from './researchfish.js';

export interface ExportFile {
  body: string | Buffer;
  contentType: string;
  filename: string;
}

/** Argument names as the caller sent them (GraphQL arguments, HTTP query parameters), for BAD_USER_INPUT paths. */
export interface ExportPaths {
  award: string;
  type: string;
}

const GRAPHQL_PATHS: ExportPaths = { award: 'filter.awardReferences', type: 'outcomeType' };

/** Writes the outcomes a filter selects (the caller's scope applied in SQL) in one of the interchange formats. */
@Injectable()
export class ExportService {
  constructor(
    private readonly db: Db,
    private readonly filters: OutcomeFilterSql,
    private readonly reader: OutcomeReader,
  ) {}

  async export(
    ctx: RequestContext, format: ExportFormatName, filter: OutcomeFilter | null | undefined, outcomeType: OutcomeTypeName | null | undefined,
    paths: ExportPaths = GRAPHQL_PATHS,
  ): Promise<ExportFile> {
    const f: OutcomeFilter = { ...(filter ?? {}), ...(outcomeType ? { types: [outcomeType] } : {}) };
    const outcomes = () => exportedOutcomes(ctx, this.db, this.filters, this.reader, f);
    switch (format) {
      case 'GTR_TEXT': {
        const refs = f.awardReferences ?? [];
        if (refs.length !== 1) throw badField(paths.award, 'a GtR page is about exactly one award: name one');
        const award = (await awardDetails(ctx, this.db, refs)).get(normaliseReference(refs[0]));
        if (!award) throw badField(`${paths.award}[0]`, `unknown award reference "${refs[0]}"`);
        const body = await gtrTextExport(award, outcomes());
        return { body, contentType: 'text/plain; charset=utf-8', filename: `${fileName(award.reference)}.txt` };
      }
      case 'CSV': {
        if (!outcomeType) throw badField(paths.type, 'a CSV file holds one outcome type: say which');
        let body = '';
        for await (const chunk of csvExport(outcomeType, outcomes())) body += chunk;
        return { body, contentType: 'text/csv; charset=utf-8', filename: `${outcomeType.toLowerCase()}.csv` };
      }
      case 'GTR_JSON': {
        const { all, awards } = await this.collect(ctx, outcomes());
        return { body: gtrJsonExport(all, awards), contentType: 'application/json; charset=utf-8', filename: 'outcomes.json' };
      }
      case 'RESEARCHFISH_XLSX': {
        const { all, awards } = await this.collect(ctx, outcomes());
        return {
          body: await researchfishExport(all, awards),
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          filename: 'researchfish-outcomes.xlsx',
        };
      }
    }
  }

  private async collect(ctx: RequestContext, outcomes: AsyncIterable<ExportedOutcome>) {
    const all: ExportedOutcome[] = [];
    for await (const o of outcomes) all.push(o);
    const awards = await awardDetails(ctx, this.db, [...new Set(all.flatMap((o) => o.awards))]);
    return { all, awards };
  }
}

/** "ES/J008435/1" → "ES-J008435-1", as GtR names its files. */
const fileName = (reference: string): string => reference.replace(/[^A-Za-z0-9._-]+/g, '-');
