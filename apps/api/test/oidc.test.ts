import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type OidcConfig, parseOidcConfig } from '@vetted/config';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TestOpenIdProvider, type TestPerson } from '../../../e2e/oidc-test-provider.js';
import { ADMIN_TOKEN, ApiHarness, type Reply } from './api-harness.js';

const CLIENT_ID = 'vetted-tests';
const CLIENT_SECRET = 'client-secret-that-must-never-be-logged';
const REDIRECT_URL = 'http://localhost/v1/auth/oidc/callback';

const people: Record<string, TestPerson> = {
  rita: { name: 'Rita Reviewer', email: 'rita@example.com', groups: ['everyone', 'ml-reviewers'] },
  paul: { name: 'Paul Publisher', email: 'paul@example.com', groups: ['ml-publishers'] },
  vera: { name: 'Vera Viewer', email: 'vera@example.com', groups: ['everyone'] },
  mark: { name: 'Mark Marketing', email: 'mark@example.com', groups: ['marketing'] },
};

let provider: TestOpenIdProvider;
let api: ApiHarness;
let oidc: OidcConfig;
const log: string[] = [];
const writeStdout = process.stdout.write.bind(process.stdout);
const writeStderr = process.stderr.write.bind(process.stderr);

beforeAll(async () => {
  provider = await TestOpenIdProvider.start({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUris: [REDIRECT_URL],
    postLogoutRedirectUris: ['http://localhost/'],
    people,
    claimsInIdToken: true,
  });
  oidc = oidcConfig(provider.issuer);
  // What the API logs, to prove no secret ends up there.
  process.stdout.write = (chunk: string | Uint8Array, ...rest: never[]) => {
    log.push(String(chunk));
    return writeStdout(chunk, ...rest);
  };
  process.stderr.write = (chunk: string | Uint8Array, ...rest: never[]) => {
    log.push(String(chunk));
    return writeStderr(chunk, ...rest);
  };
  api = await ApiHarness.start({ oidc, logLevel: 'warn' });
});

afterAll(async () => {
  process.stdout.write = writeStdout;
  process.stderr.write = writeStderr;
  await api?.close();
  await provider?.close();
});

afterEach(() => {
  provider.tamper = undefined;
});

function oidcConfig(issuer: string): OidcConfig {
  const parsed = parseOidcConfig({
    VETTED_OIDC_ISSUER: issuer,
    VETTED_OIDC_CLIENT_ID: CLIENT_ID,
    VETTED_OIDC_CLIENT_SECRET: CLIENT_SECRET,
    VETTED_OIDC_REDIRECT_URL: REDIRECT_URL,
    VETTED_OIDC_SCOPES: 'openid profile email groups',
    VETTED_OIDC_ROLE_MAP: 'everyone=viewer, ml-publishers=publisher, ml-reviewers=reviewer',
    VETTED_PERSONAL_KEY_MAX_DAYS: '60',
  });
  if (!parsed.ok || !parsed.oidc) throw new Error(`test configuration refused: ${JSON.stringify(parsed)}`);
  return parsed.oidc;
}

/** `name=value` of the cookie a reply sets, and its attributes. */
function setCookie(reply: Reply, name: string): { pair: string; attributes: string } | undefined {
  const lines = [reply.headers['set-cookie'] ?? []].flat().map(String);
  const line = lines.find((candidate) => candidate.startsWith(`${name}=`));
  if (!line) return undefined;
  const [pair, ...attributes] = line.split(';');
  return { pair: pair!, attributes: attributes.join(';') };
}

interface Started {
  authorizationUrl: URL;
  cookie: string;
}

async function start(harness = api, returnTo = '/'): Promise<Started> {
  const reply = await harness.request('GET', `/v1/auth/oidc/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  expect(reply.status, reply.text).toBe(302);
  const cookie = setCookie(reply, 'vetted-sign-in');
  expect(cookie?.attributes).toMatch(/HttpOnly/i);
  return { authorizationUrl: new URL(String(reply.headers.location)), cookie: cookie!.pair };
}

/** Vetted's answer to the provider's redirect back, in the browser that started the sign-in. */
function callback(callbackUrl: string, cookie: string | undefined, harness = api): Promise<Reply> {
  const url = new URL(callbackUrl);
  return harness.request('GET', `${url.pathname}${url.search}`, cookie ? { headers: { cookie } } : {});
}

async function signIn(login: string, harness = api): Promise<{ cookie: string; csrf: string; reply: Reply }> {
  const started = await start(harness, '/reviews');
  const reply = await callback(await provider.signIn(started.authorizationUrl.toString(), login), started.cookie, harness);
  const session = setCookie(reply, 'vetted-session');
  if (!session) return { cookie: '', csrf: '', reply };
  const described = await harness.request('GET', '/v1/auth/session', { headers: { cookie: session.pair } });
  return { cookie: session.pair, csrf: described.body.session?.csrfToken ?? '', reply };
}

describe('OpenID Connect sign-in', () => {
  it('sends the browser to the provider with PKCE, state and nonce, and signs the person in', async () => {
    const started = await start(api, '/models/acme/bert?tab=files');
    const params = started.authorizationUrl.searchParams;
    expect(started.authorizationUrl.origin).toBe(provider.issuer);
    expect(params.get('client_id')).toBe(CLIENT_ID);
    expect(params.get('redirect_uri')).toBe(REDIRECT_URL);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();

    const reply = await callback(await provider.signIn(started.authorizationUrl.toString(), 'rita'), started.cookie);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/models/acme/bert?tab=files');
    const cookie = setCookie(reply, 'vetted-session')!;
    expect(cookie.attributes).toMatch(/HttpOnly/i);
    expect(cookie.attributes).toMatch(/SameSite=Lax/i);
    expect(cookie.attributes).toMatch(/Path=\//);
    expect(cookie.attributes).toMatch(/Max-Age=3600/);
    expect(cookie.attributes).not.toMatch(/Secure/i); // plain http here; https sets Secure and the __Host- prefix
    expect(setCookie(reply, 'vetted-sign-in')?.attributes).toMatch(/Expires=Thu, 01 Jan 1970/);

    const session = await api.request('GET', '/v1/auth/session', { headers: { cookie: cookie.pair } });
    expect(session.body).toMatchObject({
      signIn: { keyForm: true, provider: { name: 'your organisation', url: '/v1/auth/oidc/sign-in' } },
      session: { name: 'Rita Reviewer (rita@example.com)', email: 'rita@example.com', role: 'reviewer' },
      ended: null,
    });
    const whoami = await api.request('GET', '/v1/whoami', { headers: { cookie: cookie.pair } });
    expect(whoami.body).toEqual({ actor: session.body.session.actor, name: 'Rita Reviewer (rita@example.com)', role: 'reviewer' });
    const [user] = await api.sql('SELECT issuer, subject, name, email, role FROM users WHERE id = $1', [
      session.body.session.actor.slice('user:'.length),
    ]);
    expect(user).toEqual({ issuer: provider.issuer, subject: 'rita', name: 'Rita Reviewer', email: 'rita@example.com', role: 'reviewer' });
    const stored = await api.sql('SELECT hash FROM user_sessions');
    expect(JSON.stringify(stored)).not.toContain(cookie.pair.split('=')[1]);
  });

  it('maps groups to the highest role, and refuses a person none of whose groups is mapped', async () => {
    for (const [login, role] of [
      ['vera', 'viewer'],
      ['paul', 'publisher'],
      ['rita', 'reviewer'],
    ] as const) {
      const { cookie } = await signIn(login);
      expect((await api.request('GET', '/v1/whoami', { headers: { cookie } })).body.role).toBe(role);
    }
    const refused = await signIn('mark');
    expect(refused.reply.headers.location).toBe('/?sign_in_error=no_access');
    expect(refused.cookie).toBe('');
    const [mark] = await api.sql<{ id: string; role: string | null }>(`SELECT id, role FROM users WHERE subject = 'mark'`);
    expect(mark!.role).toBeNull();
    const audit = await api.sql(`SELECT action FROM audit_events WHERE actor = $1`, [`user:${mark!.id}`]);
    expect(audit).toEqual([{ action: 'user.sign_in_refused' }]);
  });

  it('refuses a replayed answer, an answer without the sign-in cookie, and another sign-in’s state', async () => {
    const started = await start();
    const answer = await provider.signIn(started.authorizationUrl.toString(), 'vera');
    expect((await callback(answer, started.cookie)).headers.location).toBe('/');
    const replayed = await callback(answer, started.cookie);
    expect(replayed.headers.location).toBe('/?sign_in_error=sign_in_expired');
    expect(setCookie(replayed, 'vetted-session')).toBeUndefined();

    const other = await start();
    const noCookie = await callback(await provider.signIn(other.authorizationUrl.toString(), 'vera'), undefined);
    expect(noCookie.headers.location).toBe('/?sign_in_error=sign_in_not_started');

    const mine = await start();
    const theirs = await start();
    const swapped = await callback(await provider.signIn(theirs.authorizationUrl.toString(), 'vera'), mine.cookie);
    expect(swapped.headers.location).toBe('/?sign_in_error=state_mismatch');
    expect(setCookie(swapped, 'vetted-session')).toBeUndefined();
  });

  it.each([
    ['a foreign audience', (claims: Record<string, unknown>) => ({ ...claims, aud: 'some-other-app' }), true, 'aud'],
    ['another issuer', (claims: Record<string, unknown>) => ({ ...claims, iss: 'https://evil.example.com' }), true, 'iss'],
    ['an expiry in the past', (claims: Record<string, unknown>) => ({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 }), true, 'exp'],
    ['a signature that does not match', (claims: Record<string, unknown>) => ({ ...claims, groups: ['ml-reviewers'] }), false, 'signature'],
  ])('refuses an ID token with %s, and logs why without secrets', async (_label, claims, resign, reason) => {
    provider.tamper = { claims, resign };
    const logged = log.length;
    const started = await start();
    const answer = await provider.signIn(started.authorizationUrl.toString(), 'vera');
    const reply = await callback(answer, started.cookie);
    expect(reply.headers.location).toBe('/?sign_in_error=token_invalid');
    expect(setCookie(reply, 'vetted-session')).toBeUndefined();
    const written = log.slice(logged).join('');
    expect(written).toContain('sign-in refused (token_invalid)');
    expect(written).toContain(reason);
    for (const secret of [CLIENT_SECRET, new URL(answer).searchParams.get('code')!, started.cookie.split('=')[1]!]) {
      expect(written).not.toContain(secret);
    }
    expect(written).not.toMatch(/eyJ[\w-]+\.eyJ/); // no JWT
  });

  it('refuses a provider whose discovery document names another issuer', async () => {
    // A relay on another port: the document it passes on names the provider's own issuer, not the relay's.
    const relay = http.createServer((request, response) => {
      const upstream = http.request(`${provider.issuer}${request.url}`, { method: request.method, headers: request.headers }, (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
    const harness = await ApiHarness.start({
      oidc: oidcConfig(`http://127.0.0.1:${(relay.address() as AddressInfo).port}`),
      logLevel: 'warn',
    });
    try {
      const reply = await harness.request('GET', '/v1/auth/oidc/sign-in');
      expect(reply.headers.location).toBe('/?sign_in_error=provider_misconfigured');
      expect(setCookie(reply, 'vetted-sign-in')).toBeUndefined();
    } finally {
      await harness.close();
      relay.closeAllConnections();
      await new Promise((resolve) => relay.close(resolve));
    }
  });

  it('returns only to paths on this site', async () => {
    for (const returnTo of ['//evil.example.com/', '/\\evil.example.com', 'https://evil.example.com/', '/x\r\nSet-Cookie: a=b']) {
      const reply = await api.request('GET', `/v1/auth/oidc/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
      expect(reply.status, returnTo).toBe(400);
      expect(setCookie(reply, 'vetted-sign-in')).toBeUndefined();
    }
  });

  it('answers 404 where no provider is configured, and the web app learns it has only the key form', async () => {
    const harness = await ApiHarness.start();
    try {
      expect((await harness.request('GET', '/v1/auth/oidc/sign-in')).body.code).toBe('oidc_not_configured');
      expect((await harness.request('GET', '/v1/auth/session')).body).toEqual({
        signIn: { keyForm: true, provider: null },
        session: null,
        ended: null,
      });
    } finally {
      await harness.close();
    }
  });
});

describe('browser sessions', () => {
  it('refuse an expired session, and say so', async () => {
    const { cookie } = await signIn('vera');
    await api.sql(`UPDATE user_sessions SET expires_at = now() - interval '1 second' WHERE hash = encode(sha256($1::bytea), 'hex')`, [
      cookie.split('=')[1],
    ]);
    const refused = await api.request('GET', '/v1/models', { headers: { cookie } });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('session_expired');
    const described = await api.request('GET', '/v1/auth/session', { headers: { cookie } });
    expect(described.body).toMatchObject({ session: null, ended: 'expired' });
    expect(setCookie(described, 'vetted-session')?.attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
  });

  it('refuse a tampered cookie', async () => {
    const { cookie } = await signIn('vera');
    const last = cookie.at(-1) === 'A' ? 'B' : 'A';
    const tampered = `${cookie.slice(0, -1)}${last}`;
    const refused = await api.request('GET', '/v1/models', { headers: { cookie: tampered } });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('invalid_session');
    expect((await api.request('GET', '/v1/models', { headers: { cookie } })).status).toBe(200);
  });

  it('need the CSRF token for every state-changing request, and name the person in the audit trail', async () => {
    const { cookie, csrf } = await signIn('paul');
    const body = { namespace: 'oidc', name: 'csrf-model', license: 'mit' };
    const missing = await api.request('POST', '/v1/models', { headers: { cookie }, body });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_token_invalid');
    const wrong = await api.request('POST', '/v1/models', { headers: { cookie, 'x-csrf-token': `${csrf}x` }, body });
    expect(wrong.body.code).toBe('csrf_token_invalid');
    expect((await api.request('GET', '/v1/models/oidc/csrf-model', { key: ADMIN_TOKEN })).status).toBe(404);

    const created = await api.request('POST', '/v1/models', { headers: { cookie, 'x-csrf-token': csrf }, body });
    expect(created.status).toBe(201);
    const audit = await api.request('GET', '/v1/audit?action=model.created&limit=1', { key: ADMIN_TOKEN });
    expect(audit.body.items[0]).toMatchObject({
      actor: expect.stringMatching(/^user:/),
      actorName: 'Paul Publisher (paul@example.com)',
      actorRole: 'publisher',
    });
  });

  it('let an API key win over a cookie sent with it, so keys work exactly as before', async () => {
    const { cookie } = await signIn('vera');
    const key = await api.keyFor('publisher', 'ci');
    const whoami = await api.request('GET', '/v1/whoami', { key, headers: { cookie } });
    expect(whoami.body).toMatchObject({ name: 'ci', role: 'publisher' });
    const created = await api.request('POST', '/v1/models', {
      key,
      headers: { cookie },
      body: { namespace: 'oidc', name: 'by-key', license: 'mit' },
    });
    expect(created.status).toBe(201); // no CSRF token: the key, not the cookie, made the request
  });

  it('end at sign-out, here and at the provider', async () => {
    const { cookie, csrf } = await signIn('rita');
    const forged = await api.request('POST', '/v1/auth/sign-out', { headers: { cookie } });
    expect(forged.status).toBe(403);
    expect((await api.request('GET', '/v1/whoami', { headers: { cookie } })).status).toBe(200);

    const out = await api.request('POST', '/v1/auth/sign-out', { headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(200);
    const end = new URL(out.body.endSessionUrl);
    expect(end.origin).toBe(provider.issuer);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe('http://localhost/');
    expect(end.searchParams.get('id_token_hint')).toMatch(/^eyJ/);
    expect(setCookie(out, 'vetted-session')?.attributes).toMatch(/Expires=Thu, 01 Jan 1970/);
    const after = await api.request('GET', '/v1/whoami', { headers: { cookie } });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('invalid_session');
  });
});

describe('personal API keys', () => {
  it('are made by a signed-in person, at most their role, always expiring', async () => {
    const { cookie, csrf } = await signIn('paul');
    const headers = { cookie, 'x-csrf-token': csrf };
    const above = await api.request('POST', '/v1/me/keys', { headers, body: { name: 'too much', role: 'reviewer' } });
    expect(above.status).toBe(403);
    expect(above.body.code).toBe('role_above_your_own');
    const tooLong = await api.request('POST', '/v1/me/keys', { headers, body: { name: 'forever', expiresInDays: 61 } });
    expect(tooLong.status).toBe(400);

    const created = await api.request('POST', '/v1/me/keys', { headers, body: { name: 'laptop' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'laptop', role: 'publisher', owner: { name: 'Paul Publisher' } });
    const days = (Date.parse(created.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);

    const whoami = await api.request('GET', '/v1/whoami', { key: created.body.key });
    expect(whoami.body).toMatchObject({ name: 'laptop (key of Paul Publisher (paul@example.com))', role: 'publisher' });
    const byKey = await api.request('POST', '/v1/me/keys', { key: created.body.key, body: { name: 'more' } });
    expect(byKey.status).toBe(403);
    expect(byKey.body.code).toBe('session_required');
  });

  it('are listed and revoked only by their owner; admins see and revoke them all', async () => {
    const paul = await signIn('paul');
    const vera = await signIn('vera');
    const own = await api.request('POST', '/v1/me/keys', {
      headers: { cookie: vera.cookie, 'x-csrf-token': vera.csrf },
      body: { name: 'vera laptop' },
    });
    const paulsKeys = await api.request('GET', '/v1/me/keys', { headers: { cookie: paul.cookie } });
    expect(paulsKeys.body.items.map((key: { id: string }) => key.id)).not.toContain(own.body.id);
    const notTheirs = await api.request('DELETE', `/v1/me/keys/${own.body.id}`, {
      headers: { cookie: paul.cookie, 'x-csrf-token': paul.csrf },
    });
    expect(notTheirs.status).toBe(404);
    expect((await api.request('GET', '/v1/whoami', { key: own.body.key })).status).toBe(200);

    const all = await api.request('GET', '/v1/keys', { key: ADMIN_TOKEN });
    expect(all.body.items.find((key: { id: string }) => key.id === own.body.id)).toMatchObject({ owner: { name: 'Vera Viewer' } });
    const veraKeys = await api.request('GET', '/v1/me/keys', { headers: { cookie: vera.cookie } });
    expect(veraKeys.body.items.map((key: { id: string }) => key.id)).toContain(own.body.id);

    expect(
      (await api.request('DELETE', `/v1/me/keys/${own.body.id}`, { headers: { cookie: vera.cookie, 'x-csrf-token': vera.csrf } })).status,
    ).toBe(204);
    expect((await api.request('GET', '/v1/whoami', { key: own.body.key })).body.code).toBe('invalid_api_key');
  });

  it('act as their owner, so ownership and separation of duties see one person', async () => {
    const rita = await signIn('rita');
    const headers = { cookie: rita.cookie, 'x-csrf-token': rita.csrf };
    const key = (await api.request('POST', '/v1/me/keys', { headers, body: { name: 'uploads', role: 'publisher' } })).body.key;
    const base = '/v1/models/oidc/own-work/versions/1.0';
    expect(
      (await api.request('POST', '/v1/models', { headers, body: { namespace: 'oidc', name: 'own-work', license: 'mit' } })).status,
    ).toBe(201);
    expect((await api.request('POST', '/v1/models/oidc/own-work/versions', { headers, body: { version: '1.0' } })).status).toBe(201);
    const upload = await api.request('PUT', `${base}/files/config.json`, {
      key,
      rawBody: Buffer.from('{"model_type": "bert"}'),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(upload.status).toBe(201); // the browser's draft is the key's draft: same person
    expect((await api.request('POST', `${base}/submit`, { key })).status).toBe(201);
    await api.scan('oidc', 'own-work', '1.0');

    const approval = await api.request('POST', `${base}/reviews`, { headers, body: { decision: 'approve', comment: 'my own work' } });
    expect([approval.status, approval.body.code]).toEqual([403, 'self_approval']);
    const actors = await api.sql(`SELECT DISTINCT actor FROM audit_events WHERE subject_id LIKE 'oidc/own-work%' AND actor <> 'worker'`);
    const session = await api.request('GET', '/v1/auth/session', { headers: { cookie: rita.cookie } });
    expect(actors).toEqual([{ actor: session.body.session.actor }]);
  });

  it('stop working at their next use once the owner signs in with a lesser role, or once expired', async () => {
    const lena: TestPerson = { name: 'Lena Leaving', email: 'lena@example.com', groups: ['ml-reviewers'] };
    people.lena = lena;
    const reviewer = await signIn('lena');
    const headers = { cookie: reviewer.cookie, 'x-csrf-token': reviewer.csrf };
    const reviewerKey = (await api.request('POST', '/v1/me/keys', { headers, body: { name: 'review bot' } })).body.key;
    const viewerKey = (await api.request('POST', '/v1/me/keys', { headers, body: { name: 'downloads', role: 'viewer' } })).body.key;
    expect((await api.request('GET', '/v1/whoami', { key: reviewerKey })).body.role).toBe('reviewer');

    lena.groups = ['everyone'];
    await signIn('lena');
    const refused = await api.request('GET', '/v1/whoami', { key: reviewerKey });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('api_key_owner_lacks_role');
    expect((await api.request('GET', '/v1/whoami', { key: viewerKey })).body.role).toBe('viewer');

    lena.groups = [];
    expect((await signIn('lena')).reply.headers.location).toBe('/?sign_in_error=no_access');
    expect((await api.request('GET', '/v1/whoami', { key: viewerKey })).body.code).toBe('api_key_owner_lacks_role');
    expect((await api.request('GET', '/v1/whoami', { headers: { cookie: reviewer.cookie } })).body.code).toBe('invalid_session');

    lena.groups = ['everyone'];
    const back = await signIn('lena');
    expect((await api.request('GET', '/v1/whoami', { key: viewerKey })).status).toBe(200);
    const expiring = await api.request('POST', '/v1/me/keys', {
      headers: { cookie: back.cookie, 'x-csrf-token': back.csrf },
      body: { name: 'expiring', expiresInDays: 1 },
    });
    await api.sql(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.body.id]);
    const expired = await api.request('GET', '/v1/whoami', { key: expiring.body.key });
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('api_key_expired');
  });
});
