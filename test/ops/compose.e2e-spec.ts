// No Docker engine runs in CI: docker-compose.yml and the Dockerfile are checked as text for the wiring that
// deployment relies on (services, volume, health checks, start order, DATABASE_URL, non-root runtime).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './support.js';

/** Compose's variable substitution, enough to read the file as `docker compose config` would with an empty env. */
function interpolate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.replace(/\$\{(\w+)(?::?([-?])([^}]*))?\}/g, (_m, name: string, op?: string, arg?: string) =>
    op === '-' ? (arg ?? '') : op === '?' ? `<${name}>` : '',
  );
}

const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'));
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const env = (service: string): Record<string, string> => {
  const e = compose.services[service].environment;
  const pairs: [string, unknown][] = Array.isArray(e) ? e.map((s: string) => s.split(/=(.*)/s, 2) as [string, string]) : Object.entries(e ?? {});
  return Object.fromEntries(pairs.map(([k, v]) => [k, String(interpolate(v))]));
};

describe('docker-compose.yml', () => {
  it('has exactly the postgres and app services', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'postgres']);
  });

  it('runs PostgreSQL >= 15 from the official image on a named volume, with a pg_isready health check', () => {
    const pg = compose.services.postgres;
    expect(pg.image).toMatch(/^postgres:(1[5-9]|[2-9]\d)(\b|$)/);
    const volume = pg.volumes.find((v: string) => v.endsWith(':/var/lib/postgresql/data'));
    expect(volume).toBeDefined();
    const name = volume.split(':')[0];
    expect(name).toMatch(/^\w[\w.-]*$/); // a named volume, not a bind mount
    expect(Object.keys(compose.volumes)).toContain(name);
    const test = [pg.healthcheck.test].flat().join(' ');
    expect(test).toContain('pg_isready');
    const e = env('postgres');
    expect(test).toContain(`-U ${e.POSTGRES_USER}`);
    expect(pg.ports).toBeUndefined(); // reached over the compose network only
  });

  it('builds the app from the Dockerfile and starts it once postgres is healthy', () => {
    const app = compose.services.app;
    expect([app.build].flat()[0] === '.' || app.build?.context === '.').toBe(true);
    expect(app.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
  });

  it('points DATABASE_URL at the postgres service with its user, password and database', () => {
    const url = new URL(env('app').DATABASE_URL);
    const pgEnv = env('postgres');
    expect(url.protocol).toBe('postgres:');
    expect(url.hostname).toBe('postgres'); // the service name
    expect(url.port || '5432').toBe('5432');
    expect(decodeURIComponent(url.username)).toBe(pgEnv.POSTGRES_USER);
    expect(decodeURIComponent(url.password)).toBe(pgEnv.POSTGRES_PASSWORD);
    expect(url.pathname).toBe(`/${pgEnv.POSTGRES_DB}`);
  });

  it('takes BOOTSTRAP_ADMIN_TOKEN from the environment (required, never a literal)', () => {
    const raw = compose.services.app.environment.BOOTSTRAP_ADMIN_TOKEN;
    expect(raw).toMatch(/^\$\{BOOTSTRAP_ADMIN_TOKEN:\?[^}]+\}$/);
  });

  it('publishes the app port onto the container PORT', () => {
    const app = compose.services.app;
    const ports = app.ports.map((p: string) => String(interpolate(p)));
    expect(ports).toHaveLength(1);
    const [host, container] = ports[0].split(':');
    expect(container).toBe(env('app').PORT ?? '3000');
    expect(Number(host)).toBeGreaterThan(0);
  });
});

describe('Dockerfile', () => {
  const stages = [...dockerfile.matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)].map((m) => ({ image: m[1], name: m[2] }));
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('is a multi-stage build on Node 20: npm ci and build in one stage, dev dependencies pruned', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const s of stages) expect(s.image).toMatch(/^node:20(\b|-|$)/);
    const build = dockerfile.slice(0, dockerfile.lastIndexOf('\nFROM '));
    expect(build).toMatch(/RUN npm ci\b/);
    expect(build).toMatch(/npm run build/);
    expect(build).toMatch(/npm prune --omit=dev/);
    expect(runtime).toMatch(new RegExp(`COPY --from=${stages[0].name} \\S*/dist`));
  });

  it('runs as a non-root user with node dist/src/main.js and a /health HEALTHCHECK', () => {
    const user = /^USER\s+(\S+)/m.exec(runtime)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime).toMatch(/^CMD \["node", ?"dist\/src\/main\.js"\]$/m);
    expect(runtime).toMatch(/^HEALTHCHECK [\s\S]*\/health/m);
  });

  it('leaves local data, secrets and build output out of the build context (.dockerignore)', () => {
    const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
    for (const entry of ['node_modules', 'dist', '.data', '.env', '.git']) expect(ignored).toContain(entry);
  });
});
