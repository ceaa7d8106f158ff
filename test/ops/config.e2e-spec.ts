// A wrong setting stops start-up before anything starts, with a message naming the variable and what it should be.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, requireBuild, runMain, tempDir } from './support.js';

beforeAll(() => requireBuild());
afterAll(() => cleanup());

const cases: [Record<string, string>, string][] = [
  [{ PORT: 'abc' }, '"PORT" must be a TCP port number from 0 to 65535'],
  [{ PORT: '70000' }, '"PORT" must be a TCP port number from 0 to 65535'],
  [{ DATABASE_URL: 'mysql://x' }, '"DATABASE_URL" must be a postgres:// URL'],
  [{ LOG_LEVEL: 'loud' }, '"LOG_LEVEL" must be one of [fatal, error, warn, info, debug, trace, silent]'],
  [{ NODE_ENV: 'prod' }, '"NODE_ENV" must be one of [development, production, test]'],
  [{ DATABASE_POOL_SIZE: '0' }, '"DATABASE_POOL_SIZE" must be greater than or equal to 1'],
  [{ BOOTSTRAP_ADMIN_TOKEN: 'short' }, '"BOOTSTRAP_ADMIN_TOKEN" length must be at least 24 characters long'],
  [{ GRAPHQL_BODY_LIMIT: 'huge' }, '"GRAPHQL_BODY_LIMIT" must be a size such as 512kb, 1mb or 200mb'],
  [{ SHUTDOWN_TIMEOUT_MS: 'soon' }, '"SHUTDOWN_TIMEOUT_MS" must be a number'],
];

describe('configuration validation at start-up', () => {
  it.each(cases)('%j stops start-up with exit code 1 and says what is wrong', async (env, message) => {
    const dataDir = join(await tempDir('config'), 'data');
    const res = await runMain({ ...env, DATA_DIR: dataDir });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('Invalid configuration:');
    expect(res.stderr).toContain(message);
    expect(existsSync(dataDir)).toBe(false); // it stopped before starting any database
  });

  it('lists every wrong variable at once', async () => {
    const res = await runMain({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', DATA_DIR: join(await tempDir('config'), 'data') });
    expect(res.code).toBe(1);
    for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL']) expect(res.stderr).toContain(`"${name}"`);
  });
});
