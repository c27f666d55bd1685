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
      embeddedPostgresPort: 54329,
      logLevel: 'info',
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

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', VETTED_ADMIN_TOKEN: '' }).databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ VETTED_ADMIN_TOKEN: 'short' }, 'VETTED_ADMIN_TOKEN'],
    [{ LOG_LEVEL: 'chatty' }, 'LOG_LEVEL'],
  ])('names the invalid variable in %j', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable}:`));
  });
});
