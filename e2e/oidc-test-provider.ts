import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type ProviderContext } from 'oidc-provider';

/** A person at the test provider: signs in with their login, which is their subject (any password), and carries these groups. */
export interface TestPerson {
  name: string;
  email: string;
  groups: string[];
}

export interface TestProviderOptions {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** By login (= subject). */
  people: Record<string, TestPerson>;
  /** Put the requested claims (groups included) in the ID token, as Entra ID and Okta do; otherwise only UserInfo has them. */
  claimsInIdToken: boolean;
}

type Claims = Record<string, unknown>;

/**
 * A real OpenID provider (`oidc-provider`) on 127.0.0.1 for the sign-in tests: discovery, JWKS, the
 * authorization code flow with PKCE, UserInfo, end-session, and its development login page (any
 * password). Consent is granted at once. `tamper` rewrites the ID tokens the token endpoint returns,
 * re-signed with the provider's own key (or not): a provider issuing bad tokens, which the real one won't.
 */
export class TestOpenIdProvider {
  /** Changes the claims of every ID token the token endpoint returns from now on; undefined: none. */
  tamper: { claims: (claims: Claims) => Claims; resign: boolean } | undefined;

  private constructor(
    readonly issuer: string,
    private readonly server: http.Server,
    private readonly signingKey: KeyObject,
  ) {}

  static async start(options: TestProviderOptions): Promise<TestOpenIdProvider> {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const test = new TestOpenIdProvider(issuer, server, privateKey);
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: options.clientId,
          client_secret: options.clientSecret,
          redirect_uris: options.redirectUris,
          post_logout_redirect_uris: options.postLogoutRedirectUris,
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        },
      ],
      jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' }] },
      cookies: { keys: ['a test cookie key, not a secret'] },
      claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups'] },
      conformIdTokenClaims: !options.claimsInIdToken,
      ttl: { AccessToken: 600, IdToken: 600, Interaction: 600, Grant: 3600, Session: 3600 },
      findAccount: (_ctx: unknown, id: string) => {
        const person = options.people[id];
        return person && { accountId: id, claims: () => ({ sub: id, ...person }) };
      },
      loadExistingGrant: async (ctx: ProviderContext) => {
        const { client, session, result, provider: self } = ctx.oidc;
        if (!client || !session?.accountId) return undefined;
        const existing = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
        if (existing) return self.Grant.find(existing);
        const grant = new self.Grant({ clientId: client.clientId, accountId: session.accountId });
        grant.addOIDCScope('openid profile email groups');
        await grant.save();
        return grant;
      },
      features: {
        devInteractions: { enabled: true },
        rpInitiatedLogout: {
          enabled: true,
          // The default page pulls a web font: nothing in the tests may reach outside this machine.
          logoutSource: (ctx: { body: string }, form: string) => {
            ctx.body = `<!DOCTYPE html><title>Sign out</title>${form}<button type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>`;
          },
        },
      },
      renderError: (ctx: { type: string; body: string }, out: Record<string, string>) => {
        ctx.type = 'html';
        ctx.body = `<!DOCTYPE html><title>Provider error</title><p id="provider-error">${out.error}: ${out.error_description}</p>`;
      },
    });
    provider.use(async (ctx, next) => {
      await next();
      const body = ctx.body as { id_token?: string } | undefined;
      if (ctx.path === '/token' && test.tamper && typeof body?.id_token === 'string') {
        ctx.body = { ...body, id_token: test.rewrite(body.id_token, test.tamper.claims, test.tamper.resign) };
      }
    });
    server.on('request', provider.callback());
    return test;
  }

  /**
   * Walks the provider's sign-in as a browser would, without one: follows the authorization URL, signs in
   * `login` on the development login form and returns the redirect back to Vetted (its callback URL).
   */
  async signIn(authorizationUrl: string, login: string): Promise<string> {
    const jar = new Map<string, string>();
    const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const remember = (response: Response) => {
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const split = pair!.indexOf('=');
        jar.set(pair!.slice(0, split), pair!.slice(split + 1));
      }
    };
    let url = authorizationUrl;
    let body: URLSearchParams | undefined;
    for (let hop = 0; hop < 10; hop++) {
      if (new URL(url).origin !== this.issuer) return url;
      const response = await fetch(url, {
        method: body ? 'POST' : 'GET',
        headers: { cookie: cookieHeader(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
        redirect: 'manual',
        ...(body ? { body } : {}),
      });
      remember(response);
      body = undefined;
      const location = response.headers.get('location');
      if (location) {
        url = new URL(location, url).toString();
        continue;
      }
      if (response.status !== 200) throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
      // The development login page: post the login to the same interaction URL.
      await response.text();
      body = new URLSearchParams({ prompt: 'login', login, password: 'any' });
    }
    throw new Error('the sign-in did not come back from the provider');
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private rewrite(idToken: string, change: (claims: Claims) => Claims, resign: boolean): string {
    const [header, payload, signature] = idToken.split('.') as [string, string, string];
    const claims = change(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims);
    const newPayload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signed = `${header}.${newPayload}`;
    return `${signed}.${resign ? sign('sha256', Buffer.from(signed), this.signingKey).toString('base64url') : signature}`;
  }
}
