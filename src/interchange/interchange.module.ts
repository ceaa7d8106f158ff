import { Module } from '@nestjs/common';
import { OutcomesModule } from '../outcomes/outcomes.module.js';
import { ExportService } from './export/export.service.js';
import { InterchangeController } from './http.controller.js';
import { ImportService } from './import/import.service.js';
import { InterchangeResolver } from './interchange.resolver.js';

/** Import and export of the formats research offices hold: GtR page text, GtR API JSON/XML, Researchfish, CSV. */
@Module({
  imports: [OutcomesModule],
  providers: [ImportService, ExportService, InterchangeResolver],
  controllers: [InterchangeController],
  exports: [ImportService, ExportService],
})
export class InterchangeModule {}
