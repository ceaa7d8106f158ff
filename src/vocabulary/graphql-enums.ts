/**
 * The vocabularies as code-first GraphQL enums. Importing this file registers them (once), so a model that
 * uses `@Field(() => Audience)` only needs to import `Audience` from here.
 */
import { registerEnumType } from '@nestjs/graphql';
import { enumOf, VOCABULARIES, VOCABULARY_NAMES, type VocabularyName } from './vocabulary.js';

export const EngagementForm = enumOf('EngagementForm');
export const Audience = enumOf('Audience');
export const GeographicReach = enumOf('GeographicReach');
export const PolicyInfluenceType = enumOf('PolicyInfluenceType');
export const Sector = enumOf('Sector');
export const FundingType = enumOf('FundingType');
export const ImpactType = enumOf('ImpactType');
export const ImpactSector = enumOf('ImpactSector');
export const MaterialType = enumOf('MaterialType');

// Codes come from data, so TS cannot narrow them further than string; isCode() checks them at run time.
export type EngagementFormCode = string;
export type AudienceCode = string;
export type GeographicReachCode = string;
export type PolicyInfluenceTypeCode = string;
export type SectorCode = string;
export type FundingTypeCode = string;
export type ImpactTypeCode = string;
export type ImpactSectorCode = string;
export type MaterialTypeCode = string;

let registered = false;

/** Registers every vocabulary enum with @nestjs/graphql; later calls do nothing (registration would duplicate). */
export function registerVocabularyEnums(): void {
  if (registered) return;
  registered = true;
  for (const name of VOCABULARY_NAMES) registerVocabularyEnum(name);
}

function registerVocabularyEnum(name: VocabularyName): void {
  const vocabulary = VOCABULARIES[name];
  const valuesMap = Object.fromEntries(vocabulary.entries.map((e) => [e.code, { description: e.label }]));
  registerEnumType(enumOf(name), { name, description: vocabulary.description, valuesMap });
}

registerVocabularyEnums();
