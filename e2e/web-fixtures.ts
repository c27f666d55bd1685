import type { TestRepo } from '../test/hub-server.js';
import { mlpModel } from '../test/onnx-model.js';
import { safetensorsFile } from '../libs/formats/test/safetensors-writer.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on arbitrary JSON
type Json = any;

/** JSON over HTTP with one key, failing loudly on anything but the expected status. */
export class ApiCaller {
  constructor(
    readonly baseUrl: string,
    readonly key: string,
  ) {}

  as(key: string): ApiCaller {
    return new ApiCaller(this.baseUrl, key);
  }

  async call(method: string, url: string, body?: unknown, expected = [200, 201, 202, 204]): Promise<Json> {
    const response = await fetch(`${this.baseUrl}${url}`, {
      method,
      headers: { authorization: `Bearer ${this.key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!expected.includes(response.status)) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  async upload(url: string, body: Buffer): Promise<void> {
    const response = await fetch(`${this.baseUrl}${url}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${this.key}`, 'content-type': 'application/octet-stream' },
      body,
    });
    if (response.status !== 201) throw new Error(`PUT ${url} answered ${response.status}: ${await response.text()}`);
  }

  /** A model with one submitted version holding these files. */
  async publish(
    model: { namespace: string; name: string; license?: string; task?: string; description?: string; tags?: string[] },
    version: string,
    files: Record<string, Buffer>,
  ): Promise<void> {
    await this.call('POST', '/v1/models', model);
    await this.publishVersion(`${model.namespace}/${model.name}`, version, files);
  }

  /** Another submitted version of an existing model. */
  async publishVersion(repo: string, version: string, files: Record<string, Buffer>): Promise<void> {
    const base = `/v1/models/${repo}/versions`;
    await this.call('POST', base, { version });
    for (const [path, body] of Object.entries(files)) await this.upload(`${base}/${version}/files/${path}`, body);
    await this.call('POST', `${base}/${version}/submit`);
  }

  /** Approval waits for the worker's scan of every file. */
  async waitForScan(repo: string, version: string): Promise<Json> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const scan = await this.call('GET', `/v1/models/${repo}/versions/${version}/scan`);
      if (scan.status !== 'pending') return scan;
      if (Date.now() > deadline) throw new Error(`${repo}@${version} was not scanned in time`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async approve(repo: string, version: string): Promise<void> {
    await this.waitForScan(repo, version);
    await this.call('POST', `/v1/models/${repo}/versions/${version}/reviews`, {
      decision: 'approve',
      comment: 'seeded for the browser tests',
    });
  }

  /** The version's benchmark runs once none is queued or running any more. */
  async waitForBenchmarks(repo: string, version: string): Promise<Json[]> {
    const deadline = Date.now() + 40_000;
    for (;;) {
      const { items } = await this.call('GET', `/v1/models/${repo}/versions/${version}/benchmarks`);
      if (!items.some((run: Json) => ['queued', 'running'].includes(run.status))) return items;
      if (Date.now() > deadline) throw new Error(`${repo}@${version} still has benchmark runs in progress`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Starts an import and waits for it to end; the job as it ended. */
  async importRepo(request: { repo: string; version?: string }): Promise<Json> {
    const job = await this.call('POST', '/v1/imports', request);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const current = await this.call('GET', `/v1/imports/${job.id}`);
      if (!['queued', 'running'].includes(current.status)) return current;
      if (Date.now() > deadline) throw new Error(`import ${job.id} still ${current.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** What the catalog card shows, including what must never run: the sanitiser's test. */
export const CARD_MARKDOWN = `# Sentiment BERT

A small BERT fine-tuned to tell **positive** from **negative** reviews.

| split | accuracy |
| ----- | -------- |
| test  | 0.91     |

<script>window.__cardScript = true</script>
<img src="x" onerror="window.__cardHandler = true" alt="architecture diagram">
<a href="javascript:window.__cardLink=true">a link</a>
`;

const readme = (frontMatter: string, body: string): Buffer => Buffer.from(`---\n${frontMatter}\n---\n${body}`);

const bertConfig = {
  architectures: ['BertForSequenceClassification'],
  model_type: 'bert',
  hidden_size: 32,
  num_hidden_layers: 2,
  vocab_size: 1000,
  max_position_embeddings: 512,
  torch_dtype: 'float32',
};

/** A Hub repository with a card, a config and real safetensors weights (large enough to be an LFS file). */
export function sentimentRepo(): TestRepo {
  return {
    sha: 'a'.repeat(40),
    files: {
      'README.md': readme('license: apache-2.0\npipeline_tag: text-classification\ntags:\n  - bert\n  - sentiment', CARD_MARKDOWN),
      'config.json': Buffer.from(JSON.stringify(bertConfig)),
      'model.safetensors': safetensorsFile({
        'embeddings.weight': { dtype: 'F32', shape: [64, 32] },
        'classifier.weight': { dtype: 'F32', shape: [2, 32] },
      }),
    },
  };
}

/** A repository whose weights arrive slowly, so an import shows progress before it completes. */
export function slowRepo(): TestRepo {
  return {
    sha: 'b'.repeat(40),
    slowMs: 80,
    files: {
      'README.md': readme('license: mit\npipeline_tag: text-generation', '# Tiny GPT\n\nA toy generator.'),
      'config.json': Buffer.from(JSON.stringify({ ...bertConfig, architectures: ['GPT2LMHeadModel'], model_type: 'gpt2' })),
      'model.safetensors': safetensorsFile({ 'wte.weight': { dtype: 'F32', shape: [512, 256] } }),
    },
  };
}

/** A real ONNX MLP over `x` [batch, 16]: each layer adds 272 parameters (2 layers: 544). */
export const onnxModel = (layers = 2): Buffer => mlpModel(16, layers);
export const configJson = (architecture: string): Buffer => Buffer.from(JSON.stringify({ ...bertConfig, architectures: [architecture] }));
