import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessResolver } from './access.resolver.js';
import { AuthGuard } from './auth.guard.js';
import { OrganisationsService } from './organisations.service.js';
import { TokensService } from './tokens.service.js';
import { UsersService } from './users.service.js';
import { UserResolver } from './user.resolver.js';

@Global()
@Module({
  providers: [TokensService, UsersService, OrganisationsService, AccessResolver, UserResolver, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokensService, UsersService, OrganisationsService],
})
export class AccessModule {}
