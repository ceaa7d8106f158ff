// `npm start` as a process: first start on an empty DATA_DIR, restart with the data kept, graceful SIGTERM/SIGINT
// (in-flight requests finish, embedded PostgreSQL stops, exit 0), and one DATA_DIR refusing a second server.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
  cleanup, isAlive, postmasterPid, readEmbeddedState, requireBuild, slowRequest, spawnServer, tempDir, waitFor,
} from './support.js';

beforeAll(() => requireBuild());
afterAll(() => cleanup());

const CREATE_ORG = 'mutation($n: String!) { createOrganisation(input: { name: $n }) { id } }';

describe('npm start (node dist/src/main.js) on an empty DATA_DIR', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDir('lifecycle');
  });

  it('initialises embedded PostgreSQL on a free port recorded in DATA_DIR, migrates, and serves GraphQL; a restart keeps the data', async () => {
    const t0 = Date.now();
    const first = await spawnServer({ dataDir });
    await first.waitHealthy();
    const firstStart = Date.now() - t0;

    const state = await readEmbeddedState(dataDir);
    expect(state).toMatchObject({ ownerPid: first.pid });
    expect(state!.port).not.toBe(5432);
    expect(state!.port).not.toBe(first.port);
    expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(true);

    // Migrations ran on the embedded server (its credentials are in DATA_DIR, for the CLI and for this test).
    const client = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(state!.password)}@127.0.0.1:${state!.port}/impact` });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM migrations');
    await client.end();
    expect(rows[0].n).toBeGreaterThan(0);

    expect(await first.gql('{ me { email role } }')).toMatchObject({ status: 200, data: { me: { role: 'ADMIN' } } });
    expect((await first.gql(CREATE_ORG, { n: 'Kept across restarts' })).data.createOrganisation.id).toBeTruthy();

    first.proc.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });

    const t1 = Date.now();
    const second = await spawnServer({ dataDir, token: first.token });
    await second.waitHealthy();
    const restart = Date.now() - t1;
    expect((await readEmbeddedState(dataDir))!.port).toBe(state!.port); // the recorded port, still free
    const again = await second.gql(CREATE_ORG, { n: 'Kept across restarts' });
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    second.proc.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    console.log(`first start (initdb + migrations) ${firstStart} ms; restart ${restart} ms`);
  }, 120_000);
});

describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, finishes the in-flight request, stops PostgreSQL and exits 0', async () => {
    const server = await spawnServer({ dataDir: await tempDir('sigterm') });
    await server.waitHealthy();
    const postmaster = postmasterPid(server.dataDir);
    expect(postmaster).toBeTruthy();

    const inFlight = await slowRequest(server, '{ me { email } }');
    await new Promise((r) => setTimeout(r, 1000)); // the server has read the request's headers (even on a busy machine)
    server.proc.kill('SIGTERM');
    // New connections are refused while the in-flight request is still open.
    await waitFor('the listener to close', async () => (await server.health()).status === 0, 10_000);
    const res = await inFlight.finish();
    expect(res.statusLine).toBe('HTTP/1.1 200 OK');
    expect(JSON.parse(res.body)).toEqual({ data: { me: { email: 'bootstrap-admin@localhost' } } });

    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(isAlive(postmaster!)).toBe(false);
    expect(existsSync(join(server.dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('on Ctrl-C (SIGINT to the whole process group) finishes the in-flight request too: PostgreSQL is not in the group', async () => {
    const server = await spawnServer({ dataDir: await tempDir('sigint'), detached: true });
    await server.waitHealthy();
    const postmaster = postmasterPid(server.dataDir)!;

    const inFlight = await slowRequest(server, '{ me { email } }');
    await new Promise((r) => setTimeout(r, 1000));
    process.kill(-server.pid, 'SIGINT'); // what a terminal does: every process of the foreground group
    await new Promise((r) => setTimeout(r, 500));
    expect(isAlive(postmaster)).toBe(true); // still serving the request that is in flight
    const res = await inFlight.finish();
    expect(res.statusLine).toBe('HTTP/1.1 200 OK');

    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(isAlive(postmaster)).toBe(false);
  }, 120_000);

  it('exits 0 at once on SIGTERM when idle', async () => {
    const server = await spawnServer({ dataDir: await tempDir('idle') });
    await server.waitHealthy();
    const t0 = Date.now();
    server.proc.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(postmasterPid(server.dataDir)).toBeNull();
  }, 120_000);
});

describe('one DATA_DIR, one server', () => {
  it('refuses a second server on a DATA_DIR in use, naming the process, and leaves the first one serving', async () => {
    const dataDir = await tempDir('in-use');
    const first = await spawnServer({ dataDir });
    await first.waitHealthy();
    const second = await spawnServer({ dataDir });
    expect(await second.exited).toEqual({ code: 1, signal: null });
    expect(second.stderr()).toContain(`DATA_DIR ${dataDir} is in use: process ${first.pid}`);
    expect((await first.health()).status).toBe(200);
    expect((await readEmbeddedState(dataDir))!.ownerPid).toBe(first.pid);
    first.proc.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });
    // The refused server wrote nothing of its own: the cluster is the first one's, stopped cleanly.
    expect(readdirSync(dataDir).sort()).toEqual(['embedded-postgres.json', 'pg']);
  }, 120_000);
});
