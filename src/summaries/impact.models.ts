/** GraphQL object types of `impactSummary` (CONTRACT.graphql, sections "vocabularies" and "summaries"). */
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { OutcomeType } from '../outcomes/outcome-type.enum.js';
import { FundingTotals } from './funding.models.js';

@ObjectType({ description: 'How many outcomes have one vocabulary value. Lists are ordered by count (desc), then label.' })
export class VocabCount {
  @Field({ description: 'The value: a vocabulary code (countries: the country as recorded).' })
  code: string;

  @Field({ description: 'Display label of the code.' })
  label: string;

  @Field(() => Int, { description: 'Number of outcomes.' })
  count: number;
}

@ObjectType({ description: 'How many outcomes fall in one year. Lists are ordered by year.' })
export class YearCount {
  @Field(() => Int, { description: 'Year.' })
  year: number;

  @Field(() => Int, { description: 'Number of outcomes.' })
  count: number;
}

@ObjectType({ description: 'One cell of a cross-tabulation of two vocabularies (codes).' })
export class CrossCount {
  @Field({ description: 'Code of the row value.' })
  row: string;

  @Field({ description: 'Code of the column value.' })
  column: string;

  @Field(() => Int, { description: 'Number of outcomes.' })
  count: number;
}

@ObjectType({ description: 'Answers to a yes/no question, with the unanswered ones.' })
export class YesNoCount {
  @Field(() => Int, { description: 'Answered yes.' })
  yes: number;

  @Field(() => Int, { description: 'Answered no.' })
  no: number;

  @Field(() => Int, { description: 'Not answered.' })
  unknown: number;
}

@ObjectType({ description: 'How many outcomes of one type.' })
export class TypeCount {
  @Field(() => OutcomeType, { description: 'Outcome type.' })
  type: string;

  @Field(() => Int, { description: 'Number of outcomes.' })
  count: number;
}

@ObjectType({ description: 'Engagement activities in figures.' })
export class EngagementSummary {
  @Field(() => Int, { description: 'Number of engagement activities (one over several years counts once).' })
  total: number;

  @Field(() => [VocabCount], { description: 'By form of engagement activity.' })
  byForm: VocabCount[];

  @Field(() => [VocabCount], { description: 'By primary audience.' })
  byPrimaryAudience: VocabCount[];

  @Field(() => [VocabCount], { description: 'By geographic reach.' })
  byGeographicReach: VocabCount[];

  @Field(() => [YearCount], {
    description: 'By year: an activity held in several years counts once in each (within the filter\'s years, if any).',
  })
  byYear: YearCount[];

  @Field(() => [CrossCount], { description: 'Form (row) by primary audience (column), ordered by count (desc), then codes.' })
  formByAudience: CrossCount[];

  @Field(() => [CrossCount], { description: 'Primary audience (row) by geographic reach (column), ordered by count (desc), then codes.' })
  audienceByReach: CrossCount[];
}

@ObjectType({ description: 'Influences on policy, practice, patients and the public in figures.' })
export class PolicyInfluenceSummary {
  @Field(() => Int, { description: 'Number of policy influences.' })
  total: number;

  @Field(() => [VocabCount], { description: 'By type of influence.' })
  byType: VocabCount[];

  @Field(() => [VocabCount], { description: 'By geographic reach (influences without one are left out).' })
  byGeographicReach: VocabCount[];
}

@ObjectType({ description: 'Collaborations and partnerships in figures.' })
export class PartnershipSummary {
  @Field(() => Int, { description: 'Number of partnerships.' })
  total: number;

  @Field(() => [VocabCount], { description: 'By sector of the partner (partnerships without one are left out).' })
  bySector: VocabCount[];

  @Field(() => [VocabCount], { description: 'By country as recorded (code and label are the country text).' })
  byCountry: VocabCount[];
}

@ObjectType({ description: 'Research databases and models in figures.' })
export class ResearchMaterialSummary {
  @Field(() => Int, { description: 'Number of research materials.' })
  total: number;

  @Field(() => [VocabCount], { description: 'By type of material.' })
  byType: VocabCount[];

  @Field(() => YesNoCount, { description: 'Whether the material was provided to others.' })
  providedToOthers: YesNoCount;
}

@ObjectType({ description: 'Narrative impacts in figures.' })
export class ImpactNarrativeSummary {
  @Field(() => Int, { description: 'Number of narrative impacts.' })
  total: number;

  @Field(() => [VocabCount], { description: 'By impact type (a narrative counts once in each of its types).' })
  byImpactType: VocabCount[];

  @Field(() => [VocabCount], { description: 'By sector reached (a narrative counts once in each of its sectors).' })
  bySector: VocabCount[];
}

@ObjectType({ description: 'The figures funders ask for, over the outcomes a filter selects.' })
export class ImpactSummary {
  @Field(() => [TypeCount], {
    description: 'Outcomes per type: every type the filter admits (all six without `types`), in the OutcomeType order, zeros included.',
  })
  outcomeCounts: TypeCount[];

  @Field(() => EngagementSummary, { description: 'Engagement activities.' })
  engagement: EngagementSummary;

  @Field(() => PolicyInfluenceSummary, { description: 'Influences on policy, practice, patients and the public.' })
  policyInfluence: PolicyInfluenceSummary;

  @Field(() => PartnershipSummary, { description: 'Collaborations and partnerships.' })
  partnerships: PartnershipSummary;

  @Field(() => ResearchMaterialSummary, { description: 'Research databases and models.' })
  researchMaterials: ResearchMaterialSummary;

  @Field(() => ImpactNarrativeSummary, { description: 'Narrative impacts.' })
  impactNarratives: ImpactNarrativeSummary;

  @Field(() => FundingTotals, {
    description: 'Further funding of the selected outcomes, per currency and without groups (deleted records never count).',
  })
  furtherFunding: FundingTotals;
}
