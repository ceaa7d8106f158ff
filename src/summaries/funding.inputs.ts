import { ArgsType, Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength, Validate, ValidateNested } from 'class-validator';
import { DecimalScalar } from '../common/scalars.js';
import { IsReportingYear } from '../common/validators.js';
import { codesOf, Sector } from '../vocabulary/index.js';
import { IsCurrencyCode, IsExchangeRate, IsOtherCurrency } from './validators.js';

/** What funding totals can be grouped by (several at once give one group per combination). */
export enum FundingDimension {
  AWARD = 'AWARD',
  AWARD_FUNDER = 'AWARD_FUNDER',
  FUNDING_ORGANISATION = 'FUNDING_ORGANISATION',
  SECTOR = 'SECTOR',
  COUNTRY = 'COUNTRY',
  YEAR = 'YEAR',
  FUNDING_TYPE = 'FUNDING_TYPE',
}

registerEnumType(FundingDimension, {
  name: 'FundingDimension',
  description: 'A dimension to group funding totals by.',
  valuesMap: {
    AWARD: { description: 'The award the funding is attributed to (a record attributed to two awards is in both groups).' },
    AWARD_FUNDER: { description: "The funder organisation of that award (e.g. ESRC)." },
    FUNDING_ORGANISATION: { description: 'The organisation that gave the further funding.' },
    SECTOR: { description: 'Sector of the further funding (Sector vocabulary).' },
    COUNTRY: { description: 'Country of the further funding, as recorded (free text).' },
    YEAR: { description: 'Start year of the further funding.' },
    FUNDING_TYPE: { description: 'Type of further funding (FundingType vocabulary).' },
  },
});

@InputType({ description: 'Which further funding to total: every condition given must hold.' })
export class FundingFilter {
  @Field(() => [String], { nullable: true, description: 'Funding attributed to any of these awards (unknown references are refused).' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  awardReferences?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Funding attributed to awards led by this organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an organisation id' })
  organisationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Funding attributed to awards of this funder (by name, any case or spacing, e.g. "ESRC").' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  awardFunder?: string | null;

  @Field(() => String, { nullable: true, description: 'Funding given by this organisation (by name, any case or spacing).' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  fundingOrganisation?: string | null;

  @Field(() => [Sector], { nullable: true, description: 'Funding from any of these sectors.' })
  @IsOptional()
  @IsIn(codesOf('Sector'), { each: true })
  sectors?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Funding from any of these countries: the recorded text (any case) or an ISO 3166 code / recognisable name ("GB", "UK").',
  })
  @IsOptional()
  @ArrayMaxSize(300)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  countries?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'Funding starting in this year or later.' })
  @IsOptional()
  @IsReportingYear()
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Funding starting in this year or earlier.' })
  @IsOptional()
  @IsReportingYear()
  yearTo?: number | null;
}

@ArgsType()
export class FundingTotalsArgs {
  @Field(() => FundingFilter, { nullable: true, description: 'Which funding; all the caller may read when left out.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FundingFilter)
  filter?: FundingFilter | null;

  @Field(() => [FundingDimension], { nullable: true, defaultValue: [], description: 'Dimensions of the groups; none: no groups.' })
  @IsOptional()
  @ArrayMaxSize(7)
  groupBy?: FundingDimension[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO 4217 code to convert into with the exchange-rate table (gives `converted` and `leverage`).',
  })
  @IsOptional()
  @Validate(IsCurrencyCode)
  reportingCurrency?: string | null;
}

@ArgsType()
export class SetExchangeRateArgs {
  @Field({ description: 'ISO 4217 code of the currency converted from, e.g. EUR.' })
  @Validate(IsCurrencyCode)
  currency: string;

  @Field(() => Int, { description: 'The year the rate applies to (funding is converted at its start year).' })
  @IsReportingYear()
  year: number;

  @Field(() => DecimalScalar, { description: '1 unit of `currency` = rate × `base`; greater than 0.' })
  @Validate(IsExchangeRate)
  rate: string;

  @Field({ description: 'ISO 4217 code of the currency converted into (the reporting currency), e.g. GBP.' })
  @Validate(IsCurrencyCode)
  @Validate(IsOtherCurrency)
  base: string;
}
