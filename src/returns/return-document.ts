import type { ReturnEvidenceData, ReturnPlanItemData } from '../pathways/pathway-figures.js';
import type { FundingTotals } from '../summaries/funding.models.js';
import type { ImpactSummary } from '../summaries/impact.models.js';
import type { ChangeCounts, ChangeStatus } from './return-changes.js';
import type { ReturnWarningData } from './warnings.js';

/** A return as data: what drafts show, what a submission freezes, and what every renderer reads. */
export interface ReturnDocument {
  award: {
    reference: string;
    title: string;
    funder: string | null;
    leadOrganisation: string | null;
    department: string | null;
    startDate: string | null;
    endDate: string | null;
    value: { amount: string; currency: string } | null;
    status: string | null;
    abstract: string | null;
    plannedImpact: string | null;
  };
  period: { id: string; name: string; opensAt: string; closesAt: string; coversFrom: string; coversTo: string };
  summary: ImpactSummary;
  fundingTotals: FundingTotals;
  /** evidenceCount: evidence items of the award corroborating the outcome, confidential ones included (absent in returns submitted before pathways) */
  outcomes: { changeStatus: ChangeStatus; outcome: Record<string, any> & { id: string; type: string }; evidenceCount?: number }[];
  changes: ChangeCounts;
  warnings: ReturnWarningData[];
  /** the impact plan with delivered counts (absent in returns submitted before pathways) */
  planProgress?: ReturnPlanItemData[];
  /** non-confidential sources; confidential ones only counted, since returns go to funders */
  evidence?: ReturnEvidenceData;
}
