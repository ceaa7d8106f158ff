import Joi from 'joi';

/** The validated environment. One schema for `npm start`, the CLI and tests. */
export interface AppConfig {
  PORT: number;
  HOST: string;
  DATA_DIR: string;
  DATABASE_URL?: string;
  DATABASE_POOL_SIZE: number;
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  NODE_ENV: 'development' | 'production' | 'test';
  BOOTSTRAP_ADMIN_TOKEN?: string;
  GRAPHQL_BODY_LIMIT: string;
  IMPORT_BODY_LIMIT: string;
  CORS_ORIGINS: string[];
  RATE_LIMIT_PER_MINUTE: number;
  SHUTDOWN_TIMEOUT_MS: number;
}

const byteSize = Joi.string().pattern(/^\d+(b|kb|mb|gb)$/i).messages({
  'string.pattern.base': '{{#label}} must be a size such as 512kb, 1mb or 200mb',
});

export const configSchema = Joi.object<AppConfig>({
  PORT: Joi.number().port().default(3000).messages({
    'number.base': '{{#label}} must be a TCP port number from 0 to 65535',
    'number.port': '{{#label}} must be a TCP port number from 0 to 65535',
  }),
  HOST: Joi.string().hostname().default('0.0.0.0'),
  DATA_DIR: Joi.string().default('.data'),
  DATABASE_URL: Joi.string()
    .uri({ scheme: ['postgres', 'postgresql'] })
    .empty('')
    .messages({ 'string.uriCustomScheme': '{{#label}} must be a postgres:// URL' }),
  DATABASE_POOL_SIZE: Joi.number().integer().min(1).max(200).default(20),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  NODE_ENV: Joi.string().valid('development', 'production', 'test').default('development'),
  // A bootstrap token is a long-lived admin secret: too short a value is refused rather than silently accepted.
  BOOTSTRAP_ADMIN_TOKEN: Joi.string().min(24).empty(''),
  GRAPHQL_BODY_LIMIT: byteSize.default('1mb'),
  IMPORT_BODY_LIMIT: byteSize.default('200mb'),
  CORS_ORIGINS: Joi.string()
    .empty('')
    .default('')
    .custom((v: string) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  RATE_LIMIT_PER_MINUTE: Joi.number().integer().min(1).default(600),
  SHUTDOWN_TIMEOUT_MS: Joi.number().integer().min(100).default(10000),
}).unknown(true);

/** Validates an environment; the error names every wrong variable and what it should be. */
export function validateConfig(env: Record<string, unknown>): AppConfig {
  const { value, error } = configSchema.validate(env, { abortEarly: false, convert: true });
  if (error) {
    const lines = error.details.map((d) => `  - ${d.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  return value as AppConfig;
}
