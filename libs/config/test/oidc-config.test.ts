import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseRoleMap } from '../src/index.js';

const base = {
  VETTED_OIDC_ISSUER: 'https://login.example.com/realms/acme',
  VETTED_OIDC_CLIENT_ID: 'vetted',
  VETTED_OIDC_ROLE_MAP: 'vetted-users=viewer',
  VETTED_PUBLIC_URL: 'https://vetted.example.com/',
};

describe('OpenID Connect settings', () => {
  it('are off unless an issuer is set, and then need a client id, a redirect URL and a role map', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    const oidc = loadConfig(base).oidc!;
    expect(oidc).toMatchObject({
      issuer: 'https://login.example.com/realms/acme',
      clientId: 'vetted',
      clientSecret: undefined,
      redirectUrl: 'https://vetted.example.com/v1/auth/oidc/callback',
      postLogoutRedirectUrl: 'https://vetted.example.com/',
      scopes: 'openid profile email',
      roleClaim: 'groups',
      sessionSeconds: 3600,
      personalKeyMaxDays: 90,
    });
    expect([...oidc.roleMap]).toEqual([['vetted-users', 'viewer']]);
    expect(() => loadConfig({ ...base, VETTED_OIDC_CLIENT_ID: '' })).toThrow(/VETTED_OIDC_CLIENT_ID: required/);
    expect(() => loadConfig({ ...base, VETTED_PUBLIC_URL: '' })).toThrow(/VETTED_OIDC_REDIRECT_URL: required/);
    expect(() => loadConfig({ ...base, VETTED_OIDC_ROLE_MAP: '' })).toThrow(/VETTED_OIDC_ROLE_MAP: required/);
  });

  it('refuse a plain-http issuer except on this machine', () => {
    expect(() => loadConfig({ ...base, VETTED_OIDC_ISSUER: 'http://login.example.com' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, VETTED_OIDC_ISSUER: 'http://10.0.0.5:8080' })).toThrow(/VETTED_OIDC_ISSUER: must be an https/);
    for (const issuer of ['http://127.0.0.1:8080', 'http://localhost:8080/realms/x', 'http://[::1]:8080']) {
      expect(loadConfig({ ...base, VETTED_OIDC_ISSUER: issuer }).oidc?.issuer).toBe(issuer);
    }
  });

  it('let the key sign-in form be turned off only where people can sign in otherwise', () => {
    expect(loadConfig({ ...base, VETTED_WEB_KEY_SIGN_IN: 'false' }).webKeySignIn).toBe(false);
    expect(loadConfig({}).webKeySignIn).toBe(true);
    expect(() => loadConfig({ VETTED_WEB_KEY_SIGN_IN: 'false' })).toThrow(/VETTED_WEB_KEY_SIGN_IN: false needs VETTED_OIDC_ISSUER/);
  });
});

describe('parseRoleMap', () => {
  it('reads group=role lists and JSON objects (for group names with commas)', () => {
    expect([...(parseRoleMap(' admins = admin , /org/ml=reviewer,everyone=viewer') as Map<string, string>)]).toEqual([
      ['admins', 'admin'],
      ['/org/ml', 'reviewer'],
      ['everyone', 'viewer'],
    ]);
    expect([...(parseRoleMap('{"cn=ml,ou=groups,dc=acme": "publisher"}') as Map<string, string>)]).toEqual([
      ['cn=ml,ou=groups,dc=acme', 'publisher'],
    ]);
  });

  it('names what is wrong', () => {
    expect(parseRoleMap('admins=superuser')).toMatch(/"admins" maps to "superuser"/);
    expect(parseRoleMap('admins')).toMatch(/not one of viewer, publisher, reviewer, admin/);
    expect(parseRoleMap('=admin')).toMatch(/group name is empty/);
    expect(parseRoleMap('{"a": ')).toBe('is not valid JSON');
    expect(parseRoleMap('["admin"]')).toMatch(/JSON object/);
  });
});
