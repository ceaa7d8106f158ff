import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { HTTP_URL, MIN_YEAR, maxYear } from '../common/validators.js';
import { EvidenceKind } from './evidence.entity.js';

const NOT_BLANK = /\S/;
const blank = (field: string) => ({ message: `${field} must not be blank` });

/** YYYY, YYYY-MM or YYYY-MM-DD, a real date from 1900 to next year: sources are dated as precisely as known. */
export function isPartialDate(v: unknown): boolean {
  const m = typeof v === 'string' ? /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(\d{2}))?)?$/.exec(v) : null;
  if (!m || Number(m[1]) < MIN_YEAR || Number(m[1]) > maxYear()) return false;
  if (!m[3]) return true;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v as string);
}

function IsPartialDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPartialDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, from ${MIN_YEAR} to ${maxYear()}`, ...options },
      validator: { validate: isPartialDate },
    });
}

@InputType({ description: 'A new item of an award\'s impact plan.' })
export class ImpactPlanItemInput {
  @Field({ description: 'Who is meant to benefit, e.g. "Policy makers" (1 to 200 characters).' })
  @IsString()
  @Matches(NOT_BLANK, blank('beneficiaryGroup'))
  @MaxLength(200)
  beneficiaryGroup: string;

  @Field({ description: 'How they are meant to benefit (up to 5,000 characters).' })
  @IsString()
  @Matches(NOT_BLANK, blank('description'))
  @MaxLength(5000)
  description: string;

  @Field(() => String, { nullable: true, description: 'What the team plans to do for them (up to 2,000 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  plannedActivity?: string | null;

  @Field(() => Int, { nullable: true, description: 'The year to deliver it by (1900 to 2100).' })
  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2100)
  targetYear?: number | null;
}

@InputType({ description: 'A source that corroborates impact, for an award and some of its outcomes.' })
export class EvidenceInput {
  @Field({ description: 'The award, by reference (you must be able to change it).' })
  @IsString()
  @MaxLength(64)
  awardReference: string;

  @Field(() => [ID], { nullable: true, description: 'Outcomes of that award the source corroborates (any type).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  outcomeIds?: string[] | null;

  @Field(() => EvidenceKind, { description: 'Kind of source.' })
  @IsEnum(EvidenceKind)
  kind: EvidenceKind;

  @Field({ description: 'What the source shows, in a sentence (up to 2,000 characters).' })
  @IsString()
  @Matches(NOT_BLANK, blank('summary'))
  @MaxLength(2000)
  summary: string;

  @Field(() => String, { nullable: true, description: 'The words quoted, verbatim (up to 10,000 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  quote?: string | null;

  @Field(() => String, { nullable: true, description: 'Who the source is, by role, e.g. "CEO, case 6" (up to 300 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  sourceRole?: string | null;

  @Field(() => String, { nullable: true, description: 'The organisation of the source (up to 300 characters).' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  sourceOrganisation?: string | null;

  @Field(() => String, { nullable: true, description: 'When: YYYY, YYYY-MM or YYYY-MM-DD.' })
  @IsOptional()
  @IsPartialDate()
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Where to find it: an http or https URL.' })
  @IsOptional()
  @MaxLength(2000)
  @IsUrl(HTTP_URL, { message: 'url must be an http or https URL' })
  url?: string | null;

  @Field(() => Boolean, { nullable: true, description: "For internal use only (default false): hidden from funders and other readers, never in returns." })
  @IsOptional()
  @IsBoolean()
  confidential?: boolean | null;
}
