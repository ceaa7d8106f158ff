import { Field, ID, Int, InterfaceType, ObjectType } from '@nestjs/graphql';
import { Organisation } from '../access/organisation.entity.js';
import { Money } from '../common/money.model.js';
import { DateTimeScalar, JSONScalar, YearMonthScalar } from '../common/scalars.js';
import {
  Audience, EngagementForm, FundingType, GeographicReach, ImpactSector, ImpactType, MaterialType, PolicyInfluenceType, Sector,
} from '../vocabulary/graphql-enums.js';
import { OutcomeType } from './outcome-type.enum.js';
import type { OutcomeTypeName } from './outcome.entity.js';
import { TYPE_SPECS } from './types/type-spec.js';

@InterfaceType('Outcome', {
  description: 'Something an award led to. The year of an outcome: engagement = any of its years; funding = start year; ' +
    'policy = firstYear; partnership = startYear; material = yearProduced; narrative = firstYearOfImpact.',
  resolveType: (value: { type: OutcomeTypeName }) => TYPE_SPECS[value.type].graphqlName,
})
export abstract class OutcomeModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => OutcomeType, { description: 'The kind of outcome.' })
  type: OutcomeTypeName;

  @Field(() => String, { nullable: true, description: 'Title.' })
  title: string | null;

  @Field({ description: 'Description.' })
  description: string;

  @Field(() => String, { nullable: true, description: 'What changed because of it (Researchfish "Impact" / "Results and Impact").' })
  impact: string | null;

  @Field(() => String, { nullable: true, description: 'A web page about it (http or https).' })
  url: string | null;

  @Field(() => [String], { description: 'Ids in other systems, e.g. the Researchfish/GtR outcome id.' })
  externalIds: string[];

  @Field(() => Int, { description: 'Bumped by every change; updates and deletion take it as expectedVersion.' })
  version: number;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When it last changed.' })
  updatedAt: Date;

  @Field({ description: 'Who recorded it.' })
  createdBy: string;

  @Field({ description: 'Who changed it last.' })
  updatedBy: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was deleted (listed only with includeDeleted).' })
  deletedAt: Date | null;

  @Field(() => JSONScalar, { nullable: true, description: 'What a source format carried without a typed home: kept so export loses nothing.' })
  sourceFields: Record<string, unknown> | null;
}

@ObjectType({ implements: () => [OutcomeModel], description: 'An engagement activity: a talk, workshop, panel, media piece...' })
export class EngagementActivity extends OutcomeModel {
  @Field(() => EngagementForm, { description: 'Form of engagement activity.' })
  form: string;

  @Field(() => Audience, { description: 'Primary audience.' })
  primaryAudience: string;

  @Field(() => [Audience], { description: 'Other audiences.' })
  otherAudiences: string[];

  @Field(() => GeographicReach, { description: 'Geographic reach.' })
  geographicReach: string;

  @Field(() => Boolean, { nullable: true, description: 'Part of an official scheme?' })
  partOfOfficialScheme: boolean | null;

  @Field(() => String, { nullable: true, description: 'Type of presentation (free text, mostly legacy).' })
  typeOfPresentation: string | null;

  @Field(() => [Int], { description: 'Year(s) the activity took place.' })
  years: number[];

  @Field(() => Int, { nullable: true, description: 'Audience size.' })
  audienceSize: number | null;
}

@ObjectType({ implements: () => [OutcomeModel], description: 'Further (follow-on) funding the award led to.' })
export class FurtherFunding extends OutcomeModel {
  @Field(() => Money, { description: 'Amount, exact, in its own currency.' })
  amount: Money;

  @Field(() => FundingType, { nullable: true, description: 'Type of funding.' })
  fundingType: string | null;

  @Field(() => String, { nullable: true, description: "The funder's id for the funding." })
  fundingId: string | null;

  @Field(() => Organisation, { description: 'Who gave the funding.' })
  organisation: Organisation;

  @Field(() => String, { nullable: true, description: 'Department of the funding organisation.' })
  department: string | null;

  @Field(() => Sector, { nullable: true, description: "The funding organisation's sector." })
  sector: string | null;

  @Field(() => String, { nullable: true, description: 'Country as given (e.g. "European Union (EU)").' })
  country: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country, where recognisable.' })
  countryCode: string | null;

  @Field(() => YearMonthScalar, { nullable: true, description: 'Start month.' })
  start: string | null;

  @Field(() => YearMonthScalar, { nullable: true, description: 'End month.' })
  end: string | null;
}

@ObjectType({ implements: () => [OutcomeModel], description: 'Influence on policy, practice, patients and the public.' })
export class PolicyInfluence extends OutcomeModel {
  @Field(() => PolicyInfluenceType, { description: 'Type of influence.' })
  influenceType: string;

  @Field(() => GeographicReach, { nullable: true, description: 'Geographic reach.' })
  geographicReach: string | null;

  @Field(() => String, { nullable: true, description: 'Country as given.' })
  country: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country, where recognisable.' })
  countryCode: string | null;

  @Field(() => Int, { nullable: true, description: 'First year of influence.' })
  firstYear: number | null;

  @Field(() => String, { nullable: true, description: 'Title of the guideline or policy document.' })
  guidelineTitle: string | null;

  @Field(() => [String], { description: 'Policy impact areas (free text).' })
  areas: string[];

  @Field(() => [String], { description: 'Policy impact types (free text).' })
  impactTypes: string[];
}

@ObjectType({ implements: () => [OutcomeModel], description: 'A collaboration or partnership with another organisation.' })
export class Partnership extends OutcomeModel {
  @Field(() => Organisation, { description: 'The partner organisation.' })
  organisation: Organisation;

  @Field(() => String, { nullable: true, description: "The partner's department." })
  department: string | null;

  @Field(() => Sector, { nullable: true, description: "The partner's sector." })
  sector: string | null;

  @Field(() => String, { nullable: true, description: 'Country as given.' })
  country: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country, where recognisable.' })
  countryCode: string | null;

  @Field(() => String, { nullable: true, description: "The research team's contribution." })
  piContribution: string | null;

  @Field(() => String, { nullable: true, description: "The partner's contribution." })
  partnerContribution: string | null;

  @Field(() => Int, { nullable: true, description: 'Year it started.' })
  startYear: number | null;

  @Field(() => Int, { nullable: true, description: 'Year it ended.' })
  endYear: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Still active?' })
  active: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Is there a formal agreement?' })
  formalAgreement: boolean | null;
}

@ObjectType({ implements: () => [OutcomeModel], description: 'A research database, model, algorithm or technique.' })
export class ResearchMaterial extends OutcomeModel {
  @Field(() => MaterialType, { description: 'Type of material.' })
  materialType: string;

  @Field(() => Boolean, { nullable: true, description: 'Provided to others?' })
  providedToOthers: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Year produced.' })
  yearProduced: number | null;

  @Field(() => String, { nullable: true, description: 'DOI, e.g. 10.5255/UKDA-SN-8000-1.' })
  doi: string | null;
}

@ObjectType({ implements: () => [OutcomeModel], description: 'A narrative of the impact the award had.' })
export class ImpactNarrative extends OutcomeModel {
  @Field(() => Int, { nullable: true, description: 'First year of impact.' })
  firstYearOfImpact: number | null;

  @Field(() => [ImpactSector], { description: 'Sectors the impact reached.' })
  sectors: string[];

  @Field(() => [ImpactType], { description: 'Types of impact.' })
  impactTypes: string[];
}

@ObjectType({ description: 'A page of outcomes, newest first.' })
export class OutcomeList {
  @Field(() => [OutcomeModel], { description: 'The outcomes of this page.' })
  items: OutcomeModel[];

  @Field(() => Int, { description: 'How many outcomes match in all.' })
  totalItems: number;
}

/** What services hand to resolvers: the base columns plus the type's own fields. */
export type OutcomeView = OutcomeModel & Record<string, any>;
