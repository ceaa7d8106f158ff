import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@ObjectType({ description: 'A researcher named on awards (PI, Co-I, ...).' })
@Entity()
export class Person {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Full name.' })
  @Column('text')
  name: string;

  @Field(() => String, { nullable: true, description: 'ORCID iD (0000-0002-1825-0097 form, checksum verified).' })
  @Index({ unique: true, where: 'orcid IS NOT NULL' })
  @Column('varchar', { length: 19, nullable: true })
  orcid: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
