import { AutoConfig, AutoTokenizer, env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiHarness } from './api-harness.js';
import { wordLevelTokenizer } from '../../../test/word-level-tokenizer.js';

const TOKENIZER = wordLevelTokenizer(['hello', 'vetted', 'world']);

const FILES: Record<string, string> = {
  'config.json': JSON.stringify({ model_type: 'bert', hidden_size: 8, num_labels: 2 }),
  'tokenizer.json': JSON.stringify(TOKENIZER),
  'tokenizer_config.json': JSON.stringify({ tokenizer_class: 'PreTrainedTokenizerFast', model_max_length: 16 }),
};

let api: ApiHarness;
let key: string;
const defaultFetch = env.fetch;

beforeAll(async () => {
  api = await ApiHarness.start();
  const hubUrl = `${await api.listen()}/hf`;
  const publisher = await api.keyFor('publisher');
  key = await api.keyFor('viewer');
  await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'acme', name: 'tiny-tokenizer' } });
  await api.request('POST', '/v1/models/acme/tiny-tokenizer/versions', { key: publisher, body: { version: '1' } });
  for (const [path, body] of Object.entries(FILES)) {
    await api.request('PUT', `/v1/models/acme/tiny-tokenizer/versions/1/files/${path}`, {
      key: publisher,
      rawBody: body,
      headers: { 'content-type': 'application/octet-stream' },
    });
  }
  await api.request('POST', '/v1/models/acme/tiny-tokenizer/versions/1/submit', { key: publisher });
  await api.sql(`UPDATE model_versions SET status = 'approved'`);
  // The setup the README documents: Vetted as the remote host, nothing local, no cache between the cases.
  env.remoteHost = `${hubUrl}/`;
  env.allowLocalModels = false;
  env.useFSCache = false;
});
afterAll(async () => {
  env.fetch = defaultFetch;
  await api?.close();
});

describe('transformers.js against /hf', () => {
  it('gets 401 without a wrapper: it sends Authorization to huggingface.co only', async () => {
    env.fetch = defaultFetch;
    await expect(AutoConfig.from_pretrained('acme/tiny-tokenizer')).rejects.toThrow(/401|Unauthorized|Could not locate/i);
  });

  it('loads the config and the tokenizer through the documented env.fetch wrapper', async () => {
    env.fetch = (input: string | URL | Request, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('Authorization', `Bearer ${key}`);
      return fetch(input, { ...init, headers });
    };
    const config = (await AutoConfig.from_pretrained('acme/tiny-tokenizer')) as unknown as { model_type: string; hidden_size: number };
    expect([config.model_type, config.hidden_size]).toEqual(['bert', 8]);
    const tokenizer = await AutoTokenizer.from_pretrained('acme/tiny-tokenizer');
    expect(tokenizer.encode('Hello Vetted world')).toEqual([1, 2, 3]);
    const pinned = await AutoTokenizer.from_pretrained('acme/tiny-tokenizer', { revision: '1' });
    expect(pinned.decode([3, 1])).toContain('world');
  });

  it('loads without a key or wrapper when VETTED_HF_ANONYMOUS is on', async () => {
    const open = await ApiHarness.start({ hfAnonymous: true });
    try {
      const publisher = await open.keyFor('publisher');
      await open.request('POST', '/v1/models', { key: publisher, body: { namespace: 'acme', name: 'open-tokenizer' } });
      await open.request('POST', '/v1/models/acme/open-tokenizer/versions', { key: publisher, body: { version: '1' } });
      for (const [path, body] of Object.entries(FILES)) {
        await open.request('PUT', `/v1/models/acme/open-tokenizer/versions/1/files/${path}`, {
          key: publisher,
          rawBody: body,
          headers: { 'content-type': 'application/octet-stream' },
        });
      }
      await open.request('POST', '/v1/models/acme/open-tokenizer/versions/1/submit', { key: publisher });
      await open.sql(`UPDATE model_versions SET status = 'approved'`);
      env.fetch = defaultFetch;
      env.remoteHost = `${await open.listen()}/hf/`;
      const tokenizer = await AutoTokenizer.from_pretrained('acme/open-tokenizer');
      expect(tokenizer.encode('world hello')).toEqual([3, 1]);
    } finally {
      await open.close();
    }
  });
});
