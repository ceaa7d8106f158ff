import { Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { MoneyInput } from '../common/money.model.js';
import { IsCalendarDate, IsNotBefore, IsOptionalOrNull, IsOrcid, NotNullIfGiven } from '../common/validators.js';
import { AwardRole, AwardStatus } from './award.enums.js';

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/._-]{1,62}$/;

@InputType({ description: 'A person named on the award records.' })
export class AwardPersonInput {
  @Field({ description: 'Full name.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'ORCID iD (checksum verified).' })
  @IsOptional()
  @IsOrcid()
  orcid?: string | null;

  @Field(() => AwardRole, { description: 'Role on the award.' })
  @IsEnum(AwardRole)
  role: AwardRole;
}

/** Fields shared by create and update; organisations are named, found case/space-insensitively or created. */
@InputType({ isAbstract: true })
abstract class AwardFields {
  @Field(() => String, { nullable: true, description: 'Funder, by name (e.g. "ESRC").' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(300)
  funder?: string | null;

  @Field(() => String, { nullable: true, description: 'Lead research organisation, by name.' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(300)
  leadOrganisation?: string | null;

  @Field(() => String, { nullable: true, description: 'Department.' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(300)
  department?: string | null;

  @Field(() => String, { nullable: true, description: 'Start date, YYYY-MM-DD.' })
  @IsOptionalOrNull()
  @IsCalendarDate()
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'End date, YYYY-MM-DD (not before the start).' })
  @IsOptionalOrNull()
  @IsCalendarDate()
  @IsNotBefore('startDate', { message: 'endDate must not be before startDate' })
  endDate?: string | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Value of the award.' })
  @IsOptionalOrNull()
  @ValidateNested()
  @Type(() => MoneyInput)
  value?: MoneyInput | null;

  @Field(() => AwardStatus, { nullable: true, description: 'Status (ACTIVE when not given).' })
  @IsOptionalOrNull()
  @IsEnum(AwardStatus)
  status?: AwardStatus | null;

  @Field(() => String, { nullable: true, description: 'Abstract.' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(50000)
  abstract?: string | null;

  @Field(() => String, { nullable: true, description: 'Planned impact (pathways to impact).' })
  @IsOptionalOrNull()
  @IsString()
  @MaxLength(50000)
  plannedImpact?: string | null;

  @Field(() => [AwardPersonInput], { nullable: true, description: 'People on the award with their roles (replaces the list when given).' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AwardPersonInput)
  people?: AwardPersonInput[] | null;
}

@InputType({ description: 'A new award.' })
export class AwardInput extends AwardFields {
  @Field({ description: "The funder's reference, e.g. ES/J008435/1 (unique)." })
  @IsString()
  @Matches(REFERENCE, { message: 'reference must be 2 to 63 letters, digits and / . _ -, e.g. ES/J008435/1' })
  reference: string;

  @Field({ description: 'Title.' })
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  title: string;
}

@InputType({ description: 'Changes to an award: only the fields given change; an explicit null clears an optional field.' })
export class UpdateAwardInput extends AwardFields {
  @Field(() => String, { nullable: true, description: 'Title (cannot be cleared).' })
  @NotNullIfGiven()
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  title?: string;
}

@InputType({ description: 'Which awards: every condition given must hold.' })
export class AwardFilter {
  @Field(() => String, { nullable: true, description: 'Words in the reference or title.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Funder, by name.' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  funder?: string | null;

  @Field(() => ID, { nullable: true, description: 'Lead organisation.' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an organisation id' })
  organisationId?: string | null;

  @Field(() => AwardStatus, { nullable: true, description: 'Status.' })
  @IsOptional()
  @IsEnum(AwardStatus)
  status?: AwardStatus | null;
}
