import { Column, CreateDateColumn, Entity, Index, ManyToOne, OneToMany, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Award } from '../awards/award.entity.js';

export const OUTCOME_TYPES = [
  'ENGAGEMENT_ACTIVITY',
  'FURTHER_FUNDING',
  'POLICY_INFLUENCE',
  'PARTNERSHIP',
  'RESEARCH_MATERIAL',
  'IMPACT_NARRATIVE',
] as const;
export type OutcomeTypeName = (typeof OUTCOME_TYPES)[number];

/**
 * The columns every outcome has; each type keeps its own fields in a detail table keyed by the outcome id.
 * `years` is the outcome's year(s) as the contract defines them per type, kept here so filters are uniform.
 */
@Entity()
// GIN indexes (full text; external ids) are created by hand in the migration: TypeORM cannot declare them.
@Index('IDX_outcome_search', { synchronize: false })
@Index('IDX_outcome_external_ids', { synchronize: false })
@Index('IDX_outcome_live_created', ['createdAt'], { where: 'deleted_at IS NULL' })
// Live outcomes by id, covering type, version and years (hand-written: TypeORM cannot declare INCLUDE): summaries,
// returns and scope checks find "live and of this type" from the index alone (bench/RESULTS.md).
@Index('IDX_outcome_live', { synchronize: false })
export class Outcome {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('varchar', { length: 32 })
  type: OutcomeTypeName;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text')
  description: string;

  @Column('text', { nullable: true })
  impact: string | null;

  @Column('text', { nullable: true })
  url: string | null;

  @Column('text', { array: true, default: () => "'{}'" })
  externalIds: string[];

  @Column('int', { array: true, default: () => "'{}'" })
  years: number[];

  @Column('jsonb', { nullable: true })
  sourceFields: Record<string, unknown> | null;

  /** content fingerprint for sources without ids (GtR page text), for idempotent re-import */
  @Index()
  @Column('char', { length: 64, nullable: true })
  fingerprint: string | null;

  @Column('int', { default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('text')
  createdBy: string;

  @Column('text')
  updatedBy: string;

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;

  @OneToMany(() => OutcomeAward, (a) => a.outcome)
  attributions: Relation<OutcomeAward>[];
}

/** Attribution: one outcome may count for several awards. */
@Entity()
// An award's outcomes from the index alone (organisation and funder portfolios read thousands of awards at once).
@Index('IDX_outcome_award_award_outcome', ['awardId', 'outcomeId'])
export class OutcomeAward {
  @PrimaryColumn('uuid')
  outcomeId: string;

  @PrimaryColumn('uuid')
  awardId: string;

  @ManyToOne(() => Outcome, (o) => o.attributions, { onDelete: 'CASCADE' })
  outcome: Relation<Outcome>;

  @ManyToOne(() => Award, { onDelete: 'RESTRICT' })
  award: Relation<Award>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
