// Every migration, in order. `npm run migration:generate -- Name` writes a new one; add it here.
import { Init1795499829496 } from './1795499829496-Init.js';
import { Outcomes1795500060364 } from './1795500060364-Outcomes.js';

export const MIGRATIONS: Function[] = [Init1795499829496, Outcomes1795500060364];
