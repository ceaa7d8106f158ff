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
  outcomes: { changeStatus: ChangeStatus; outcome: Record<string, any> & { id: string; type: string } }[];
  changes: ChangeCounts;
  warnings: ReturnWarningData[];
}
