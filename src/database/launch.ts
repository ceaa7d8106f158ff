import type { AppConfig } from '../config/config.schema.js';
import { startEmbeddedPostgres, type EmbeddedHandle } from './embedded-postgres.js';

export interface DatabaseHandle {
  url: string;
  /** 'external' for DATABASE_URL, else where the embedded cluster lives */
  source: string;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set (any PostgreSQL >= 15); otherwise the embedded PostgreSQL of DATA_DIR, started here.
 * The CLI passes reuseRunning so it talks to the server `npm start` already runs on the same DATA_DIR.
 */
export async function openDatabase(
  config: AppConfig,
  opts: { reuseRunning?: boolean; log?: (m: string) => void } = {},
): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, source: 'external', stop: async () => undefined };
  const handle: EmbeddedHandle = await startEmbeddedPostgres({
    dataDir: config.DATA_DIR,
    reuseRunning: opts.reuseRunning,
    log: opts.log,
  });
  return { url: handle.url, source: `embedded PostgreSQL on port ${handle.port} (${config.DATA_DIR})`, stop: handle.stop };
}
