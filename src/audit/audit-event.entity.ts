import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Who changed what, with the record before and after: written in the same transaction as the change. */
@Entity()
@Index(['entityId', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column('text')
  actor: string;

  @Column('uuid', { nullable: true })
  actorUserId: string | null;

  @Column('varchar', { length: 32 })
  action: string;

  @Column('varchar', { length: 32 })
  entityType: string;

  @Column('uuid')
  entityId: string;

  @Column('jsonb', { nullable: true })
  before: Record<string, unknown> | null;

  @Column('jsonb', { nullable: true })
  after: Record<string, unknown> | null;

  @Column('text', { nullable: true })
  requestId: string | null;
}
