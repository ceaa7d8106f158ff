import { Column, Entity, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Award } from './award.entity.js';
import { Person } from './person.entity.js';

/** A person's role on an award as the award records show it (PI, Co-I, ...). */
@Entity()
export class AwardPerson {
  @PrimaryColumn('uuid')
  awardId: string;

  @PrimaryColumn('uuid')
  personId: string;

  @ManyToOne(() => Award, { onDelete: 'CASCADE' })
  award: Relation<Award>;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  person: Relation<Person>;

  @Column('varchar', { length: 16 })
  role: string;
}
