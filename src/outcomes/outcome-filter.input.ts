import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsReportingYear } from '../common/validators.js';
import { OUTCOME_TYPES } from './outcome.entity.js';
import { OutcomeType } from './outcome-type.enum.js';

@InputType({ description: 'Which outcomes: every condition given must hold.' })
export class OutcomeFilter {
  @Field(() => [String], { nullable: true, description: 'Outcomes attributed to any of these awards.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  awardReferences?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Outcomes of awards led by this organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an organisation id' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Outcomes of awards funded by this organisation (by name, e.g. "ESRC").' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  awardFunder?: string | null;

  @Field(() => [OutcomeType], { nullable: true, description: 'Only these outcome types.' })
  @IsOptional()
  @IsIn(OUTCOME_TYPES, { each: true })
  types?: string[] | null;

  @Field(() => Int, { nullable: true, description: "Outcomes whose year (per type, see Outcome) is this year or later." })
  @IsOptional()
  @IsReportingYear()
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Outcomes whose year is this year or earlier.' })
  @IsOptional()
  @IsReportingYear()
  yearTo?: number | null;

  @Field(() => String, { nullable: true, description: 'Full-text search over title, description and impact (web-search syntax).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  search?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Include deleted outcomes.' })
  @IsOptional()
  @IsBoolean()
  includeDeleted?: boolean | null;
}
