import type { Middleware } from 'openapi-fetch';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * For a browser signed in through the identity provider: the session cookie goes with every request by
 * itself; state-changing ones also carry the session's CSRF token, and a 401 means the session ended.
 * Requests with their own Authorization (an API key) are left alone.
 */
export function sessionMiddleware(csrfToken: () => string | null, onSessionEnded: () => void): Middleware {
  return {
    onRequest({ request }) {
      const token = csrfToken();
      if (token && !request.headers.has('authorization') && !SAFE_METHODS.has(request.method)) request.headers.set('x-csrf-token', token);
      return request;
    },
    onResponse({ request, response }) {
      if (response.status === 401 && csrfToken() && !request.headers.has('authorization')) onSessionEnded();
      return response;
    },
  };
}
