// Every entity, listed once: globs do not work across the compiled app and ts-jest.
import { ApiToken } from '../access/api-token.entity.js';
import { Organisation } from '../access/organisation.entity.js';
import { User } from '../access/user.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { AwardMember } from '../awards/award-member.entity.js';
import { AwardPerson } from '../awards/award-person.entity.js';
import { Award } from '../awards/award.entity.js';
import { Person } from '../awards/person.entity.js';
import { IdempotencyKey } from '../common/idempotency-key.entity.js';
import {
  EngagementActivityDetail,
  FurtherFundingDetail,
  ImpactNarrativeDetail,
  PartnershipDetail,
  PolicyInfluenceDetail,
  ResearchMaterialDetail,
} from '../outcomes/details.entity.js';
import { Outcome, OutcomeAward } from '../outcomes/outcome.entity.js';
import { Evidence, EvidenceOutcome } from '../pathways/evidence.entity.js';
import { ImpactPlanItem, PlanItemOutcome } from '../pathways/impact-plan.entity.js';
import { ReportingPeriod } from '../returns/reporting-period.entity.js';
import { SubmittedReturn, SubmittedReturnOutcome } from '../returns/submitted-return.entity.js';
import { ExchangeRate } from '../summaries/exchange-rate.entity.js';

export const ENTITIES = [
  Organisation,
  User,
  ApiToken,
  Person,
  Award,
  AwardPerson,
  AwardMember,
  Outcome,
  OutcomeAward,
  EngagementActivityDetail,
  FurtherFundingDetail,
  PolicyInfluenceDetail,
  PartnershipDetail,
  ResearchMaterialDetail,
  ImpactNarrativeDetail,
  AuditEvent,
  IdempotencyKey,
  ExchangeRate,
  ReportingPeriod,
  SubmittedReturn,
  SubmittedReturnOutcome,
  ImpactPlanItem,
  PlanItemOutcome,
  Evidence,
  EvidenceOutcome,
];
