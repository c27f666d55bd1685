import { createHash, randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFields, fileFilter, HubClient, parseModelCard } from '@vetted/hub';
import { startTestHub, type TestHub } from '../../../test/hub-server.js';

const SHA = 'c'.repeat(40);
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
  hub.repos.set('org/model', { sha: SHA, files: { 'config.json': Buffer.from('{"a":1}'), 'model.safetensors': randomBytes(5000) } });
  hub.repos.set('org/gated', { sha: SHA, files: { 'a.txt': Buffer.from('x') }, gatedToken: 'hf_right' });
  hub.repos.set('org/flaky', { sha: SHA, files: { 'big.bin': randomBytes(200_000) }, dropPath: 'big.bin', drops: 1 });
});
afterAll(() => hub?.close());

const client = (token?: string) => new HubClient({ hubUrl: hub.url, token, retry: { attempts: 3, baseDelayMs: 10 } });

describe('HubClient against a Hub-shaped server', () => {
  it('resolves a revision to its commit and lists files with their LFS digests', async () => {
    expect(await client().resolveRevision('org/model', 'main')).toBe(SHA);
    const files = await client().listFiles('org/model', SHA);
    expect(files).toEqual([
      { path: 'config.json', size: 7, sha256: undefined },
      {
        path: 'model.safetensors',
        size: 5000,
        sha256: createHash('sha256').update(hub.repos.get('org/model')!.files['model.safetensors']!).digest('hex'),
      },
    ]);
    expect(await text(await client().open('org/model', SHA, 'config.json'))).toBe('{"a":1}');
  });

  it.each([
    ['org/missing', 'main', undefined, 'repo_not_found'],
    ['org/model', 'v9', undefined, 'revision_not_found'],
    ['org/gated', 'main', undefined, 'unauthorized'],
    ['org/gated', 'main', 'hf_wrong', 'unauthorized'],
  ])('reports %s@%s (token %s) as %s', async (repo, revision, token, kind) => {
    await expect(client(token).resolveRevision(repo, revision)).rejects.toMatchObject({ name: 'HubError', kind });
  });

  it('reaches a gated repo with the right token', async () => {
    expect(await client('hf_right').resolveRevision('org/gated', 'main')).toBe(SHA);
  });

  it('reports an unreachable Hub as unavailable after its retries', async () => {
    const offline = new HubClient({ hubUrl: 'http://127.0.0.1:9', retry: { attempts: 2, baseDelayMs: 1 } });
    await expect(offline.resolveRevision('org/model', 'main')).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('surfaces a connection dropped mid-file as a stream error', async () => {
    const stream = await client().open('org/flaky', SHA, 'big.bin');
    await expect(text(stream)).rejects.toThrow();
  });
});

describe('model cards and config facts', () => {
  it('parses YAML front matter and the fields the catalog uses', () => {
    const card = parseModelCard(
      '---\nlicense: llama3.1\npipeline_tag: text-generation\ntags: [a, b]\nbase_model: meta/x\nlanguage: en\n---\n# Hi\n',
    );
    expect(cardFields(card.frontMatter)).toMatchObject({
      license: 'llama3.1',
      pipelineTag: 'text-generation',
      tags: ['a', 'b'],
      baseModel: ['meta/x'],
      language: ['en'],
    });
    expect(parseModelCard('# no front matter').frontMatter).toEqual({});
    expect(parseModelCard('---\n: : bad yaml [\n---\n').frontMatter).toEqual({});
  });

  it('refuses a YAML alias bomb instead of expanding it', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ];
    expect(parseModelCard(`---\n${bomb.join('\n')}\n---\n`).frontMatter).toEqual({});
  });

  it('filters files with include and exclude globs', () => {
    const keep = fileFilter(['*.json', 'onnx/**'], ['onnx/*.bin']);
    expect(['config.json', 'onnx/model.onnx', 'onnx/x.bin', 'model.safetensors'].filter(keep)).toEqual(['config.json', 'onnx/model.onnx']);
    expect(fileFilter([], [])('anything')).toBe(true);
  });
});
