import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { OUTCOME_TYPES, type OutcomeTypeName } from '../outcomes/outcome.entity.js';
import { OutcomeType } from '../outcomes/outcome-type.enum.js';
import { EXPORT_FORMATS, IMPORT_FORMATS, type ExportFormatName, type ImportFormatName } from './import/types.js';

export const ImportFormat = Object.fromEntries(IMPORT_FORMATS.map((f) => [f, f])) as { [K in ImportFormatName]: K };
export const ExportFormat = Object.fromEntries(EXPORT_FORMATS.map((f) => [f, f])) as { [K in ExportFormatName]: K };

const FORMAT_DESCRIPTIONS: Record<ImportFormatName, string> = {
  GTR_TEXT: 'The text of a Gateway to Research project page: the award header and its outcome blocks.',
  GTR_JSON: 'GtR API v2 outcomes as JSON (paged envelopes of outcome resources, with their project resources).',
  GTR_XML: 'GtR API v2 outcomes as XML (the same names, in the GtR project outcome namespace).',
  RESEARCHFISH_XLSX: 'A Researchfish export workbook (.xlsx): one sheet per outcome type, one row per outcome and award.',
  CSV: 'One CSV file per outcome type: a header of the GraphQL field names plus awardReferences.',
};

registerEnumType(ImportFormat, {
  name: 'ImportFormat',
  description: 'A file format importOutcomes reads.',
  valuesMap: Object.fromEntries(IMPORT_FORMATS.map((f) => [f, { description: FORMAT_DESCRIPTIONS[f] }])),
});
registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  description: 'A file format exportOutcomes writes.',
  valuesMap: Object.fromEntries(EXPORT_FORMATS.map((f) => [f, { description: FORMAT_DESCRIPTIONS[f] }])),
});

@InputType({ description: 'A file to import: all-or-nothing, idempotent (importing the same file twice creates nothing new).' })
export class ImportInput {
  @Field(() => ImportFormat, { description: 'The format of `content`.' })
  @IsIn(IMPORT_FORMATS)
  format: ImportFormatName;

  @Field({ description: 'The file: text, or base64 for RESEARCHFISH_XLSX. Large files go to POST /imports instead.' })
  @IsString()
  content: string;

  @Field(() => String, {
    nullable: true,
    description: 'The award a GtR page is about (required for GTR_TEXT); for other formats the award of outcomes that name none.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  awardReference?: string | null;

  @Field(() => OutcomeType, { nullable: true, description: 'Required for CSV (one type per file); for other formats, imports only this type.' })
  @IsOptional()
  @IsIn(OUTCOME_TYPES)
  outcomeType?: OutcomeTypeName | null;

  @Field(() => Boolean, { nullable: true, description: 'Check and report what the import would do, writing nothing.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Import what is sound and list the rest under dataQuality (unreadable values are left empty and kept in sourceFields). ' +
      'Without it (strict), any problem writes nothing.',
  })
  @IsOptional()
  @IsBoolean()
  lenient?: boolean | null;
}

@ObjectType({ description: 'Something in an imported file that could not be taken as it is.' })
export class ImportProblem {
  @Field({ description: 'Where: "line 12", "Engagement row 4", "dissemination[2]", "file".' })
  location: string;

  @Field(() => String, { nullable: true, description: "The field, in the file's own words (GtR label, column header, resource field)." })
  field?: string | null;

  @Field(() => String, { nullable: true, description: 'The value as the file has it.' })
  value?: string | null;

  @Field({ description: 'What is wrong, and what was done about it in lenient mode.' })
  message: string;
}

@ObjectType({ description: 'What an import did (or, for a dry run or a refused import, would have done).' })
export class ImportReport {
  @Field(() => Int, { description: 'Outcomes created.' })
  created: number;

  @Field(() => Int, { description: 'Outcomes that existed (same source id) and whose content the file changed.' })
  updated: number;

  @Field(() => Int, { description: 'Outcomes that existed already as the file has them.' })
  unchanged: number;

  @Field(() => Int, { description: 'Outcome–award links added, those of created outcomes included.' })
  attributed: number;

  @Field(() => Int, { description: 'Awards created from what the file says about them.' })
  awardsCreated: number;

  @Field(() => [ImportProblem], { description: 'Why the import was refused: any problem means nothing was written. Empty when it succeeded.' })
  problems: ImportProblem[];

  @Field(() => [ImportProblem], { description: 'Lenient imports: what was not imported, or not as the file had it.' })
  dataQuality: ImportProblem[];
}
