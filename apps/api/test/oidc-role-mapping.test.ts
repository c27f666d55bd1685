import { describe, expect, it } from 'vitest';
import { claimValues, identityOf, roleFor } from '../src/oidc/role-mapping.js';

const roleMap = new Map([
  ['everyone', 'viewer'],
  ['ml', 'publisher'],
  ['reviewers', 'reviewer'],
] as const);

describe('role mapping', () => {
  it('gives the highest role any group maps to, and none for unmapped groups', () => {
    expect(roleFor(['everyone', 'reviewers', 'ml'], roleMap)).toBe('reviewer');
    expect(roleFor(['ml', 'marketing'], roleMap)).toBe('publisher');
    expect(roleFor(['marketing'], roleMap)).toBeNull();
    expect(roleFor([], roleMap)).toBeNull();
  });

  it('reads array and string claims, dotted paths into objects, and names with dots', () => {
    const claims = {
      groups: ['a', 7, 'b'],
      hd: 'example.com',
      realm_access: { roles: ['reviewers'] },
      'https://acme.example/roles': ['ml'],
    };
    expect(claimValues(claims, 'groups')).toEqual(['a', 'b']);
    expect(claimValues(claims, 'hd')).toEqual(['example.com']);
    expect(claimValues(claims, 'realm_access.roles')).toEqual(['reviewers']);
    expect(claimValues(claims, 'https://acme.example/roles')).toEqual(['ml']);
    expect(claimValues(claims, 'missing')).toBeUndefined();
    expect(claimValues(claims, 'realm_access.missing')).toBeUndefined();
  });

  it('names a person by name, else user name, else email, else subject', () => {
    expect(identityOf({ sub: 's1', name: ' Ada ', email: 'ada@example.com' })).toEqual({
      subject: 's1',
      name: 'Ada',
      email: 'ada@example.com',
    });
    expect(identityOf({ sub: 's1', preferred_username: 'ada', email: 'ada@example.com' }).name).toBe('ada');
    expect(identityOf({ sub: 's1', email: 'ada@example.com' }).name).toBe('ada@example.com');
    expect(identityOf({ sub: 's1', name: '' })).toEqual({ subject: 's1', name: 's1', email: null });
  });
});
