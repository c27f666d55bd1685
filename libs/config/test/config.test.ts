import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '@vetted/config';

describe('loadConfig', () => {
  it('has embedded defaults', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 3000,
      host: '0.0.0.0',
      dataDir: path.resolve('.vetted'),
      databaseUrl: undefined,
      adminToken: undefined,
      signingKeyPem: undefined,
      embeddedPostgresPort: 54329,
      logLevel: 'info',
      maxFileBytes: 200 * 1024 ** 3,
      downloadRedirect: false,
      hfAnonymous: false,
      hfTreePageSize: 1000,
      rateLimits: { writes: 600, downloads: 600 },
      publicUrl: undefined,
      trustedProxies: [],
      hubUrl: 'https://huggingface.co',
      hubToken: undefined,
      benchmarks: { auto: true, concurrency: 1, executionProvider: 'auto', timeoutSeconds: 300, memoryLimitMb: 16_384 },
      webhooks: { disableAfter: 20, timeoutMs: 10_000, addresses: { allowLoopback: false, allow: [], deny: [] } },
      exportRetentionHours: 168,
      workerStaleAfterMs: 60_000,
      storageCheckTimeoutMs: 10_000,
      oidc: undefined,
      webKeySignIn: true,
      storage: { kind: 'disk', root: path.resolve('.vetted', 'blobs') },
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      VETTED_DATA_DIR: '/srv/vetted',
      DATABASE_URL: 'postgresql://u:p@db:5432/vetted',
      VETTED_ADMIN_TOKEN: 'hf_' + 'x'.repeat(40),
      LOG_LEVEL: 'debug',
    });
    expect(config.port).toBe(8080);
    expect(config.dataDir).toBe('/srv/vetted');
    expect(config.databaseUrl).toBe('postgresql://u:p@db:5432/vetted');
    expect(config.adminToken).toHaveLength(43);
    expect(config.logLevel).toBe('debug');
  });

  it('reads the benchmark settings', () => {
    const config = loadConfig({
      VETTED_BENCHMARK_AUTO: 'false',
      VETTED_BENCHMARK_CONCURRENCY: '8',
      VETTED_BENCHMARK_EP: 'webgpu',
      VETTED_BENCHMARK_TIMEOUT_SECONDS: '60',
      VETTED_BENCHMARK_MEMORY_MB: '4096',
    });
    expect(config.benchmarks).toEqual({
      auto: false,
      concurrency: 8,
      executionProvider: 'webgpu',
      timeoutSeconds: 60,
      memoryLimitMb: 4096,
    });
  });

  it('reads the webhook settings, address ranges included', () => {
    const config = loadConfig({
      VETTED_WEBHOOK_DISABLE_AFTER: '5',
      VETTED_WEBHOOK_TIMEOUT_SECONDS: '3',
      VETTED_WEBHOOK_ALLOW_LOOPBACK: 'true',
      VETTED_WEBHOOK_ALLOW_CIDRS: '169.254.10.0/24',
      VETTED_WEBHOOK_DENY_CIDRS: ' 10.0.0.0/8, fd00::/8 ,192.168.1.1',
    });
    expect(config.webhooks).toEqual({
      disableAfter: 5,
      timeoutMs: 3000,
      addresses: {
        allowLoopback: true,
        allow: [{ address: '169.254.10.0', prefix: 24, family: 'ipv4' }],
        deny: [
          { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
          { address: 'fd00::', prefix: 8, family: 'ipv6' },
          { address: '192.168.1.1', prefix: 32, family: 'ipv4' },
        ],
      },
    });
  });

  it('reads the trusted proxies', () => {
    expect(loadConfig({ VETTED_TRUSTED_PROXIES: '10.0.0.0/8, ::1' }).trustedProxies).toEqual([
      { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
      { address: '::1', prefix: 128, family: 'ipv6' },
    ]);
    expect(() => loadConfig({ VETTED_TRUSTED_PROXIES: 'proxy.internal' })).toThrow(/VETTED_TRUSTED_PROXIES/);
  });

  it('uses S3 when a bucket is set', () => {
    const config = loadConfig({
      S3_BUCKET: 'weights',
      S3_ENDPOINT: 'http://minio:9000',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      S3_FORCE_PATH_STYLE: 'true',
      VETTED_DOWNLOAD_REDIRECT: '1',
    });
    expect(config.storage).toEqual({
      kind: 's3',
      bucket: 'weights',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret' },
    });
    expect(config.downloadRedirect).toBe(true);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', VETTED_ADMIN_TOKEN: '' }).databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ VETTED_ADMIN_TOKEN: 'short' }, 'VETTED_ADMIN_TOKEN'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
    [{ VETTED_MAX_FILE_BYTES: '-1' }, 'VETTED_MAX_FILE_BYTES'],
    [{ S3_FORCE_PATH_STYLE: 'yes' }, 'S3_FORCE_PATH_STYLE'],
    [{ VETTED_BENCHMARK_CONCURRENCY: '-1' }, 'VETTED_BENCHMARK_CONCURRENCY'],
    [{ VETTED_BENCHMARK_EP: 'tpu' }, 'VETTED_BENCHMARK_EP'],
    [{ S3_BUCKET: 'b', S3_ENDPOINT: 'not a url' }, 'S3_ENDPOINT'],
    [{ S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'only-id' }, 'S3_SECRET_ACCESS_KEY'],
    [{ S3_ENDPOINT: 'http://minio:9000' }, 'S3_BUCKET'],
    [{ VETTED_WEBHOOK_DISABLE_AFTER: '0' }, 'VETTED_WEBHOOK_DISABLE_AFTER'],
    [{ VETTED_WEBHOOK_DENY_CIDRS: '10.0.0.0/33' }, 'VETTED_WEBHOOK_DENY_CIDRS'],
    [{ VETTED_WEBHOOK_ALLOW_CIDRS: 'intranet.example.com' }, 'VETTED_WEBHOOK_ALLOW_CIDRS'],
  ])('names the invalid variable in %j', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable}:`));
  });
});
