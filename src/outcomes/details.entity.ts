import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organisation } from '../access/organisation.entity.js';
import { Outcome } from './outcome.entity.js';

// One detail table per outcome type, keyed by (and deleted with) the outcome.

@Entity()
export class EngagementActivityDetail {
  @PrimaryColumn('uuid')
  outcomeId: string;

  @OneToOne(() => Outcome, { onDelete: 'CASCADE' })
  @JoinColumn()
  outcome: Relation<Outcome>;

  @Column('varchar', { length: 96 })
  form: string;

  @Column('varchar', { length: 96 })
  primaryAudience: string;

  @Column('varchar', { array: true, length: 96, default: () => "'{}'" })
  otherAudiences: string[];

  @Column('varchar', { length: 64 })
  geographicReach: string;

  @Column('boolean', { nullable: true })
  partOfOfficialScheme: boolean | null;

  @Column('text', { nullable: true })
  typeOfPresentation: string | null;

  @Column('int', { array: true, default: () => "'{}'" })
  years: number[];

  @Column('int', { nullable: true })
  audienceSize: number | null;
}

@Entity()
export class FurtherFundingDetail {
  @PrimaryColumn('uuid')
  outcomeId: string;

  @OneToOne(() => Outcome, { onDelete: 'CASCADE' })
  @JoinColumn()
  outcome: Relation<Outcome>;

  /** exact: numeric, never float */
  @Column('numeric')
  amount: string;

  @Index()
  @Column('char', { length: 3 })
  currency: string;

  @Column('varchar', { length: 96, nullable: true })
  fundingType: string | null;

  @Column('text', { nullable: true })
  fundingId: string | null;

  @ManyToOne(() => Organisation, { nullable: false, onDelete: 'RESTRICT' })
  organisation: Relation<Organisation>;

  @Index()
  @Column('uuid')
  organisationId: string;

  @Column('text', { nullable: true })
  department: string | null;

  @Column('varchar', { length: 64, nullable: true })
  sector: string | null;

  @Column('text', { nullable: true })
  country: string | null;

  @Column('char', { length: 2, nullable: true })
  countryCode: string | null;

  /** "YYYY-MM" */
  @Column('char', { length: 7, nullable: true })
  startMonth: string | null;

  @Column('char', { length: 7, nullable: true })
  endMonth: string | null;

  /** start year, kept for grouping and exchange-rate lookup */
  @Index()
  @Column('int', { nullable: true })
  startYear: number | null;
}

@Entity()
export class PolicyInfluenceDetail {
  @PrimaryColumn('uuid')
  outcomeId: string;

  @OneToOne(() => Outcome, { onDelete: 'CASCADE' })
  @JoinColumn()
  outcome: Relation<Outcome>;

  @Column('varchar', { length: 128 })
  influenceType: string;

  @Column('varchar', { length: 64, nullable: true })
  geographicReach: string | null;

  @Column('text', { nullable: true })
  country: string | null;

  @Column('char', { length: 2, nullable: true })
  countryCode: string | null;

  @Column('int', { nullable: true })
  firstYear: number | null;

  @Column('text', { nullable: true })
  guidelineTitle: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  areas: string[];

  @Column('text', { array: true, default: () => "'{}'" })
  impactTypes: string[];
}

@Entity()
export class PartnershipDetail {
  @PrimaryColumn('uuid')
  outcomeId: string;

  @OneToOne(() => Outcome, { onDelete: 'CASCADE' })
  @JoinColumn()
  outcome: Relation<Outcome>;

  @ManyToOne(() => Organisation, { nullable: false, onDelete: 'RESTRICT' })
  organisation: Relation<Organisation>;

  @Index()
  @Column('uuid')
  organisationId: string;

  @Column('text', { nullable: true })
  department: string | null;

  @Column('varchar', { length: 64, nullable: true })
  sector: string | null;

  @Column('text', { nullable: true })
  country: string | null;

  @Column('char', { length: 2, nullable: true })
  countryCode: string | null;

  @Column('text', { nullable: true })
  piContribution: string | null;

  @Column('text', { nullable: true })
  partnerContribution: string | null;

  @Column('int', { nullable: true })
  startYear: number | null;

  @Column('int', { nullable: true })
  endYear: number | null;

  @Column('boolean', { nullable: true })
  active: boolean | null;

  @Column('boolean', { nullable: true })
  formalAgreement: boolean | null;
}

@Entity()
export class ResearchMaterialDetail {
  @PrimaryColumn('uuid')
  outcomeId: string;

  @OneToOne(() => Outcome, { onDelete: 'CASCADE' })
  @JoinColumn()
  outcome: Relation<Outcome>;

  @Column('varchar', { length: 96 })
  materialType: string;

  @Column('boolean', { nullable: true })
  providedToOthers: boolean | null;

  @Column('int', { nullable: true })
  yearProduced: number | null;

  @Column('text', { nullable: true })
  doi: string | null;
}

@Entity()
export class ImpactNarrativeDetail {
  @PrimaryColumn('uuid')
  outcomeId: string;

  @OneToOne(() => Outcome, { onDelete: 'CASCADE' })
  @JoinColumn()
  outcome: Relation<Outcome>;

  @Column('int', { nullable: true })
  firstYearOfImpact: number | null;

  @Column('varchar', { array: true, length: 128, default: () => "'{}'" })
  sectors: string[];

  @Column('varchar', { array: true, length: 64, default: () => "'{}'" })
  impactTypes: string[];
}
