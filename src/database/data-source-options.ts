import type { DataSourceOptions, Logger } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './naming-strategy.js';
import { QueryLogger } from './query-logger.js';

/** The one TypeORM configuration: the app, the CLI, the migration tooling and tests all use it. */
export function dataSourceOptions(url: string, opts: { poolSize?: number; logger?: Logger } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    // gen_random_uuid() is core PostgreSQL since 13: no extension to install (managed servers may forbid it).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // The schema comes from migrations/ only.
    synchronize: false,
    migrationsRun: false,
    logger: opts.logger ?? new QueryLogger(),
    maxQueryExecutionTime: 1000,
    poolSize: opts.poolSize ?? 20,
    extra: {
      // Fail fast while the database is down instead of queueing requests forever.
      connectionTimeoutMillis: 5000,
      application_name: 'impact-tracker',
    },
  };
}
