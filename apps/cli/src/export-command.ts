import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';
import { setTimeout as delay } from 'node:timers/promises';
import { call, type RegistryClient } from './registry-client.js';

interface ExportState {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'expired';
  size: number | null;
  error: string | null;
}

const POLL_MS = 1000;

/** `vetted export --models a/b[@v] … --out bundle.tar`: asks the registry for a bundle and downloads it. */
export async function exportBundle(client: RegistryClient, models: string[], out: string, log: (line: string) => void): Promise<void> {
  const created = await call(client, '/v1/exports', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ models }),
  });
  let state = (await created.json()) as ExportState;
  log(`export ${state.id}: a worker writes ${models.join(', ')}`);
  while (state.status === 'queued' || state.status === 'running') {
    await delay(POLL_MS); // the registry offers no push for exports; a slow poll is enough for a minutes-long job
    state = (await (await call(client, `/v1/exports/${state.id}`)).json()) as ExportState;
  }
  if (state.status !== 'succeeded') throw new Error(`export ${state.id} ${state.status}: ${state.error ?? 'no reason given'}`);
  const response = await call(client, `/v1/exports/${state.id}/download`);
  await pipeline(Readable.fromWeb(response.body as ReadableStream), createWriteStream(out));
  log(`wrote ${out} (${state.size ?? '?'} bytes; GET /v1/exports/${state.id}/download serves it again, with Range)`);
}
