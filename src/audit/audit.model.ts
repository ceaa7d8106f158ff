import { Field, ID, ObjectType, Int } from '@nestjs/graphql';
import { DateTimeScalar, JSONScalar } from '../common/scalars.js';

@ObjectType('AuditEvent', { description: 'One change: who, what, when, and the record before and after.' })
export class AuditEventModel {
  @Field(() => ID, { description: 'Stable identifier.' })
  id: string;

  @Field(() => DateTimeScalar, { description: 'When the change was committed.' })
  at: Date;

  @Field({ description: 'Who made it (user e-mail, or "system").' })
  actor: string;

  @Field({ description: 'CREATE, UPDATE, DELETE, RESTORE, ATTRIBUTE, UNATTRIBUTE, SUBMIT or IMPORT.' })
  action: string;

  @Field({ description: 'Kind of record: Outcome, Award, ...' })
  entityType: string;

  @Field(() => ID, { description: 'The record changed.' })
  entityId: string;

  @Field(() => JSONScalar, { nullable: true, description: 'The record before (null for a creation).' })
  before: unknown;

  @Field(() => JSONScalar, { nullable: true, description: 'The record after.' })
  after: unknown;
}

@ObjectType('AuditEventList', { description: 'A page of audit events, oldest first.' })
export class AuditEventList {
  @Field(() => [AuditEventModel], { description: 'The events of this page.' })
  items: AuditEventModel[];

  @Field(() => Int, { description: 'How many events match in all.' })
  totalItems: number;
}
