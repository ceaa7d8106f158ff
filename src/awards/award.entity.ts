import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Organisation } from '../access/organisation.entity.js';

/** A research award: permanent (closed, never deleted); outcomes are attributed to it. */
@Entity()
export class Award {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  reference: string;

  @Column('text')
  title: string;

  @ManyToOne(() => Organisation, { nullable: true, onDelete: 'RESTRICT' })
  funder: Relation<Organisation> | null;

  @Index()
  @Column('uuid', { nullable: true })
  funderId: string | null;

  @ManyToOne(() => Organisation, { nullable: true, onDelete: 'RESTRICT' })
  leadOrganisation: Relation<Organisation> | null;

  @Index()
  @Column('uuid', { nullable: true })
  leadOrganisationId: string | null;

  @Column('text', { nullable: true })
  department: string | null;

  @Column('date', { nullable: true })
  startDate: string | null;

  @Column('date', { nullable: true })
  endDate: string | null;

  @Column('numeric', { nullable: true })
  valueAmount: string | null;

  @Column('char', { length: 3, nullable: true })
  valueCurrency: string | null;

  @Column('varchar', { length: 16, nullable: true })
  status: string | null;

  @Column('text', { nullable: true })
  abstract: string | null;

  @Column('text', { nullable: true })
  plannedImpact: string | null;

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
}
