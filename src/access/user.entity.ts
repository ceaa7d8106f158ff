import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Person } from '../awards/person.entity.js';
import { Organisation } from './organisation.entity.js';

export enum Role {
  ADMIN = 'ADMIN',
  IMPACT_OFFICER = 'IMPACT_OFFICER',
  RESEARCHER = 'RESEARCHER',
  FUNDER = 'FUNDER',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do.',
  valuesMap: {
    ADMIN: { description: 'Everything.' },
    IMPACT_OFFICER: { description: 'Reads and writes everything of their organisation, and its returns.' },
    RESEARCHER: { description: 'Reads their organisation; writes outcomes on awards they are a member of.' },
    FUNDER: { description: 'Reads awards their organisation funds, their outcomes, summaries and submitted returns.' },
  },
});

@ObjectType({ description: 'A person who signs in with API tokens.' })
@Entity({ name: 'app_user' })
export class User {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'E-mail address (unique, stored lower-case).' })
  @Index({ unique: true })
  @Column('text')
  email: string;

  @Field({ description: 'Display name.' })
  @Column('text')
  name: string;

  @Field(() => Role, { description: 'Role, which with the organisation decides what the user may see and change.' })
  @Column('varchar', { length: 20 })
  role: Role;

  @Field(() => Organisation, { nullable: true, description: 'The organisation the user belongs to.' })
  @ManyToOne(() => Organisation, { nullable: true, onDelete: 'RESTRICT' })
  organisation: Relation<Organisation> | null;

  @Column('uuid', { nullable: true })
  organisationId: string | null;

  @Field(() => Person, { nullable: true, description: 'The person of the award records this user is (links logins to PI/Co-I records).' })
  @ManyToOne(() => Person, { nullable: true, onDelete: 'SET NULL' })
  person: Relation<Person> | null;

  @Column('uuid', { nullable: true })
  personId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
