import 'reflect-metadata';
import { createApp } from './bootstrap.js';
import { validateConfig } from './config/config.schema.js';
import { openDatabase, type DatabaseHandle } from './database/launch.js';

async function main(): Promise<void> {
  let config;
  try {
    config = validateConfig(process.env);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  const db: DatabaseHandle = await openDatabase(config);
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp({ config, databaseUrl: db.url });
    await app.listen(config.PORT, config.HOST);
  } catch (e) {
    console.error(`Start-up failed: ${(e as Error).message}`);
    await db.stop();
    process.exit(1);
  }
  const logger = app.get((await import('nestjs-pino')).Logger);
  logger.log(`serving GraphQL at http://localhost:${config.PORT}/graphql on ${db.source}`, 'main');

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing in-flight requests, then stopping`, 'main');
    // A hung client must not keep the process (and the embedded database) alive forever.
    const force = setTimeout(() => {
      logger.error('shutdown timed out', 'main');
      void db.stop().finally(() => process.exit(1));
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    try {
      await app.close(); // stops accepting, waits for in-flight requests, closes the pool
      await db.stop();
      process.exit(0);
    } catch (e) {
      logger.error(`shutdown failed: ${(e as Error).message}`, 'main');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
