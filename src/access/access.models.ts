import { Field, ObjectType } from '@nestjs/graphql';
import { ApiToken } from './api-token.entity.js';

@ObjectType({ description: 'A new API token: the secret is shown here once and never again.' })
export class CreatedApiToken {
  @Field({ description: 'The secret, to send as "Authorization: Bearer <token>". Store it now: only its hash is kept.' })
  token: string;

  @Field(() => ApiToken, { description: 'The token record.' })
  apiToken: ApiToken;
}
