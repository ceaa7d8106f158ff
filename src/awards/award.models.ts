import { Field, Int, ObjectType } from '@nestjs/graphql';
import { User } from '../access/user.entity.js';
import { AwardRole } from './award.enums.js';
import { Award } from './award.entity.js';
import { Person } from './person.entity.js';

@ObjectType('AwardMember', { description: "A user on the award's team." })
export class AwardMemberModel {
  @Field(() => User, { description: 'The user.' })
  user: User;

  @Field(() => AwardRole, { description: 'Their role on the award.' })
  role: AwardRole;
}

@ObjectType('AwardPerson', { description: 'A person on the award records with their role.' })
export class AwardPersonModel {
  @Field(() => Person, { description: 'The person.' })
  person: Person;

  @Field(() => AwardRole, { description: 'Their role on the award.' })
  role: AwardRole;
}

@ObjectType({ description: 'A page of awards.' })
export class AwardList {
  @Field(() => [Award], { description: 'The awards of this page, by reference.' })
  items: Award[];

  @Field(() => Int, { description: 'How many awards match in all.' })
  totalItems: number;
}
