import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Sector } from '../vocabulary/graphql-enums.js';

@ObjectType({ description: 'A university, funder, company, charity or public body: shared by awards, users, funding and partnerships.' })
@Entity()
export class Organisation {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Name as first recorded; inputs that name it again (any case or spacing) reuse this record.' })
  @Column('text')
  name: string;

  /** lower-case, single-spaced name: one record per organisation however sources write it */
  @Index({ unique: true })
  @Column('text')
  nameKey: string;

  @Field(() => Sector, { nullable: true, description: 'Sector (Researchfish "Sector" vocabulary).' })
  @Column('varchar', { length: 64, nullable: true })
  sector: string | null;

  @Field(() => String, { nullable: true, description: 'Country as sources give it (free text, e.g. "European Union (EU)").' })
  @Column('text', { nullable: true })
  country: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code of the country, where one is recognisable.' })
  @Column('char', { length: 2, nullable: true })
  countryCode: string | null;

  @Field(() => String, { nullable: true, description: 'Research Organization Registry id (https://ror.org/...).' })
  @Column('text', { nullable: true })
  rorId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
