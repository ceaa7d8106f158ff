import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Max, Min } from 'class-validator';

export const MAX_TAKE = 100;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 0, description: 'How many items to skip.' })
  @Min(0)
  skip: number = 0;

  @Field(() => Int, { defaultValue: 20, description: `How many items to return (1 to ${MAX_TAKE}).` })
  @Min(1)
  @Max(MAX_TAKE, { message: `take must not be greater than ${MAX_TAKE}` })
  take: number = 20;
}
