import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { User } from './user.entity.js';

@ObjectType({ description: 'An API token (its secret is shown once, at creation, and stored only as a hash).' })
@Entity()
export class ApiToken {
  @Field(() => ID, { description: 'Stable identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'What the token is for, e.g. "CI import job".' })
  @Column('text')
  name: string;

  @Field({ description: 'The first characters of the secret, to recognise it in lists and logs.' })
  @Column('varchar', { length: 16 })
  prefix: string;

  /** SHA-256 of the secret: tokens carry 256 random bits, so a fast hash is safe and keeps lookups cheap. */
  @Index({ unique: true })
  @Column('char', { length: 64 })
  tokenHash: string;

  @ManyToOne(() => User, { nullable: false, onDelete: 'CASCADE' })
  user: Relation<User>;

  @Column('uuid')
  userId: string;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the token stops working; null: never.' })
  @Column('timestamptz', { nullable: true })
  expiresAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'Last time the token authenticated a request (to the minute).' })
  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When the token was revoked; null while usable.' })
  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
