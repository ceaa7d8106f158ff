/**
 * Command-line entry: `npm run cli -- <command>`. Runs the same Nest modules as the server, without HTTP, on the
 * same database (DATABASE_URL, or the embedded PostgreSQL of DATA_DIR, reused while `npm start` runs it), as
 * a system admin. Exit codes: 0 done, 1 problems (or an error), 2 usage.
 */
import 'reflect-metadata';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AccessModule } from './access/access.module.js';
import { validateConfig, type AppConfig } from './config/config.schema.js';
import { DatabaseModule } from './database/database.module.js';
import { openDatabase } from './database/launch.js';
import { FEATURE_MODULES } from './features.js';
import { describeError, exportCommand, importCommand, UsageError, type CliArgs } from './interchange/cli/commands.js';

const USAGE = `usage: npm run cli -- <command> [options]

  import <file> [--format F] [--award REF] [--type T] [--dry-run] [--lenient] [--json]
      F: gtr_text | gtr_json | gtr_xml | researchfish_xlsx | csv (default: from the file's extension)
      T: engagement_activity | further_funding | policy_influence | partnership | research_material | impact_narrative
  export --format F [--award REF[,REF...]] [--type T] [-o file]
      F: gtr_text | gtr_json | csv | researchfish_xlsx

exit codes: 0 done, 1 problems, 2 usage`;

type Command = (app: INestApplicationContext, args: CliArgs) => Promise<number>;

/** Commands by name; each gets the application context and its arguments. */
const COMMANDS: Record<string, Command> = { import: importCommand, export: exportCommand };

const OPTIONS = {
  format: { type: 'string' },
  award: { type: 'string' },
  type: { type: 'string' },
  output: { type: 'string', short: 'o' },
  'dry-run': { type: 'boolean' },
  lenient: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

@Module({})
class CliModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
        DatabaseModule.forRoot(databaseUrl, Math.min(config.DATABASE_POOL_SIZE, 4)),
        AccessModule,
        ...FEATURE_MODULES,
      ],
    };
  }
}

/** The command and its arguments, or the usage error to print. */
function parse(argv: string[]): { command: Command; args: CliArgs } | { help: true } | { usage: string } {
  try {
    const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    if (parsed.values.help) return { help: true };
    const [name, ...positionals] = parsed.positionals;
    const command = COMMANDS[name];
    if (!command) return { usage: name ? `unknown command ${name}` : 'no command given' };
    return { command, args: { positionals, values: parsed.values } };
  } catch (e) {
    return { usage: (e as Error).message };
  }
}

async function run(argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if ('help' in parsed) {
    console.log(USAGE);
    return 0;
  }
  if ('usage' in parsed) {
    console.error(`${parsed.usage}\n\n${USAGE}`);
    return 2;
  }
  const { command, args } = parsed;
  const config = validateConfig(process.env);
  const db = await openDatabase(config, { reuseRunning: true });
  let app: INestApplicationContext | null = null;
  try {
    app = await NestFactory.createApplicationContext(CliModule.forRoot(config, db.url), { logger: ['error'] });
    return await command(app, args);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    console.error(describeError(e) ?? (e as Error).message);
    return 1;
  } finally {
    await app?.close();
    await db.stop();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error((e as Error).message);
    process.exit(1);
  },
);
