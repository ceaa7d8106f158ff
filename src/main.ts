import 'reflect-metadata';
import { validateConfig, type AppConfig } from './config/config.schema.js';
import type { DatabaseHandle } from './database/launch.js';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = validateConfig(process.env);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
  // A signal during start-up is kept and acted on once start-up is done (so nothing is left half-started).
  let stopRequest: string | undefined;
  let shutdown = (signal: string): void => {
    stopRequest ??= signal;
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => shutdown(signal));

  // Loaded once the configuration is known to be good: a wrong setting is reported at once.
  const [{ pino }, { createApp }, { openDatabase }] = await Promise.all([
    import('pino'),
    import('./bootstrap.js'),
    import('./database/launch.js'),
  ]);
  // Until Nest's logger exists (start-up of the database), the same JSON lines through pino.
  const early = pino({ level: config.LOG_LEVEL, base: { pid: process.pid } });

  let db: DatabaseHandle;
  try {
    db = await openDatabase(config, { log: (m) => early.info({ context: 'database' }, m) });
  } catch (e) {
    console.error(`Start-up failed: the database did not start: ${(e as Error).message}`);
    process.exit(1);
  }
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp({ config, databaseUrl: db.url });
    await app.listen(config.PORT, config.HOST);
  } catch (e) {
    console.error(`Start-up failed: ${(e as Error).message}`);
    await db.stop().catch(() => undefined);
    process.exit(1);
  }
  const logger = app.get((await import('nestjs-pino')).Logger);
  logger.log(
    `serving GraphQL at http://localhost:${config.PORT}/graphql on ${db.source} (started in ${Math.round(process.uptime() * 1000)} ms)`,
    'main',
  );

  let stopping = false;
  shutdown = (signal: string): void => {
    // Once only: `npm start` forwards the terminal's SIGINT, so one Ctrl-C arrives twice.
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: finishing in-flight requests, then stopping`, 'main');
    // A hung client must not keep the process (and the embedded database) alive forever.
    const force = setTimeout(() => {
      logger.error(`shutdown took longer than SHUTDOWN_TIMEOUT_MS (${config.SHUTDOWN_TIMEOUT_MS} ms)`, 'main');
      void db.stop().finally(() => process.exit(1));
    }, config.SHUTDOWN_TIMEOUT_MS);
    force.unref();
    void (async () => {
      try {
        await app.close(); // stops accepting, waits for in-flight requests, then closes the pool
        await db.stop();
        process.exit(0);
      } catch (e) {
        logger.error(`shutdown failed: ${(e as Error).message}`, 'main');
        await db.stop().catch(() => undefined);
        process.exit(1);
      }
    })();
  };
  if (stopRequest) shutdown(stopRequest);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
