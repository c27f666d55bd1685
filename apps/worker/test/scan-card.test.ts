import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { MODEL_CARD_MAX_BYTES } from '@vetted/hub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safetensorsFile } from '../../../libs/formats/test/safetensors-writer.js';
import { ApiHarness } from '../../api/test/api-harness.js';
import { createWorker } from '../src/worker.js';

const README = `---
license: apache-2.0
pipeline_tag: text-classification
library_name: transformers
tags: [bert, tiny, bert]
base_model: google-bert/bert-base-uncased
---
# Tiny BERT, uploaded
`;

let api: ApiHarness;
let worker: INestApplicationContext;
let publisher: string;
let viewer: string;

beforeAll(async () => {
  api = await ApiHarness.start();
  worker = await createWorker({ ...api.config, logLevel: 'error' });
  publisher = await api.keyFor('publisher');
  viewer = await api.keyFor('viewer');
});
afterAll(async () => {
  await worker?.close();
  await api?.close();
});

/** Creates the model unless it exists, uploads the files as a new version, submits it and waits for its scan. */
async function publish(
  name: string,
  version: string,
  files: Record<string, Buffer | string>,
  model: Record<string, unknown> = {},
): Promise<string> {
  await api.request('POST', '/v1/models', { key: publisher, body: { namespace: 'cards', name, ...model } });
  const base = `/v1/models/cards/${name}/versions/${version}`;
  expect((await api.request('POST', `/v1/models/cards/${name}/versions`, { key: publisher, body: { version } })).status).toBe(201);
  const all = { 'model.safetensors': safetensorsFile({ w: { dtype: 'F32', shape: [2, 2] } }, { name, version }), ...files };
  for (const [path, bytes] of Object.entries(all)) {
    const put = await api.request('PUT', `${base}/files/${path}`, {
      key: publisher,
      rawBody: Buffer.from(bytes),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(put.status).toBe(201);
  }
  expect((await api.request('POST', `${base}/submit`, { key: publisher })).status).toBe(201);
  await expect
    .poll(async () => (await api.request('GET', `${base}/scan`, { key: publisher })).body.status, { timeout: 20_000 })
    .not.toBe('pending');
  return base;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on arbitrary JSON
const cardOf = async (base: string): Promise<any> => (await api.request('GET', base, { key: publisher })).body.card;
const scanStatus = async (base: string): Promise<string> => (await api.request('GET', `${base}/scan`, { key: publisher })).body.status;

describe('model cards of uploaded versions', () => {
  it('parses an uploaded README.md like an imported card, fills the model’s empty fields and serves it on /hf', async () => {
    const base = await publish('uploaded', '1', { 'README.md': README });
    expect(await cardOf(base)).toEqual({
      readme: README,
      frontMatter: {
        license: 'apache-2.0',
        pipeline_tag: 'text-classification',
        library_name: 'transformers',
        tags: ['bert', 'tiny', 'bert'],
        base_model: 'google-bert/bert-base-uncased',
      },
      source: 'readme',
      findings: [],
    });
    expect((await api.request('GET', '/v1/models/cards/uploaded', { key: publisher })).body).toMatchObject({
      task: 'text-classification',
      library: 'transformers',
      tags: ['bert', 'tiny'],
      license: 'apache-2.0',
    });

    await api.sql(
      `UPDATE model_versions SET status = 'approved' WHERE label = '1' AND model_id = (SELECT id FROM models WHERE name = 'uploaded')`,
    );
    const info = await api.request('GET', '/hf/api/models/cards/uploaded', { key: viewer });
    expect(info.status).toBe(200);
    expect(info.body.cardData).toEqual((await cardOf(base)).frontMatter);
  });

  it('gives a version without a README the card of the latest earlier version that has one, and says so', async () => {
    await publish('inherits', '1', { 'readme.md': README.replace('Tiny BERT', 'First') });
    await publish('inherits', '2', { 'README.md': README.replace('Tiny BERT', 'Second') });
    const third = await publish('inherits', '3', {});
    expect(await cardOf(third)).toMatchObject({
      readme: expect.stringContaining('# Second, uploaded'),
      frontMatter: { license: 'apache-2.0' },
      source: 'previous-version',
      previousVersion: '2',
      findings: [],
    });
    // Copied from a copy: still named after the version whose README it is.
    expect(await cardOf(await publish('inherits', '4', {}))).toMatchObject({ source: 'previous-version', previousVersion: '2' });
    expect(await cardOf(await publish('no-card', '1', {}))).toBeNull();
  });

  it('keeps what the publisher declared, and flags a card whose license disagrees', async () => {
    const base = await publish('declared', '1', { 'README.md': README }, { license: 'mit', task: 'text-generation', tags: ['mine'] });
    const card = await cardOf(base);
    expect(card.findings).toEqual([
      {
        severity: 'warning',
        code: 'license_mismatch',
        message: 'The model card says the license is "apache-2.0", but the model declares "mit"',
        evidence: { card: 'apache-2.0', declared: 'mit' },
      },
    ]);
    expect((await api.request('GET', '/v1/models/cards/declared', { key: publisher })).body).toMatchObject({
      task: 'text-generation',
      library: 'transformers',
      tags: ['mine'],
      license: 'mit',
    });
    expect(await scanStatus(base)).toBe('clean');
  });

  it('turns bad cards into findings, never a failed scan', async () => {
    const cases: [string, string, string][] = [
      ['broken-yaml', '---\n: : bad yaml [\n---\n# Text\n', 'card_yaml_invalid'],
      [
        'alias-bomb',
        `---\na: &a [x, x, x, x, x, x, x, x, x]\n${'bcdefghij'
          .split('')
          .map((l, i) => `${l}: &${l} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)
          .join('\n')}\n---\n`,
        'card_yaml_too_complex',
      ],
      ['nul', '---\nlicense: "mi\\0t"\n---\nbody\u0000text\n', 'card_invalid_characters'],
      ['huge', `---\nlicense: mit\n---\n${'x'.repeat(MODEL_CARD_MAX_BYTES + 10)}`, 'card_too_large'],
    ];
    for (const [name, readme, code] of cases) {
      const base = await publish(name, '1', { 'README.md': readme });
      expect({ name, status: await scanStatus(base) }).toEqual({ name, status: 'clean' });
      const card = await cardOf(base);
      expect({ name, codes: card.findings.map((f: { code: string }) => f.code) }).toEqual({ name, codes: [code] });
      expect(Buffer.byteLength(card.readme)).toBeLessThanOrEqual(MODEL_CARD_MAX_BYTES);
    }
  });
});
