// Crashes and neighbours: a server killed with SIGKILL leaves its postmaster running (orphaned) and a pid file; the
// next start on the same DATA_DIR must recover with the data. Two DATA_DIRs run side by side on their own ports.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cleanup, isAlive, postmasterPid, readEmbeddedState, requireBuild, spawnServer, tempDir,
} from './support.js';

beforeAll(() => requireBuild());
afterAll(() => cleanup());

const CREATE_ORG = 'mutation($n: String!) { createOrganisation(input: { name: $n }) { id } }';

describe('kill -9', () => {
  it('does not block the next start: the orphaned postmaster is stopped and the data is still there', async () => {
    const dataDir = await tempDir('kill9');
    const first = await spawnServer({ dataDir });
    await first.waitHealthy();
    const created = await first.gql(CREATE_ORG, { n: 'Survives SIGKILL' });
    expect(created.errors).toBeUndefined();
    const orgId = created.data.createOrganisation.id;
    const port = (await readEmbeddedState(dataDir))!.port;

    const orphan = postmasterPid(dataDir)!;
    first.proc.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(isAlive(orphan)).toBe(true); // nobody stopped it: the case to recover from

    const t0 = Date.now();
    const second = await spawnServer({ dataDir, token: first.token });
    await second.waitHealthy();
    const restart = Date.now() - t0;
    expect(isAlive(orphan)).toBe(false);
    expect(postmasterPid(dataDir)).not.toBe(orphan);
    expect(await readEmbeddedState(dataDir)).toMatchObject({ ownerPid: second.pid, port });

    expect(await second.gql('{ me { email } }')).toMatchObject({ data: { me: { email: 'bootstrap-admin@localhost' } } });
    const again = await second.gql(CREATE_ORG, { n: 'Survives SIGKILL' });
    expect(again.errors?.[0].extensions.code).toBe('CONFLICT');
    const other = await second.gql(CREATE_ORG, { n: 'After the crash' });
    expect(other.data.createOrganisation.id).not.toBe(orgId);

    second.proc.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
    console.log(`restart after kill -9 (orphaned postmaster stopped, crash-safe start) ${restart} ms`);
  }, 120_000);

  it('does not block the next start when postmaster.pid names a process that is not the postmaster any more', async () => {
    const dataDir = await tempDir('stale-pid');
    const first = await spawnServer({ dataDir });
    await first.waitHealthy();
    first.proc.kill('SIGTERM');
    expect(await first.exited).toEqual({ code: 0, signal: null });

    // As after a reboot: the recorded pid now belongs to some other live process (here: this test's own).
    writeFileSync(join(dataDir, 'pg', 'postmaster.pid'), `${process.pid}\n${join(dataDir, 'pg')}\n`);
    const second = await spawnServer({ dataDir, token: first.token });
    await second.waitHealthy();
    expect(isAlive(process.pid)).toBe(true); // and that process was left alone
    expect(await second.gql('{ me { email } }')).toMatchObject({ data: { me: { email: 'bootstrap-admin@localhost' } } });
    second.proc.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 120_000);
});

describe('two instances', () => {
  it('run side by side on two DATA_DIRs, each on its own recorded port, neither on 5432', async () => {
    const [a, b] = await Promise.all([
      tempDir('side-a').then((dataDir) => spawnServer({ dataDir })),
      tempDir('side-b').then((dataDir) => spawnServer({ dataDir })),
    ]);
    await Promise.all([a.waitHealthy(), b.waitHealthy()]);
    const [sa, sb] = await Promise.all([readEmbeddedState(a.dataDir), readEmbeddedState(b.dataDir)]);
    expect(sa!.port).not.toBe(sb!.port);
    expect([sa!.port, sb!.port]).not.toContain(5432);
    expect(sa!.ownerPid).toBe(a.pid);
    expect(sb!.ownerPid).toBe(b.pid);

    // Separate data: an organisation made on one is not on the other.
    expect((await a.gql(CREATE_ORG, { n: 'Only on A' })).errors).toBeUndefined();
    expect((await b.gql(CREATE_ORG, { n: 'Only on A' })).errors).toBeUndefined();

    a.proc.kill('SIGTERM');
    b.proc.kill('SIGTERM');
    expect(await Promise.all([a.exited, b.exited])).toEqual([{ code: 0, signal: null }, { code: 0, signal: null }]);
  }, 120_000);
});
