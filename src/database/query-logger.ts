import type { Logger as TypeOrmLogger } from 'typeorm';
import type { LoggerService } from '@nestjs/common';

let statements = 0;

/** Statements sent to PostgreSQL by this process: tests use it to prove query counts do not grow with results. */
export function statementCount(): number {
  return statements;
}

/** Routes TypeORM's events into the app's structured log; never logs parameters (they may hold personal data). */
export class QueryLogger implements TypeOrmLogger {
  constructor(private readonly out?: LoggerService) {}

  logQuery(): void {
    statements++;
  }
  logQueryError(error: string | Error, query: string): void {
    this.out?.debug?.(`query failed: ${typeof error === 'string' ? error : error.message} in ${query.slice(0, 300)}`);
  }
  logQuerySlow(time: number, query: string): void {
    this.out?.warn(`slow query (${time} ms): ${query.slice(0, 300)}`);
  }
  logSchemaBuild(message: string): void {
    this.out?.debug?.(message);
  }
  logMigration(message: string): void {
    this.out?.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.out?.warn(String(message));
    else this.out?.debug?.(String(message));
  }
}
