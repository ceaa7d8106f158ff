import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DateTimeScalar } from '../common/scalars.js';

@ObjectType({ description: "A funder's submission period: when returns may be submitted and which dates they cover." })
@Entity()
export class ReportingPeriod {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Name, e.g. "Researchfish 2026".' })
  @Column('text')
  name: string;

  @Field(() => DateTimeScalar, { description: 'Submissions open.' })
  @Column('timestamptz')
  opensAt: Date;

  @Field(() => DateTimeScalar, { description: 'Submissions close.' })
  @Column('timestamptz')
  closesAt: Date;

  @Field(() => DateTimeScalar, { description: 'Start of the time the return covers.' })
  @Column('timestamptz')
  coversFrom: Date;

  @Field(() => DateTimeScalar, { description: 'End of the time the return covers (outcomes dated later are warned about).' })
  @Column('timestamptz')
  coversTo: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('text')
  createdBy: string;
}
