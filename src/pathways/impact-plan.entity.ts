import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Award } from '../awards/award.entity.js';
import { Outcome } from '../outcomes/outcome.entity.js';

/** One line of an award's pathway to impact: who should benefit and how the team planned to reach them. */
@ObjectType({ description: "An item of an award's impact plan (pathways to impact): a beneficiary group and what was planned for it." })
@Entity()
@Index(['awardId', 'createdAt'])
export class ImpactPlanItem {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Award, { nullable: false, onDelete: 'RESTRICT' })
  award: Relation<Award>;

  @Column('uuid')
  awardId: string;

  @Field({ description: 'Who is meant to benefit, e.g. "Policy makers".' })
  @Column('text')
  beneficiaryGroup: string;

  @Field({ description: 'How they are meant to benefit.' })
  @Column('text')
  description: string;

  @Field(() => String, { nullable: true, description: 'What the team planned to do for them, e.g. "Policy briefing papers".' })
  @Column('text', { nullable: true })
  plannedActivity: string | null;

  @Field(() => Int, { nullable: true, description: 'The year the team aimed to deliver it by.' })
  @Column('int', { nullable: true })
  targetYear: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('text')
  createdBy: string;
}

/** An outcome that delivered a plan item (only outcomes attributed to the item's award). */
@Entity()
export class PlanItemOutcome {
  @PrimaryColumn('uuid')
  planItemId: string;

  @Index()
  @PrimaryColumn('uuid')
  outcomeId: string;

  @ManyToOne(() => ImpactPlanItem, { onDelete: 'CASCADE' })
  planItem: Relation<ImpactPlanItem>;

  @ManyToOne(() => Outcome, { onDelete: 'CASCADE' })
  outcome: Relation<Outcome>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('text')
  createdBy: string;
}
