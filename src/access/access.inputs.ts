import { Field, ID, InputType } from '@nestjs/graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { Sector } from '../vocabulary/graphql-enums.js';
import { Role } from './user.entity.js';

@InputType({ description: 'A new organisation.' })
export class OrganisationInput {
  @Field({ description: 'Name; an organisation of the same name (any case or spacing) must not exist yet.' })
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  name: string;

  @Field(() => Sector, { nullable: true, description: 'Sector.' })
  @IsOptional()
  sector?: string | null;

  @Field(() => String, { nullable: true, description: 'Country (free text; the ISO code is derived where recognisable).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  country?: string | null;

  @Field(() => String, { nullable: true, description: 'ROR id, e.g. https://ror.org/024mrxd33.' })
  @IsOptional()
  @Matches(/^(https:\/\/ror\.org\/)?0[a-z0-9]{6}\d{2}$/, { message: 'rorId must be a ROR id such as https://ror.org/024mrxd33' })
  rorId?: string | null;
}

@InputType({ description: 'A new user.' })
export class UserInput {
  @Field({ description: 'E-mail address (unique).' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(320)
  email: string;

  @Field({ description: 'Display name.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => Role, { description: 'Role.' })
  @IsEnum(Role)
  role: Role;

  @Field(() => ID, { nullable: true, description: 'The organisation the user belongs to (required except for admins).' })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an organisation id' })
  organisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person of the award records this user is.' })
  @IsOptional()
  @IsUUID('all', { message: 'personId must be a person id' })
  personId?: string | null;
}

@InputType({ description: 'A new API token for a user.' })
export class ApiTokenInput {
  @Field(() => ID, { description: 'The user the token acts as.' })
  @IsUUID('all', { message: 'userId must be a user id' })
  userId: string;

  @Field({ description: 'What the token is for.' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the token stops working; null: never.' })
  @IsOptional()
  expiresAt?: Date | null;
}
