import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The browser's two cookies: the session, and the sign-in under way (bound to the browser that started
 * it). HttpOnly, SameSite=Lax (sent on the provider's redirect back, a top-level GET, not on cross-site
 * requests); Secure, with the `__Host-` prefix, when Vetted is reached over HTTPS.
 */
export class SessionCookies {
  readonly session: string;
  readonly signIn: string;

  constructor(private readonly secure: boolean) {
    const prefix = secure ? '__Host-' : '';
    this.session = `${prefix}vetted-session`;
    this.signIn = `${prefix}vetted-sign-in`;
  }

  read(request: FastifyRequest, name: string): string | undefined {
    const value = request.cookies?.[name];
    return value === undefined || value === '' ? undefined : value;
  }

  set(reply: FastifyReply, name: string, value: string, maxAgeSeconds: number): void {
    void reply.setCookie(name, value, { ...this.options(), maxAge: maxAgeSeconds });
  }

  clear(reply: FastifyReply, name: string): void {
    void reply.clearCookie(name, this.options());
  }

  private options(): CookieSerializeOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/' };
  }
}
