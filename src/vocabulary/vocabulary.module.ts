import { Module } from '@nestjs/common';
// Side effect: registers the vocabulary enums before the schema is built.
import './graphql-enums.js';
import { VocabularyResolver } from './vocabulary.resolver.js';

@Module({ providers: [VocabularyResolver] })
export class VocabularyModule {}
