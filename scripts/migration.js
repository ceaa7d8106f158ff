// Migration tooling on the compiled app (run through `npm run migration:generate -- Name` / `migration:check`).
// Works against a throwaway embedded PostgreSQL, or MIGRATION_DATABASE_URL (an empty database) when given.
import { mkdtemp, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../dist/src/database/data-source-options.js';
import { startEmbeddedPostgres } from '../dist/src/database/embedded-postgres.js';

const [command, name] = process.argv.slice(2);
if (!['generate', 'check'].includes(command) || (command === 'generate' && !/^[A-Za-z][A-Za-z0-9]*$/.test(name ?? ''))) {
  console.error('usage: node scripts/migration.js generate <Name> | check');
  process.exit(2);
}

let server;
let url = process.env.MIGRATION_DATABASE_URL;
if (!url) {
  const dir = await mkdtemp(join(tmpdir(), 'impact-migration-'));
  await chmod(dir, 0o755);
  server = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  url = server.url;
}
const ds = new DataSource({ ...dataSourceOptions(url), logger: undefined, logging: false });
let exitCode = 0;
try {
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const sql = await ds.driver.createSchemaBuilder().log();
  if (command === 'check') {
    if (sql.upQueries.length) {
      console.error('Entities and migrations disagree; a new migration would run:');
      for (const q of sql.upQueries) console.error(`  ${q.query}`);
      exitCode = 1;
    } else console.log('migrations match the entities');
  } else if (!sql.upQueries.length) {
    console.log('no changes: entities match the migrations');
  } else {
    const ts = Date.now();
    const esc = (q) => q.query.replace(/\\/g, '\\\\').replace(/`/g, '\\`');
    const up = sql.upQueries.map((q) => `    await queryRunner.query(\`${esc(q)}\`);`).join('\n');
    const down = [...sql.downQueries].reverse().map((q) => `    await queryRunner.query(\`${esc(q)}\`);`).join('\n');
    const file = join('migrations', `${ts}-${name}.ts`);
    await writeFile(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${ts} implements MigrationInterface {\n  name = '${name}${ts}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`wrote ${file}: add ${name}${ts} to migrations/index.ts`);
  }
} finally {
  if (ds.isInitialized) await ds.destroy();
  await server?.stop();
}
process.exit(exitCode);
