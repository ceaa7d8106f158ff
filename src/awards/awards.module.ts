import { Module } from '@nestjs/common';
import { AwardLookup } from './award-lookup.js';
import { AwardsResolver } from './awards.resolver.js';
import { AwardsService } from './awards.service.js';

@Module({ providers: [AwardsService, AwardLookup, AwardsResolver], exports: [AwardsService, AwardLookup] })
export class AwardsModule {}
