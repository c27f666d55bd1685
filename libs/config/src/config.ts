import { EXECUTION_PROVIDERS, type RequestedProvider } from '@vetted/domain';
import path from 'node:path';
import { z } from 'zod';
import { type IpRange, parseIpRange } from './ip-range.js';
import { type OidcConfig, parseOidcConfig } from './oidc-config.js';

const port = z.coerce.number().int().min(1).max(65535);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Comma-separated addresses or CIDR ranges, e.g. `10.0.0.0/8, fd00::/8`. */
const ipRanges = z
  .string()
  .default('')
  .transform((text, context) =>
    text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '')
      .flatMap((item) => {
        const range = parseIpRange(item);
        if (!range) context.addIssue({ code: 'custom', message: `"${item}" is not an address or a CIDR range such as 10.0.0.0/8` });
        return range ? [range] : [];
      }),
  );

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
  // A PEM in one environment line may carry its newlines as `\n`.
  VETTED_SIGNING_KEY: optionalText.transform((pem) => pem?.replaceAll('\\n', '\n')),
  VETTED_EMBEDDED_PG_PORT: port.default(54329),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  VETTED_MAX_FILE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(Number.MAX_SAFE_INTEGER)
    .default(200 * 1024 ** 3),
  VETTED_DOWNLOAD_REDIRECT: flag.default(false),
  VETTED_HF_ANONYMOUS: flag.default(false),
  VETTED_RATE_LIMIT_WRITES: z.coerce.number().int().min(0).default(600),
  VETTED_RATE_LIMIT_DOWNLOADS: z.coerce.number().int().min(0).default(600),
  VETTED_PUBLIC_URL: optionalText.pipe(z.url('must be a URL such as https://vetted.example.com').optional()),
  VETTED_TRUSTED_PROXIES: ipRanges,
  HF_HUB_URL: z.url('must be a URL such as https://huggingface.co').default('https://huggingface.co'),
  HF_TOKEN: optionalText,
  VETTED_HF_TREE_PAGE_SIZE: z.coerce.number().int().min(1).max(10_000).default(1000),
  VETTED_BENCHMARK_AUTO: flag.default(true),
  VETTED_BENCHMARK_CONCURRENCY: z.coerce.number().int().min(0).max(64).default(1),
  VETTED_BENCHMARK_EP: z.enum(EXECUTION_PROVIDERS).default('auto'),
  VETTED_BENCHMARK_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(1800).default(300),
  VETTED_BENCHMARK_MEMORY_MB: z.coerce.number().int().min(256).default(16_384),
  VETTED_WORKER_STALE_SECONDS: z.coerce.number().int().min(6).max(3600).default(60),
  VETTED_EXPORT_RETENTION_HOURS: z.coerce.number().int().min(1).max(87_600).default(168),
  VETTED_WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(10_000).default(20),
  VETTED_WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  VETTED_WEBHOOK_ALLOW_LOOPBACK: flag.default(false),
  VETTED_WEBHOOK_ALLOW_CIDRS: ipRanges,
  VETTED_WEBHOOK_DENY_CIDRS: ipRanges,
  S3_BUCKET: optionalText,
  S3_ENDPOINT: optionalText.pipe(z.url('must be a URL such as http://s3:7070').optional()),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  S3_FORCE_PATH_STYLE: flag.default(false),
  S3_CHECK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(10),
});

export interface Config {
  port: number;
  host: string;
  /** Absolute path of the directory holding the embedded database, blobs and the first admin key. */
  dataDir: string;
  /** Set when an external PostgreSQL is used; absent means "start the embedded one". */
  databaseUrl: string | undefined;
  adminToken: string | undefined;
  /** PEM private key (ECDSA P-256/P-384 or Ed25519) approvals are signed with; absent: `<dataDir>/signing-key.pem`, generated on first start. */
  signingKeyPem: string | undefined;
  embeddedPostgresPort: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Uploads larger than this are refused with 413. */
  maxFileBytes: number;
  /** Answer downloads with a redirect to a presigned URL (S3 only) instead of proxying the bytes. */
  downloadRedirect: boolean;
  /** Let Hub clients without a (valid) key read approved models through /hf. */
  hfAnonymous: boolean;
  /** Entries per page of /hf tree listings (the Hub pages with an absolute Link header). */
  hfTreePageSize: number;
  /** Requests per key per minute; 0 turns the limit off. */
  rateLimits: { writes: number; downloads: number };
  /** How clients reach this service (behind a proxy); absolute links are built from it. */
  publicUrl: string | undefined;
  /** Reverse proxies whose X-Forwarded-For names the client (anonymous /hf downloads are limited per client address). */
  trustedProxies: IpRange[];
  /** Where imports read from: the Hugging Face Hub or a mirror of it. */
  hubUrl: string;
  /** Token for gated or private repositories on that Hub. */
  hubToken: string | undefined;
  storage: StorageConfig;
  /** Longest the start-up check of the S3 settings may wait for the store before the process refuses to start. */
  storageCheckTimeoutMs: number;
  benchmarks: BenchmarkConfig;
  webhooks: WebhookConfig;
  /** Browser sign-in through the organisation's identity provider; absent: API keys only. */
  oidc: OidcConfig | undefined;
  /** Whether the web app offers the API key sign-in form (API keys keep working for machines either way). */
  webKeySignIn: boolean;
  /** A written export bundle is deleted from the store this long after it finished. */
  exportRetentionHours: number;
  /** A scan, benchmark or export whose worker has not proved itself alive for this long is taken over by another worker. */
  workerStaleAfterMs: number;
}

/** Signed deliveries of domain events to the URLs admins register. */
export interface WebhookConfig {
  /** A webhook is disabled after this many failed attempts in a row. */
  disableAfter: number;
  /** Longest one delivery attempt may take, connecting and reading the answer included. */
  timeoutMs: number;
  /** Where deliveries may connect, checked on the resolved address (see libs/webhooks AddressPolicy). */
  addresses: WebhookAddressConfig;
}

export interface WebhookAddressConfig {
  /** Let webhooks reach this machine (127.0.0.0/8, ::1): local setups and tests. */
  allowLoopback: boolean;
  /** Allowed even where the built-in rules refuse (e.g. a link-local appliance). */
  allow: IpRange[];
  /** Refused even where everything else allows (e.g. a private range webhooks must never reach). */
  deny: IpRange[];
}

/** Smoke-test benchmarks the worker runs on its own hardware. */
export interface BenchmarkConfig {
  /** Queue a run for the main ONNX file(s) of each submitted or imported version. */
  auto: boolean;
  /** Runs at once per worker: one per GPU; 0 leaves benchmarks to other workers. */
  concurrency: number;
  /** Execution provider when a request names none. */
  executionProvider: RequestedProvider;
  /** Longest a run may take (requests may ask for less), and the runner's memory ceiling. */
  timeoutSeconds: number;
  memoryLimitMb: number;
}

/** Where weight files go: a directory (the default, under the data directory) or an S3 bucket. */
export type StorageConfig =
  | { kind: 'disk'; root: string }
  | {
      kind: 's3';
      bucket: string;
      region: string;
      endpoint: string | undefined;
      forcePathStyle: boolean;
      /** Absent: the AWS SDK's default chain (environment, instance role…). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
    };

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
  const sso = parseOidcConfig(env);
  if (!sso.ok) throw new ConfigError(`Invalid configuration: ${sso.problems.join('; ')}`);
  const dataDir = path.resolve(values.VETTED_DATA_DIR);
  if (Boolean(values.S3_ACCESS_KEY_ID) !== Boolean(values.S3_SECRET_ACCESS_KEY)) {
    const missing = values.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID';
    throw new ConfigError(`Invalid configuration: ${missing}: set both S3 keys or neither`);
  }
  if (!values.S3_BUCKET && values.S3_ENDPOINT) throw new ConfigError('Invalid configuration: S3_BUCKET: required when S3_ENDPOINT is set');
  return {
    port: values.PORT,
    host: values.HOST,
    dataDir,
    databaseUrl: values.DATABASE_URL,
    adminToken: values.VETTED_ADMIN_TOKEN,
    signingKeyPem: values.VETTED_SIGNING_KEY,
    embeddedPostgresPort: values.VETTED_EMBEDDED_PG_PORT,
    logLevel: values.LOG_LEVEL,
    maxFileBytes: values.VETTED_MAX_FILE_BYTES,
    downloadRedirect: values.VETTED_DOWNLOAD_REDIRECT,
    hfAnonymous: values.VETTED_HF_ANONYMOUS,
    hfTreePageSize: values.VETTED_HF_TREE_PAGE_SIZE,
    rateLimits: { writes: values.VETTED_RATE_LIMIT_WRITES, downloads: values.VETTED_RATE_LIMIT_DOWNLOADS },
    publicUrl: values.VETTED_PUBLIC_URL?.replace(/\/+$/, ''),
    trustedProxies: values.VETTED_TRUSTED_PROXIES,
    hubUrl: values.HF_HUB_URL.replace(/\/+$/, ''),
    hubToken: values.HF_TOKEN,
    benchmarks: {
      auto: values.VETTED_BENCHMARK_AUTO,
      concurrency: values.VETTED_BENCHMARK_CONCURRENCY,
      executionProvider: values.VETTED_BENCHMARK_EP,
      timeoutSeconds: values.VETTED_BENCHMARK_TIMEOUT_SECONDS,
      memoryLimitMb: values.VETTED_BENCHMARK_MEMORY_MB,
    },
    webhooks: {
      disableAfter: values.VETTED_WEBHOOK_DISABLE_AFTER,
      timeoutMs: values.VETTED_WEBHOOK_TIMEOUT_SECONDS * 1000,
      addresses: {
        allowLoopback: values.VETTED_WEBHOOK_ALLOW_LOOPBACK,
        allow: values.VETTED_WEBHOOK_ALLOW_CIDRS,
        deny: values.VETTED_WEBHOOK_DENY_CIDRS,
      },
    },
    exportRetentionHours: values.VETTED_EXPORT_RETENTION_HOURS,
    workerStaleAfterMs: values.VETTED_WORKER_STALE_SECONDS * 1000,
    oidc: sso.oidc,
    webKeySignIn: sso.webKeySignIn,
    storageCheckTimeoutMs: values.S3_CHECK_TIMEOUT_SECONDS * 1000,
    storage: values.S3_BUCKET
      ? {
          kind: 's3',
          bucket: values.S3_BUCKET,
          region: values.S3_REGION,
          endpoint: values.S3_ENDPOINT,
          forcePathStyle: values.S3_FORCE_PATH_STYLE,
          credentials:
            values.S3_ACCESS_KEY_ID && values.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: values.S3_ACCESS_KEY_ID, secretAccessKey: values.S3_SECRET_ACCESS_KEY }
              : undefined,
        }
      : { kind: 'disk', root: path.join(dataDir, 'blobs') },
  };
}

/** The database URL for processes that need one already started (API, worker). */
export function requireDatabaseUrl(config: Config): string {
  if (!config.databaseUrl) {
    throw new ConfigError('Invalid configuration: DATABASE_URL: required (`vetted start` sets it when it runs the embedded database)');
  }
  return config.databaseUrl;
}

/** The log levels a process prints at a LOG_LEVEL, named as NestJS names them. */
export function logLevelsFor(level: Config['logLevel']): ('debug' | 'log' | 'warn' | 'error' | 'fatal')[] {
  const all = ['debug', 'log', 'warn', 'error', 'fatal'] as const;
  const first = { debug: 0, info: 1, warn: 2, error: 3 }[level];
  return all.slice(first);
}
