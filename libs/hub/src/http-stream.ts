import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { HubError } from './hub-error.js';

const MAX_REDIRECTS = 5;
/** A Hub connection silent this long is treated as dropped (and the file retried). */
const IDLE_TIMEOUT_MS = 60_000;

/**
 * GETs a URL as a Node stream (node:http, no web-stream adapter in the way: measured 3× faster than
 * the client's WebBlob stream here), following redirects as the Hub's CDN needs. The token goes only to
 * the host it was meant for, never to a redirect target on another host.
 */
export function openUrl(url: string, token: string | undefined, redirects = 0): Promise<Readable> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(target, { headers: token ? { authorization: `Bearer ${token}` } : {} }, (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.resume();
        if (redirects >= MAX_REDIRECTS) return reject(new HubError('unavailable', `Too many redirects for ${target.pathname}`));
        const next = new URL(location, target);
        return resolve(openUrl(next.toString(), next.host === target.host ? token : undefined, redirects + 1));
      }
      if (status !== 200) {
        response.resume();
        const kind = status === 404 ? 'file_not_found' : status === 401 || status === 403 ? 'unauthorized' : 'unavailable';
        return reject(new HubError(kind, `The Hub answered ${status} for ${target.pathname}`));
      }
      resolve(response);
    });
    request.setTimeout(IDLE_TIMEOUT_MS, () => request.destroy(new Error(`no data for ${IDLE_TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) => reject(new HubError('unavailable', `The Hub could not be reached: ${error.message}`)));
  });
}
