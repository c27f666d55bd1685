import { ROLES, type Role } from '@vetted/domain';
import { z } from 'zod';

/** Sign-in through the organisation's identity provider (OpenID Connect, authorization code flow with PKCE). */
export interface OidcConfig {
  /** The provider's issuer identifier; its discovery document must name exactly this issuer. */
  issuer: string;
  clientId: string;
  /** Absent: a public client (PKCE only, no client authentication). */
  clientSecret: string | undefined;
  /** Where the provider sends the browser back: `<public URL>/v1/auth/oidc/callback`. */
  redirectUrl: string;
  /** Where the provider sends the browser after its end-session page. */
  postLogoutRedirectUrl: string;
  scopes: string;
  /** Shown on the sign-in button: "Sign in with <displayName>". */
  displayName: string;
  /** The claim whose values are mapped to roles, e.g. `groups`; dots reach into objects (`realm_access.roles`). */
  roleClaim: string;
  /** Claim value (a group) → role; a person gets the highest role any of their groups maps to. */
  roleMap: ReadonlyMap<string, Role>;
  /** How long a browser session lasts; then the person signs in again (the provider usually remembers them). */
  sessionSeconds: number;
  /** The longest lifetime of a personal API key. */
  personalKeyMaxDays: number;
}

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const flag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

/** Plain HTTP only where nothing travels over a network: a provider on this machine (tests, local set-ups). */
export function isLoopbackUrl(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);
}

const issuerUrl = z.url('must be a URL such as https://login.example.com/realms/acme').refine((text) => {
  const url = new URL(text);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackUrl(url));
}, 'must be an https:// URL (http:// only for a provider on this machine: localhost, 127.0.0.1, [::1])');

const oidcEnvironment = z.object({
  VETTED_OIDC_ISSUER: optionalText.pipe(issuerUrl.optional()),
  VETTED_OIDC_CLIENT_ID: optionalText,
  VETTED_OIDC_CLIENT_SECRET: optionalText,
  VETTED_OIDC_REDIRECT_URL: optionalText.pipe(z.url('must be a URL such as https://vetted.example.com/v1/auth/oidc/callback').optional()),
  VETTED_OIDC_POST_LOGOUT_URL: optionalText.pipe(z.url('must be a URL such as https://vetted.example.com/').optional()),
  VETTED_OIDC_SCOPES: z.string().trim().min(1).default('openid profile email'),
  VETTED_OIDC_DISPLAY_NAME: z.string().trim().min(1).max(60).default('your organisation'),
  VETTED_OIDC_ROLE_CLAIM: z.string().trim().min(1).default('groups'),
  VETTED_OIDC_ROLE_MAP: z.string().default(''),
  VETTED_OIDC_SESSION_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
  VETTED_PERSONAL_KEY_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  VETTED_WEB_KEY_SIGN_IN: flag.default(true),
  VETTED_PUBLIC_URL: optionalText,
});

/** The OIDC settings, or the problems with them as `VARIABLE: message`. */
export function parseOidcConfig(
  env: NodeJS.ProcessEnv,
): { ok: true; oidc: OidcConfig | undefined; webKeySignIn: boolean } | { ok: false; problems: string[] } {
  const parsed = oidcEnvironment.safeParse(env);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  const values = parsed.data;
  const webKeySignIn = values.VETTED_WEB_KEY_SIGN_IN;
  if (!values.VETTED_OIDC_ISSUER) {
    if (!webKeySignIn) return { ok: false, problems: ['VETTED_WEB_KEY_SIGN_IN: false needs VETTED_OIDC_ISSUER, or nobody can sign in'] };
    return { ok: true, oidc: undefined, webKeySignIn };
  }
  const problems: string[] = [];
  if (!values.VETTED_OIDC_CLIENT_ID) problems.push('VETTED_OIDC_CLIENT_ID: required when VETTED_OIDC_ISSUER is set');
  const publicUrl = values.VETTED_PUBLIC_URL?.replace(/\/+$/, '');
  const redirectUrl = values.VETTED_OIDC_REDIRECT_URL ?? (publicUrl && `${publicUrl}/v1/auth/oidc/callback`);
  if (!redirectUrl) problems.push('VETTED_OIDC_REDIRECT_URL: required when VETTED_OIDC_ISSUER is set (or set VETTED_PUBLIC_URL)');
  const roleMap = parseRoleMap(values.VETTED_OIDC_ROLE_MAP);
  if (typeof roleMap === 'string') problems.push(`VETTED_OIDC_ROLE_MAP: ${roleMap}`);
  if (problems.length > 0 || !redirectUrl || typeof roleMap === 'string') return { ok: false, problems };
  return {
    ok: true,
    webKeySignIn,
    oidc: {
      issuer: values.VETTED_OIDC_ISSUER,
      clientId: values.VETTED_OIDC_CLIENT_ID!,
      clientSecret: values.VETTED_OIDC_CLIENT_SECRET,
      redirectUrl,
      postLogoutRedirectUrl: values.VETTED_OIDC_POST_LOGOUT_URL ?? `${new URL(redirectUrl).origin}/`,
      scopes: values.VETTED_OIDC_SCOPES,
      displayName: values.VETTED_OIDC_DISPLAY_NAME,
      roleClaim: values.VETTED_OIDC_ROLE_CLAIM,
      roleMap,
      sessionSeconds: values.VETTED_OIDC_SESSION_MINUTES * 60,
      personalKeyMaxDays: values.VETTED_PERSONAL_KEY_MAX_DAYS,
    },
  };
}

/**
 * `group=role, group=role` (the last `=` of each entry splits it), or a JSON object `{"group": "role"}` for
 * group names holding commas, such as LDAP DNs. Returns the problem as text when the map is not valid.
 */
export function parseRoleMap(text: string): Map<string, Role> | string {
  const trimmed = text.trim();
  let entries: [string, unknown][];
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'must be a JSON object of group → role';
      entries = Object.entries(parsed);
    } catch {
      return 'is not valid JSON';
    }
  } else {
    entries = trimmed
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((entry) => {
        const split = entry.lastIndexOf('=');
        return split < 0 ? [entry, undefined] : [entry.slice(0, split).trim(), entry.slice(split + 1).trim()];
      });
  }
  if (entries.length === 0) return 'required when VETTED_OIDC_ISSUER is set: map at least one group to a role, e.g. vetted-admins=admin';
  const map = new Map<string, Role>();
  for (const [group, role] of entries) {
    if (group === '') return 'a group name is empty';
    if (!ROLES.includes(role as Role)) return `"${group}" maps to "${String(role)}", which is not one of ${ROLES.join(', ')}`;
    map.set(group, role as Role);
  }
  return map;
}
