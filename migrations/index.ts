// Every migration, in order. `npm run migration:generate -- Name` writes a new one; add it here.
import { Init1795499829496 } from './1795499829496-Init.js';
import { Outcomes1795500060364 } from './1795500060364-Outcomes.js';
import { ExchangeRates1795500546243 } from './1795500546243-ExchangeRates.js';
import { Returns1795500988055 } from './1795500988055-Returns.js';
import { UserPerson1795501232198 } from './1795501232198-UserPerson.js';
import { Pathways1795501362319 } from './1795501362319-Pathways.js';
import { BenchIndexes1795504194981 } from './1795504194981-BenchIndexes.js';

export const MIGRATIONS: Function[] = [Init1795499829496, Outcomes1795500060364, ExchangeRates1795500546243, Returns1795500988055, UserPerson1795501232198, Pathways1795501362319, BenchIndexes1795504194981];
