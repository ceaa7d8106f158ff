import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Ctx } from '../access/decorators.js';
import type { RequestContext } from '../common/request-context.js';
import { OutcomeFilter } from '../outcomes/outcome-filter.input.js';
import { OutcomeType } from '../outcomes/outcome-type.enum.js';
import type { OutcomeTypeName } from '../outcomes/outcome.entity.js';
import { ExportService } from './export/export.service.js';
import { ImportService } from './import/import.service.js';
import type { ExportFormatName, ImportReportData } from './import/types.js';
import { ExportFormat, ImportInput, ImportReport } from './interchange.models.js';

@Resolver()
export class InterchangeResolver {
  constructor(
    private readonly imports: ImportService,
    private readonly exports: ExportService,
  ) {}

  @Mutation(() => ImportReport, {
    description: 'Imports outcomes (and the awards a file describes) all-or-nothing. Strict by default: any problem writes ' +
      'nothing and every problem is listed. Importing the same file again creates nothing new.',
  })
  importOutcomes(@Ctx() ctx: RequestContext, @Args('input') input: ImportInput): Promise<ImportReportData> {
    return this.imports.import(ctx, input, input.content);
  }

  @Query(() => String, {
    description: 'Outcomes in an interchange format: GTR_TEXT needs exactly one award in the filter, CSV an outcomeType; ' +
      'RESEARCHFISH_XLSX comes base64-encoded. GET /exports gives the same as a file download.',
  })
  async exportOutcomes(
    @Ctx() ctx: RequestContext,
    @Args('format', { type: () => ExportFormat }) format: ExportFormatName,
    @Args('filter', { type: () => OutcomeFilter, nullable: true }) filter: OutcomeFilter | null,
    @Args('outcomeType', { type: () => OutcomeType, nullable: true }) outcomeType: OutcomeTypeName | null,
  ): Promise<string> {
    const file = await this.exports.export(ctx, format, filter, outcomeType);
    return Buffer.isBuffer(file.body) ? file.body.toString('base64') : file.body;
  }
}
