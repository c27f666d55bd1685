import path from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(1).max(65535);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const environment = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  VETTED_DATA_DIR: z.string().min(1).default('./.vetted'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  VETTED_ADMIN_TOKEN: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  VETTED_EMBEDDED_PG_PORT: port.default(54329),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the directory holding the embedded database, blobs and the first admin key. */
  dataDir: string;
  /** Set when an external PostgreSQL is used; absent means "start the embedded one". */
  databaseUrl: string | undefined;
  adminToken: string | undefined;
  embeddedPostgresPort: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment once into a typed object; an invalid variable is named in the error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const values = parsed.data;
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(values.VETTED_DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    adminToken: values.VETTED_ADMIN_TOKEN,
    embeddedPostgresPort: values.VETTED_EMBEDDED_PG_PORT,
    logLevel: values.LOG_LEVEL,
  };
}

/** The database URL for processes that need one already started (API, worker). */
export function requireDatabaseUrl(config: Config): string {
  if (!config.databaseUrl) {
    throw new ConfigError('Invalid configuration: DATABASE_URL: required (`vetted start` sets it when it runs the embedded database)');
  }
  return config.databaseUrl;
}
