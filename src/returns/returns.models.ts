import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MaxLength, MinLength } from 'class-validator';
import { Award } from '../awards/award.entity.js';
import { DateTimeScalar, JSONScalar } from '../common/scalars.js';
import { OutcomeModel } from '../outcomes/outcome.models.js';
import { FundingTotals } from '../summaries/funding.models.js';
import { ImpactSummary } from '../summaries/impact.models.js';
import type { ReturnDocument } from './return-document.js';
import { ReportingPeriod } from './reporting-period.entity.js';

export enum ChangeStatusEnum {
  NEW = 'NEW',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REMOVED = 'REMOVED',
}
registerEnumType(ChangeStatusEnum, {
  name: 'ChangeStatus',
  description: "An outcome's change since the award's last submitted return.",
  valuesMap: {
    NEW: { description: 'Never in a submitted return of this award.' },
    UPDATED: { description: 'Changed since the last submitted return (or back after being left out of it).' },
    UNCHANGED: { description: 'As in the last submitted return.' },
    REMOVED: { description: 'In the last submitted return, deleted or unattributed since (shown as submitted).' },
  },
});

export enum RenderFormat {
  JSON = 'JSON',
  CSV = 'CSV',
  MARKDOWN = 'MARKDOWN',
  GTR_TEXT = 'GTR_TEXT',
  HTML = 'HTML',
}
registerEnumType(RenderFormat, {
  name: 'RenderFormat',
  description: 'How a return is rendered (over HTTP: ?format=json|csv|markdown|gtr_text|html).',
  valuesMap: {
    JSON: { description: 'The return as JSON.' },
    CSV: { description: 'CSV, one section per outcome type (formula-injection safe).' },
    MARKDOWN: { description: 'Markdown.' },
    GTR_TEXT: { description: 'The layout of a GtR project page.' },
    HTML: { description: 'A printable HTML page with charts (no external assets).' },
  },
});

@InputType({ description: 'A new reporting period.' })
export class ReportingPeriodInput {
  @Field({ description: 'Name, e.g. "Researchfish 2026".' })
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => DateTimeScalar, { description: 'Submissions open.' })
  opensAt: Date;

  @Field(() => DateTimeScalar, { description: 'Submissions close (after they open).' })
  closesAt: Date;

  @Field(() => DateTimeScalar, { description: 'Start of the time covered.' })
  coversFrom: Date;

  @Field(() => DateTimeScalar, { description: 'End of the time covered (after its start).' })
  coversTo: Date;
}

@ObjectType({ description: 'How many outcomes of a return changed, by status.' })
export class ReturnChanges {
  @Field(() => Int, { description: 'NEW outcomes.' }) new: number;
  @Field(() => Int, { description: 'UPDATED outcomes.' }) updated: number;
  @Field(() => Int, { description: 'UNCHANGED outcomes.' }) unchanged: number;
  @Field(() => Int, { description: 'REMOVED outcomes.' }) removed: number;
}

@ObjectType({ description: 'An outcome of a return with its change since the last submission.' })
export class ReturnOutcome {
  @Field(() => ChangeStatusEnum, { description: 'Its change since the last submitted return.' })
  changeStatus: ChangeStatusEnum;

  @Field(() => OutcomeModel, { description: 'The outcome (REMOVED ones as they were last submitted).' })
  outcome: OutcomeModel;

  @Field(() => Int, { description: 'Evidence items of the award that corroborate it (confidential ones counted, never shown).' })
  evidenceCount: number;
}

@ObjectType({ description: "An item of the award's impact plan in a return: planned against delivered." })
export class ReturnPlanItem {
  @Field(() => ID, { description: "The plan item's id." }) id: string;
  @Field({ description: 'Who is meant to benefit.' }) beneficiaryGroup: string;
  @Field({ description: 'How they are meant to benefit.' }) description: string;
  @Field(() => String, { nullable: true, description: 'What the team planned to do for them.' }) plannedActivity: string | null;
  @Field(() => Int, { nullable: true, description: 'The year to deliver it by.' }) targetYear: number | null;
  @Field(() => Int, { description: 'Live outcomes of the award that delivered it (0: undelivered).' }) delivered: number;
}

@ObjectType({ description: "How much evidence corroborates the award's impact." })
export class ReturnEvidenceCounts {
  @Field(() => Int, { description: 'Evidence items recorded for the award.' }) total: number;
  @Field(() => Int, { description: 'Of which confidential: counted in returns, never shown.' }) confidentialWithheld: number;
}

@ObjectType({ description: 'Something a funder would query before accepting the return.' })
export class ReturnWarning {
  @Field(() => ID, { description: 'The outcome concerned.' }) outcomeId: string;
  @Field({ description: 'The field concerned.' }) field: string;
  @Field({ description: 'What is missing or odd.' }) message: string;
}

@ObjectType('SubmittedReturn', { description: 'A frozen return: later edits never change it.' })
export class SubmittedReturnModel {
  @Field(() => ID, { description: 'Stable identifier.' }) id: string;
  @Field(() => Int, { description: 'Submissions of this award in this period, counting from 1.' }) version: number;
  @Field({ description: 'SHA-256 of the canonical JSON of the snapshot (keys sorted, decimals as strings).' }) checksum: string;
  @Field(() => DateTimeScalar, { description: 'When it was submitted.' }) submittedAt: Date;
  @Field({ description: 'Who submitted it.' }) submittedBy: string;
  @Field(() => String, { nullable: true, description: 'Why an admin submitted outside the open period.' }) overrideReason: string | null;
  @Field(() => JSONScalar, { description: 'The return exactly as submitted.' }) snapshot: ReturnDocument;
  awardId: string;
  periodId: string;
}

@ObjectType({ description: "An award's live draft return for a period." })
export class AnnualReturn {
  @Field(() => Award, { description: 'The award.' }) award: Award;
  @Field(() => ReportingPeriod, { description: 'The reporting period.' }) period: ReportingPeriod;
  @Field(() => ImpactSummary, { description: "The award's impact summary." }) summary: ImpactSummary;
  @Field(() => FundingTotals, { description: "The award's further funding." }) fundingTotals: FundingTotals;
  @Field(() => [ReturnOutcome], { description: 'Every outcome attributed to the award (returns are cumulative), and the removed ones.' })
  outcomes: ReturnOutcome[];
  @Field(() => ReturnChanges, { description: 'Counts of changes since the last submission.' }) changes: ReturnChanges;
  @Field(() => [ReturnWarning], { description: 'Completeness warnings.' }) warnings: ReturnWarning[];
  @Field(() => [ReturnPlanItem], { description: "The award's impact plan with how many outcomes delivered each item." })
  planProgress: ReturnPlanItem[];
  @Field(() => ReturnEvidenceCounts, { description: 'Evidence counts (the sources themselves: the evidence query).' })
  evidenceCounts: ReturnEvidenceCounts;
  @Field(() => SubmittedReturnModel, { nullable: true, description: "The award's last submitted return." })
  lastSubmitted: SubmittedReturnModel | null;
  document: ReturnDocument;
}

@ObjectType({ description: 'An award of a portfolio with its submission status for the period.' })
export class PortfolioAward {
  @Field(() => Award, { description: 'The award.' }) award: Award;
  @Field(() => SubmittedReturnModel, { nullable: true, description: 'Its latest return submitted in this period.' })
  submitted: SubmittedReturnModel | null;
  @Field(() => ReturnChanges, { description: 'Changes since its last submitted return.' }) changes: ReturnChanges;
}

@ObjectType({ description: 'Every award of an organisation or funder for a period, with the roll-up of figures.' })
export class PortfolioReturn {
  @Field(() => ReportingPeriod, { description: 'The reporting period.' }) period: ReportingPeriod;
  @Field(() => [PortfolioAward], { description: 'The awards in scope, by reference.' }) awards: PortfolioAward[];
  @Field(() => ImpactSummary, { description: 'Figures over all these awards (shared outcomes counted once).' }) summary: ImpactSummary;
  @Field(() => FundingTotals, { description: 'Further funding over all these awards (shared records counted once).' })
  fundingTotals: FundingTotals;
}
