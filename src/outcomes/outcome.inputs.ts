import { Field, InputType, Int, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsBoolean, IsInt, IsString, IsUrl, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { MoneyInput } from '../common/money.model.js';
import { YearMonthScalar } from '../common/scalars.js';
import { HTTP_URL, IsEndYear, IsNotBefore, IsOptionalOrNull, IsPlausibleMonth, IsReportingYear } from '../common/validators.js';
import {
  Audience, EngagementForm, FundingType, GeographicReach, ImpactSector, ImpactType, MaterialType, PolicyInfluenceType, Sector,
} from '../vocabulary/graphql-enums.js';

const LONG_TEXT = 50000;

/** The writable fields every outcome has. */
@InputType({ isAbstract: true })
abstract class OutcomeCommonInput {
  @Field(() => String, { nullable: true, description: 'Title.' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(1000)
  title?: string | null;

  @Field({ description: 'Description (required).' })
  @IsString()
  @MinLength(1, { message: 'description must not be empty' })
  @MaxLength(LONG_TEXT)
  description: string;

  @Field(() => String, { nullable: true, description: 'What changed because of it.' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(LONG_TEXT)
  impact?: string | null;

  @Field(() => String, { nullable: true, description: 'A web page about it (http or https).' })
  @IsOptionalOrNull()
  @IsUrl(HTTP_URL, { message: 'url must be an http(s) URL' })
  @MaxLength(2048)
  url?: string | null;

  @Field(() => [String], { nullable: true, description: 'Ids in other systems (Researchfish/GtR outcome id...).' })
  @IsOptionalOrNull()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  externalIds?: string[] | null;
}

/** Outcomes with another organisation (the funder of further funding, the partner of a partnership). */
@InputType({ isAbstract: true })
abstract class OrganisationOutcomeInput extends OutcomeCommonInput {
  @Field({ description: 'The organisation, by name (found case- and space-insensitively, or created): who gave the funding, or the partner.' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  organisation: string;

  @Field(() => String, { nullable: true, description: "The organisation's department." })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(300)
  department?: string | null;

  @Field(() => Sector, { nullable: true, description: "The organisation's sector." })
  sector?: string | null;

  @Field(() => String, { nullable: true, description: 'Country (free text; the ISO code is derived where recognisable).' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(100)
  country?: string | null;
}

@InputType({ description: 'A new engagement activity.' })
export class EngagementActivityInput extends OutcomeCommonInput {
  @Field(() => EngagementForm, { description: 'Form of engagement activity.' })
  form: string;

  @Field(() => Audience, { description: 'Primary audience.' })
  primaryAudience: string;

  @Field(() => [Audience], { nullable: true, description: 'Other audiences.' })
  @IsOptionalOrNull()
  @ArrayMaxSize(20)
  otherAudiences?: string[] | null;

  @Field(() => GeographicReach, { description: 'Geographic reach.' })
  geographicReach: string;

  @Field(() => Boolean, { nullable: true, description: 'Part of an official scheme?' })
  @IsOptionalOrNull()
  @IsBoolean()
  partOfOfficialScheme?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Type of presentation (free text).' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(200)
  typeOfPresentation?: string | null;

  @Field(() => [Int], { nullable: true, description: 'Year(s) it took place, 1900 to next year.' })
  @IsOptionalOrNull()
  @ArrayMaxSize(100)
  @IsReportingYear({ each: true })
  years?: number[] | null;

  @Field(() => Int, { nullable: true, description: 'Audience size.' })
  @IsOptionalOrNull()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  audienceSize?: number | null;
}

@InputType({ description: 'New further funding; the organisation is named and found or created.' })
export class FurtherFundingInput extends OrganisationOutcomeInput {
  @Field(() => MoneyInput, { description: 'Amount: positive, exact, in its own currency.' })
  @ValidateNested()
  @Type(() => MoneyInput)
  amount: MoneyInput;

  @Field(() => FundingType, { nullable: true, description: 'Type of funding.' })
  fundingType?: string | null;

  @Field(() => String, { nullable: true, description: "The funder's id for the funding." })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(200)
  fundingId?: string | null;

  @Field(() => YearMonthScalar, { nullable: true, description: 'Start month.' })
  @IsOptionalOrNull()
  @IsPlausibleMonth()
  start?: string | null;

  @Field(() => YearMonthScalar, { nullable: true, description: 'End month (not before the start).' })
  @IsOptionalOrNull()
  @IsPlausibleMonth()
  @IsNotBefore('start', { message: 'end must not be before start' })
  end?: string | null;
}

@InputType({ description: 'A new influence on policy, practice, patients or the public.' })
export class PolicyInfluenceInput extends OutcomeCommonInput {
  @Field(() => PolicyInfluenceType, { description: 'Type of influence.' })
  influenceType: string;

  @Field(() => GeographicReach, { nullable: true, description: 'Geographic reach.' })
  geographicReach?: string | null;

  @Field(() => String, { nullable: true, description: 'Country (free text).' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(100)
  country?: string | null;

  @Field(() => Int, { nullable: true, description: 'First year of influence.' })
  @IsOptionalOrNull()
  @IsReportingYear()
  firstYear?: number | null;

  @Field(() => String, { nullable: true, description: 'Title of the guideline or policy document.' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(1000)
  guidelineTitle?: string | null;

  @Field(() => [String], { nullable: true, description: 'Policy impact areas.' })
  @IsOptionalOrNull()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  areas?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Policy impact types.' })
  @IsOptionalOrNull()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  impactTypes?: string[] | null;
}

@InputType({ description: 'A new collaboration or partnership; the partner organisation is named and found or created.' })
export class PartnershipInput extends OrganisationOutcomeInput {
  @Field(() => String, { nullable: true, description: "The research team's contribution." })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(LONG_TEXT)
  piContribution?: string | null;

  @Field(() => String, { nullable: true, description: "The partner's contribution." })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(LONG_TEXT)
  partnerContribution?: string | null;

  @Field(() => Int, { nullable: true, description: 'Year it started.' })
  @IsOptionalOrNull()
  @IsReportingYear()
  startYear?: number | null;

  @Field(() => Int, { nullable: true, description: 'Year it ended (not before the start).' })
  @IsOptionalOrNull()
  @IsEndYear()
  @IsNotBefore('startYear', { message: 'endYear must not be before startYear' })
  endYear?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Still active?' })
  @IsOptionalOrNull()
  @IsBoolean()
  active?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Is there a formal agreement?' })
  @IsOptionalOrNull()
  @IsBoolean()
  formalAgreement?: boolean | null;
}

@InputType({ description: 'A new research database, model, algorithm or technique.' })
export class ResearchMaterialInput extends OutcomeCommonInput {
  @Field(() => MaterialType, { description: 'Type of material.' })
  materialType: string;

  @Field(() => Boolean, { nullable: true, description: 'Provided to others?' })
  @IsOptionalOrNull()
  @IsBoolean()
  providedToOthers?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Year produced.' })
  @IsOptionalOrNull()
  @IsReportingYear()
  yearProduced?: number | null;

  @Field(() => String, { nullable: true, description: 'DOI, e.g. 10.5255/UKDA-SN-8000-1.' })
  @IsOptionalOrNull()
  @Matches(/^10\.\d{4,9}\/\S{1,300}$/, { message: 'doi must be a DOI such as 10.5255/UKDA-SN-8000-1' })
  doi?: string | null;
}

@InputType({ description: 'A new narrative of impact.' })
export class ImpactNarrativeInput extends OutcomeCommonInput {
  @Field(() => Int, { nullable: true, description: 'First year of impact.' })
  @IsOptionalOrNull()
  @IsReportingYear()
  firstYearOfImpact?: number | null;

  @Field(() => [ImpactSector], { nullable: true, description: 'Sectors the impact reached.' })
  @IsOptionalOrNull()
  @ArrayMaxSize(30)
  sectors?: string[] | null;

  @Field(() => [ImpactType], { nullable: true, description: 'Types of impact.' })
  @IsOptionalOrNull()
  @ArrayMaxSize(10)
  impactTypes?: string[] | null;
}

// Updates: the same fields, every one optional; an explicit null clears an optional field (required ones refuse it).
@InputType({ description: 'Changes to an engagement activity (only the fields given change).' })
export class UpdateEngagementActivityInput extends PartialType(EngagementActivityInput, InputType) {}
@InputType({ description: 'Changes to further funding (only the fields given change).' })
export class UpdateFurtherFundingInput extends PartialType(FurtherFundingInput, InputType) {}
@InputType({ description: 'Changes to a policy influence (only the fields given change).' })
export class UpdatePolicyInfluenceInput extends PartialType(PolicyInfluenceInput, InputType) {}
@InputType({ description: 'Changes to a partnership (only the fields given change).' })
export class UpdatePartnershipInput extends PartialType(PartnershipInput, InputType) {}
@InputType({ description: 'Changes to a research material (only the fields given change).' })
export class UpdateResearchMaterialInput extends PartialType(ResearchMaterialInput, InputType) {}
@InputType({ description: 'Changes to an impact narrative (only the fields given change).' })
export class UpdateImpactNarrativeInput extends PartialType(ImpactNarrativeInput, InputType) {}

