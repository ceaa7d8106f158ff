import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { Db } from './db.service.js';
import { QueryLogger } from './query-logger.js';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptions(url, { poolSize, logger: new QueryLogger(new Logger('database')) }),
            migrationsRun: true,
            // Start-up fails after a few tries with the reason, rather than hanging on a wrong DATABASE_URL.
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [Db],
      exports: [Db],
    };
  }
}
