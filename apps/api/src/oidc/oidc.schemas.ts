import { ROLES } from '@vetted/domain';
import { z } from 'zod';

/** A path on this site: not `//host` or `/\host` (other sites to a browser), no control characters (header injection). */
const isLocalPath = (path: string): boolean =>
  path.startsWith('/') &&
  !path.includes('\\') &&
  !path.startsWith('//') &&
  ![...path].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

export const signInQuery = z.object({
  returnTo: z
    .string()
    .max(2000)
    .refine(isLocalPath, 'must be a path on this site, such as /models/acme/bert')
    .default('/')
    .describe('Where to go once signed in: a path on this site'),
});

export const authSession = z.object({
  signIn: z.object({
    keyForm: z.boolean().describe('Whether the web app offers sign-in with an API key (VETTED_WEB_KEY_SIGN_IN)'),
    provider: z
      .object({ name: z.string().describe('VETTED_OIDC_DISPLAY_NAME'), url: z.string().describe('Where a sign-in starts') })
      .nullable()
      .describe('The identity provider, when OpenID Connect is configured'),
  }),
  session: z
    .object({
      actor: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      role: z.enum(ROLES),
      csrfToken: z.string().describe('Send as X-CSRF-Token with every state-changing request made with the session cookie'),
      expiresAt: z.string(),
    })
    .nullable()
    .describe("This browser's session, when its cookie holds a live one"),
  ended: z
    .enum(['expired', 'invalid', 'no_access'])
    .nullable()
    .describe('Why the session cookie this browser sent no longer works (it has been cleared)'),
});
export type AuthSession = z.output<typeof authSession>;

export const signedOut = z.object({
  endSessionUrl: z.string().nullable().describe("The identity provider's end-session page to send the browser to, if it has one"),
});

export const userView = z.object({
  id: z.string(),
  actor: z.string().describe('How audit events and history name this person: user:<id>'),
  issuer: z.string(),
  subject: z.string().describe("The identity provider's id for the person (sub)"),
  name: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES).nullable().describe('From their groups at their last sign-in; null: no access'),
  createdAt: z.string(),
  lastSignInAt: z.string(),
});
export type UserView = z.output<typeof userView>;
