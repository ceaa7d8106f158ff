import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A retried mutation's key: scoped to the caller and the operation, kept at least 24 hours. */
@Entity()
export class IdempotencyKey {
  @PrimaryColumn('uuid')
  userId: string;

  @PrimaryColumn('varchar', { length: 64 })
  operation: string;

  @PrimaryColumn('varchar', { length: 200 })
  key: string;

  /** SHA-256 of the canonical JSON of all the operation's arguments */
  @Column('char', { length: 64 })
  requestHash: string;

  /** what the first call returned (an entity id) */
  @Column('jsonb')
  result: Record<string, unknown>;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
