import { Column, Entity, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Award } from '../awards/award.entity.js';
import { ReportingPeriod } from './reporting-period.entity.js';

/** A frozen return: its snapshot and checksum never change; submitting again adds a version. */
@Entity()
@Index(['awardId', 'periodId', 'version'], { unique: true })
export class SubmittedReturn {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Award, { nullable: false, onDelete: 'RESTRICT' })
  award: Relation<Award>;

  @Index()
  @Column('uuid')
  awardId: string;

  @ManyToOne(() => ReportingPeriod, { nullable: false, onDelete: 'RESTRICT' })
  period: Relation<ReportingPeriod>;

  @Column('uuid')
  periodId: string;

  @Column('int')
  version: number;

  /** the return as it was submitted: canonical JSON, decimals as strings */
  @Column('jsonb')
  snapshot: Record<string, unknown>;

  /** SHA-256 of the canonical JSON of the snapshot */
  @Column('char', { length: 64 })
  checksum: string;

  @Column('timestamptz', { default: () => 'now()' })
  submittedAt: Date;

  @Column('text')
  submittedBy: string;

  @Column('text', { nullable: true })
  overrideReason: string | null;
}

/** Which outcome versions a submission held: the changes of the next draft are computed from these in SQL. */
@Entity()
export class SubmittedReturnOutcome {
  @PrimaryColumn('uuid')
  submittedReturnId: string;

  @Index()
  @PrimaryColumn('uuid')
  outcomeId: string;

  @ManyToOne(() => SubmittedReturn, { onDelete: 'CASCADE' })
  submittedReturn: Relation<SubmittedReturn>;

  @Column('int')
  outcomeVersion: number;
}
