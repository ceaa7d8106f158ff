/**
 * "The same SQL": records the statements (text and parameters) the service sends through TypeORM during one
 * GraphQL request, by wrapping the data source's logger.logQuery (TypeORM calls it before every statement), and
 * replays them with plain `pg`, in order, one at a time as the service sends them.
 */
import type pg from 'pg';
import type { DataSource } from 'typeorm';

export interface Statement {
  sql: string;
  params: unknown[];
}

export class StatementRecorder {
  private recording: Statement[] | null = null;

  constructor(dataSource: DataSource) {
    const logger = dataSource.logger;
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      this.recording?.push({ sql: query, params: (parameters as unknown[] | undefined) ?? [] });
      return original(query, parameters, runner);
    };
  }

  async record(fn: () => Promise<unknown>): Promise<Statement[]> {
    const log: Statement[] = [];
    this.recording = log;
    try {
      await fn();
    } finally {
      this.recording = null;
    }
    return log;
  }
}

export async function replay(pool: pg.Pool, statements: Statement[]): Promise<void> {
  for (const s of statements) await pool.query(s.sql, s.params);
}
