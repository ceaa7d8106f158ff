import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, type Relation } from 'typeorm';
import { Organisation } from '../access/organisation.entity.js';

/** A research award: permanent (closed, never deleted); outcomes are attributed to it. */
@ObjectType({ description: 'A research award (grant): outcomes are attributed to it. Awards are closed, never deleted.' })
@Entity()
export class Award {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: "The funder's reference, e.g. ES/J008435/1 (unique; stored upper-case, no spaces)." })
  @Index({ unique: true })
  @Column('varchar', { length: 64 })
  reference: string;

  @Field({ description: 'Title.' })
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

  @Field(() => String, { nullable: true, description: 'Department of the lead organisation.' })
  @Column('text', { nullable: true })
  department: string | null;

  @Field(() => String, { nullable: true, description: 'Start date, YYYY-MM-DD.' })
  @Column('date', { nullable: true })
  startDate: string | null;

  @Field(() => String, { nullable: true, description: 'End date, YYYY-MM-DD.' })
  @Column('date', { nullable: true })
  endDate: string | null;

  @Column('numeric', { nullable: true })
  valueAmount: string | null;

  @Column('char', { length: 3, nullable: true })
  valueCurrency: string | null;

  @Column('varchar', { length: 16, nullable: true })
  status: string | null;

  @Field(() => String, { nullable: true, description: 'Abstract.' })
  @Column('text', { nullable: true })
  abstract: string | null;

  @Field(() => String, { nullable: true, description: 'Planned impact (pathways to impact), free text.' })
  @Column('text', { nullable: true })
  plannedImpact: string | null;

  @Field(() => Int, { description: 'Bumped by every change; updateAward takes it as expectedVersion.' })
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
