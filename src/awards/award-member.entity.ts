import { Column, Entity, Index, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../access/user.entity.js';
import { Award } from './award.entity.js';

/** A user on an award's team: members may record outcomes on it. */
@Entity()
export class AwardMember {
  @PrimaryColumn('uuid')
  awardId: string;

  @Index()
  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => Award, { onDelete: 'CASCADE' })
  award: Relation<Award>;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user: Relation<User>;

  @Column('varchar', { length: 16 })
  role: string;
}
