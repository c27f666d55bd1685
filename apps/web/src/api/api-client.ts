import createClient from 'openapi-fetch';
import type { paths } from './generated/schema';

export type ApiClient = ReturnType<typeof createClient<paths>>;

/**
 * A typed client of the API on this origin. Requests carry the signed-in key unless they set their
 * own Authorization (sign-in tries a candidate key); a 401 to the signed-in key means it was revoked.
 */
export function createApiClient(currentKey: () => string | null, onKeyRejected: () => void): ApiClient {
  const client = createClient<paths>({ baseUrl: window.location.origin });
  client.use({
    onRequest({ request }) {
      const key = currentKey();
      if (key && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${key}`);
      return request;
    },
    onResponse({ request, response }) {
      const key = currentKey();
      if (response.status === 401 && key && request.headers.get('authorization') === `Bearer ${key}`) onKeyRejected();
      return response;
    },
  });
  return client;
}
