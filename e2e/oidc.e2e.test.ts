import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_APP_DIR } from '../apps/api/src/web/web-app.js';
import { createTestDatabase } from '../test/database.js';
import { freePort } from '../test/free-port.js';
import { TestOpenIdProvider, type TestPerson } from './oidc-test-provider.js';
import { launchChromium, openApp, screenshot, type TestPage } from './web-browser.js';
import { ApiCaller, configJson } from './web-fixtures.js';
import { VettedProcess } from './vetted-process.js';

const people: Record<string, TestPerson> = {
  rita: { name: 'Rita Reviewer', email: 'rita@example.com', groups: ['staff', 'ml-reviewers'] },
  vera: { name: 'Vera Viewer', email: 'vera@example.com', groups: ['staff'] },
  mark: { name: 'Mark Marketing', email: 'mark@example.com', groups: ['marketing'] },
};

/**
 * Sign-in through a real OpenID provider (oidc-provider on 127.0.0.1) in headless Chromium against
 * `vetted start`. The browser reaches Vetted as `localhost` and the provider as `127.0.0.1`: two sites,
 * as in real life, so the cookies' SameSite rules are exercised. The provider puts groups in UserInfo
 * only, so Vetted's UserInfo path is the one taken here (the API tests take the ID-token path).
 */
describe('sign-in through the identity provider, in a browser', { timeout: 45_000 }, () => {
  let provider: TestOpenIdProvider;
  let dataDir: string;
  let databaseUrl: string;
  let baseUrl: string;
  let apiUrl: string;
  let vetted: VettedProcess | undefined;
  let browser: Browser | undefined;
  let admin: ApiCaller;
  const pages: TestPage[] = [];
  const configBytes = configJson('BertForSequenceClassification');

  /** A fresh browser (its own cookies) that may reach only this machine. */
  const open = async (): Promise<TestPage> => {
    const opened = await openApp(browser!, baseUrl);
    await opened.context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      return hostname === 'localhost' || hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    pages.push(opened);
    return opened;
  };

  const signIn = async (login: string): Promise<TestPage> => {
    const opened = await open();
    const { page } = opened;
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in with Acme SSO' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL((url) => url.host === new URL(baseUrl).host);
    return opened;
  };

  const sessionCookie = async (context: BrowserContext) =>
    (await context.cookies(baseUrl)).find((cookie) => cookie.name === 'vetted-session');

  const sql = async (text: string, values: unknown[] = []): Promise<void> => {
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query(text, values);
    } finally {
      await db.end();
    }
  };

  beforeAll(async () => {
    if (!existsSync(path.join(WEB_APP_DIR, 'index.html')))
      throw new Error(`${WEB_APP_DIR} is missing: run "npm run build" before the browser tests`);
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    apiUrl = `http://127.0.0.1:${port}`;
    provider = await TestOpenIdProvider.start({
      clientId: 'vetted-web',
      clientSecret: 'web-client-secret',
      redirectUris: [`${baseUrl}/v1/auth/oidc/callback`],
      postLogoutRedirectUris: [`${baseUrl}/`],
      people,
      claimsInIdToken: false,
    });
    dataDir = await mkdtemp(path.join(tmpdir(), 'vetted-oidc-e2e-'));
    databaseUrl = await createTestDatabase();
    [vetted, browser] = await Promise.all([
      (async () => {
        const started = VettedProcess.run('start', {
          VETTED_DATA_DIR: dataDir,
          PORT: String(port),
          DATABASE_URL: databaseUrl,
          VETTED_ADMIN_TOKEN: '',
          LOG_LEVEL: 'warn',
          VETTED_OIDC_ISSUER: provider.issuer,
          VETTED_OIDC_CLIENT_ID: 'vetted-web',
          VETTED_OIDC_CLIENT_SECRET: 'web-client-secret',
          VETTED_OIDC_REDIRECT_URL: `${baseUrl}/v1/auth/oidc/callback`,
          VETTED_OIDC_SCOPES: 'openid profile email groups',
          VETTED_OIDC_DISPLAY_NAME: 'Acme SSO',
          VETTED_OIDC_ROLE_MAP: 'staff=viewer, ml-reviewers=reviewer',
        });
        await started.waitUntilHealthy(apiUrl);
        return started;
      })(),
      launchChromium(),
    ]);
    admin = new ApiCaller(apiUrl, (await readFile(path.join(dataDir, 'admin-key'), 'utf8')).trim());
    const publisher = admin.as((await admin.call('POST', '/v1/keys', { name: 'seed publisher', role: 'publisher' })).key);
    const reviewer = admin.as((await admin.call('POST', '/v1/keys', { name: 'seed reviewer', role: 'reviewer' })).key);
    await publisher.publish({ namespace: 'acme', name: 'approved-bert', license: 'mit' }, '1.0', { 'config.json': configBytes });
    await reviewer.approve('acme/approved-bert', '1.0');
    await publisher.publish({ namespace: 'acme', name: 'pending-bert', license: 'mit' }, '1.0', { 'config.json': configBytes });
    await publisher.waitForScan('acme/pending-bert', '1.0');
  }, 90_000);

  afterAll(async () => {
    for (const { context } of pages) await context.close().catch(() => undefined);
    await browser?.close();
    await vetted?.stop();
    await provider?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('lets a reviewer sign in and approve a version, and names them in its history', async () => {
    const { page, errors } = await signIn('rita');
    await page.locator('.session-who', { hasText: 'Rita Reviewer (rita@example.com)' }).waitFor();
    expect(await page.locator('.session-who .badge').textContent()).toBe('reviewer');
    const cookie = await sessionCookie(page.context());
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(await page.evaluate<string>('document.cookie')).not.toContain('vetted-session');
    expect(await page.evaluate<string | null>("sessionStorage.getItem('vetted.apiKey')")).toBeNull();

    await page.getByRole('link', { name: 'Review queue' }).click();
    const pending = page.locator('.queue-item', { hasText: 'acme/pending-bert' });
    await pending.getByLabel(/Comment/).fill('Signed in through Acme SSO.');
    await pending.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('acme/pending-bert 1.0: approved.').waitFor();
    await screenshot(page, 'oidc-reviewer-approved');

    const history = await admin.call('GET', '/v1/models/acme/pending-bert/versions/1.0/history');
    const approved = history.items.find((event: { action: string }) => event.action === 'version.approved');
    expect(approved).toMatchObject({
      actor: expect.stringMatching(/^user:/),
      actorName: 'Rita Reviewer (rita@example.com)',
      actorRole: 'reviewer',
    });
    expect(errors).toEqual([]);
  });

  it('lets a viewer download a file through a plain link, with no key in the page', async () => {
    const { page, errors } = await signIn('vera');
    const authorizations: string[] = [];
    page.on('request', (request) => {
      const header = request.headers().authorization;
      if (header) authorizations.push(header);
    });
    await page.locator('.session-who', { hasText: 'Vera Viewer' }).waitFor();
    expect(await page.getByRole('link', { name: 'Review queue' }).count()).toBe(0);
    await page.getByRole('link', { name: 'acme/approved-bert' }).click();
    await page.getByRole('link', { name: 'Files' }).click();
    const link = page.getByRole('link', { name: 'Download config.json' });
    expect(await link.getAttribute('href')).toBe(`${baseUrl}/v1/models/acme/approved-bert/versions/1.0/files/config.json`);
    expect(await link.getAttribute('download')).toBe('config.json');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(
      createHash('sha256')
        .update(await readFile(await download.path()))
        .digest('hex'),
    ).toBe(createHash('sha256').update(configBytes).digest('hex'));
    expect(authorizations).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('refuses a state-changing request made with the cookie but without the CSRF token', async () => {
    const { page } = await signIn('vera');
    await page.locator('.session-who').waitFor();
    // The page's own fetch: same origin, so the cookie goes along; the token does not.
    const answer = await page.evaluate<{ status: number; code: string }>(
      `fetch('/v1/me/keys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"x"}' })
        .then(async (response) => ({ status: response.status, code: (await response.json()).code }))`,
    );
    expect(answer).toEqual({ status: 403, code: 'csrf_token_invalid' });
  });

  it('lets a person make, use and revoke their own API key', async () => {
    const { page, errors } = await signIn('rita');
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Name').fill('laptop');
    await page.getByLabel('Role').selectOption('viewer');
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = (await page.getByLabel('New API key').textContent())!;
    expect(secret).toMatch(/^hf_/);
    const whoami = await admin.as(secret).call('GET', '/v1/whoami');
    expect(whoami).toMatchObject({ name: 'laptop (key of Rita Reviewer (rita@example.com))', role: 'viewer' });
    await page.getByRole('button', { name: 'I have copied it' }).click();
    const row = page.locator('tr', { hasText: 'laptop' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('revoked').waitFor();
    await admin.as(secret).call('GET', '/v1/whoami', undefined, [401]);
    await screenshot(page, 'oidc-personal-keys');
    expect(errors).toEqual([]);
  });

  it('signs out here and at the provider', async () => {
    const opened = await signIn('vera');
    const { page, errors } = opened;
    await page.locator('.session-who').waitFor();
    const cookie = (await sessionCookie(opened.context))!;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('button', { name: 'Sign in with Acme SSO' }).waitFor();
    expect(new URL(page.url()).host).toBe(new URL(baseUrl).host);
    expect(await sessionCookie(opened.context)).toBeUndefined();
    const replayed = await fetch(`${apiUrl}/v1/whoami`, { headers: { cookie: `${cookie.name}=${cookie.value}` } });
    expect(replayed.status).toBe(401);
    // The provider forgot the person too: signing in asks for the login again.
    await page.getByRole('button', { name: 'Sign in with Acme SSO' }).click();
    await page.locator('input[name="login"]').waitFor();
    expect(errors).toEqual([]);
  });

  it('sends a person whose session expired, or whose cookie was altered, back to sign in, saying why', async () => {
    const expired = await signIn('vera');
    await expired.page.locator('.session-who').waitFor();
    const cookie = (await sessionCookie(expired.context))!;
    await sql(`UPDATE user_sessions SET expires_at = now() - interval '1 second' WHERE hash = encode(sha256($1::bytea), 'hex')`, [
      cookie.value,
    ]);
    await expired.page.reload();
    await expired.page.getByText('Your session expired. Sign in again.').waitFor();

    const tampered = await signIn('vera');
    await tampered.page.locator('.session-who').waitFor();
    const original = (await sessionCookie(tampered.context))!;
    const altered = `${original.value.slice(0, -1)}${original.value.endsWith('A') ? 'B' : 'A'}`;
    await tampered.context.addCookies([{ ...original, value: altered }]);
    await tampered.page.reload();
    await tampered.page.getByText(/Your session is no longer valid/).waitFor();
    await tampered.page.getByRole('button', { name: 'Sign in with Acme SSO' }).waitFor();
  });

  it('shows a clear page to a person none of whose groups gives access', async () => {
    const { page, errors } = await signIn('mark');
    await page.getByRole('heading', { name: 'No access to Vetted' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('none of your groups there gives access to Vetted');
    expect(page.url()).toBe(`${baseUrl}/`);
    expect(await sessionCookie(page.context())).toBeUndefined();
    await screenshot(page, 'oidc-no-access');
    expect(errors).toEqual([]);
  });
});
