import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usageSnippets } from '../apps/web/src/model/snippets/usage-snippets.js';
import type { Snippet, SnippetTool } from '../apps/web/src/model/snippets/snippet.js';
import { ApiHarness } from '../apps/api/test/api-harness.js';
import { ggufRepo, plainOnnxRepo, transformersJsRepo } from './snippets-fixtures.js';

const run = promisify(execFile);
const NODE_MODULES = fileURLToPath(new URL('../node_modules', import.meta.url));

/** Tools this machine has: their snippets run here. The others (Python, the hf CLI, llama.cpp, Ollama) are not installed. */
const RUNNABLE: SnippetTool[] = ['curl', 'huggingface.js', 'transformers.js', 'onnxruntime-node'];
const NOT_INSTALLED: SnippetTool[] = ['hf-cli', 'huggingface_hub', 'transformers', 'onnxruntime', 'llama.cpp', 'ollama'];

// transformers.js caches downloads inside its own package folder: a fresh folder per run instead, so that every
// run fetches from Vetted (it needs a file cache to load a model in Node).
const FRESH_TRANSFORMERS_CACHE = "import { env } from '@huggingface/transformers';\nenv.cacheDir = process.env.TRANSFORMERS_TEST_CACHE;\n";

/**
 * The "Use it" snippets, as the model page builds them from what a version holds, run against a running Vetted
 * (the API on a loopback port) with a viewer's key: each must download or load the version, without a change.
 */
describe('usage snippets against a running Vetted', { timeout: 60_000 }, () => {
  let api: ApiHarness;
  let origin: string;
  let viewer: string;
  let work: string;

  const repos: Record<string, { files: Record<string, Buffer>; task: string }> = {
    'acme/feature-bert': { files: transformersJsRepo(), task: 'feature-extraction' },
    'snakers4/silero-vad': { files: plainOnnxRepo(), task: 'voice-activity-detection' },
    'ggml-org/tiny-llama': { files: ggufRepo(), task: 'text-generation' },
  };

  beforeAll(async () => {
    api = await ApiHarness.start();
    origin = await api.listen();
    const publisher = await api.keyFor('publisher');
    viewer = await api.keyFor('viewer');
    for (const [repo, { files, task }] of Object.entries(repos)) {
      const [namespace = '', name = ''] = repo.split('/');
      await api.submitVersion(publisher, { namespace, name, version: '1.0' }, files);
      await api.request('PATCH', `/v1/models/${repo}`, { key: publisher, body: { task } });
      await api.scan(namespace, name, '1.0');
    }
    await api.sql(`UPDATE model_versions SET status = 'approved'`);
    work = await mkdtemp(path.join(tmpdir(), 'vetted-snippets-'));
    await symlink(NODE_MODULES, path.join(work, 'node_modules'));
  });

  afterAll(async () => {
    await api?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** The snippets the "Use it" tab shows for this version, from the same API answers the page reads. */
  async function snippetsOf(repo: string): Promise<Snippet[]> {
    const files = await api.request('GET', `/v1/models/${repo}/versions/1.0/files`, { key: viewer });
    const version = await api.request('GET', `/v1/models/${repo}/versions/1.0`, { key: viewer });
    return usageSnippets({
      origin,
      repo,
      revision: '1.0',
      task: repos[repo]!.task,
      approved: version.body.status === 'approved',
      files: files.body.items.map((file: { path: string }) => file.path),
      facts: version.body.facts,
    });
  }

  /** Runs a snippet as a user would paste it, with their key in HF_TOKEN, in a folder of its own: its output, that folder. */
  async function runSnippet(snippet: Snippet, name: string): Promise<{ stdout: string; cwd: string }> {
    const cwd = await mkdtemp(path.join(work, `${name}-`));
    const env = { ...process.env, HF_TOKEN: viewer, HF_HOME: path.join(cwd, 'hf-home'), TRANSFORMERS_TEST_CACHE: path.join(cwd, 'cache') };
    if (snippet.tool === 'curl') return { stdout: (await run('bash', ['-euo', 'pipefail', '-c', snippet.code], { cwd, env })).stdout, cwd };
    // Next to node_modules, so that the snippet's imports resolve as in a project that installed the tool.
    const script = path.join(work, `${path.basename(cwd)}.mjs`);
    await writeFile(script, snippet.code);
    const preload = path.join(work, 'fresh-transformers-cache.mjs');
    await writeFile(preload, FRESH_TRANSFORMERS_CACHE);
    const args = snippet.tool === 'transformers.js' ? ['--import', preload, script] : [script];
    return { stdout: (await run(process.execPath, args, { cwd, env })).stdout, cwd };
  }

  it('offers each version only tools that can load it, all of them runnable here or named as not installed', async () => {
    const offered = Object.fromEntries(
      await Promise.all(Object.keys(repos).map(async (repo) => [repo, (await snippetsOf(repo)).map((s) => s.tool)])),
    );
    expect(offered).toEqual({
      'acme/feature-bert': ['hf-cli', 'huggingface_hub', 'huggingface.js', 'transformers.js', 'curl'],
      'snakers4/silero-vad': ['hf-cli', 'huggingface_hub', 'huggingface.js', 'onnxruntime-node', 'onnxruntime', 'curl'],
      'ggml-org/tiny-llama': ['hf-cli', 'huggingface_hub', 'huggingface.js', 'llama.cpp', 'ollama', 'curl'],
    });
    for (const tool of Object.values(offered).flat()) expect([...RUNNABLE, ...NOT_INSTALLED]).toContain(tool);
  });

  it('runs the transformers.js pipeline with the documented token wrapper', async () => {
    const snippet = (await snippetsOf('acme/feature-bert')).find((s) => s.tool === 'transformers.js')!;
    const { stdout: output } = await runSnippet(snippet, 'transformers-js');
    // "Vetted keeps our models in one place" is tokens 1…7; each row of the embedding table is 4 wide.
    expect(output).toMatch(/dims: \[\s*1,\s*7,\s*4\s*\]/);
  });

  it('transformers.js gets no answer from Vetted without the wrapper', async () => {
    const snippet = (await snippetsOf('acme/feature-bert')).find((s) => s.tool === 'transformers.js')!;
    const unwrapped = { ...snippet, code: snippet.code.replace(/env\.fetch = [\s\S]*?\n\};\n/, '') };
    expect(unwrapped.code).not.toContain('env.fetch');
    await expect(runSnippet(unwrapped, 'transformers-js-unwrapped')).rejects.toThrow(/401|Unauthorized|Could not locate/i);
  });

  it('opens the plain ONNX export and its external data with onnxruntime-node', async () => {
    const snippet = (await snippetsOf('snakers4/silero-vad')).find((s) => s.tool === 'onnxruntime-node')!;
    expect(snippet.code).toContain('model.onnx_data');
    const { stdout: output } = await runSnippet(snippet, 'onnxruntime-node');
    expect(output).toContain("inputs: [ 'audio' ] outputs: [ 'speech' ]");
  });

  it('downloads the whole version with @huggingface/hub and one file with curl, for every kind of model', async () => {
    for (const [repo, { files }] of Object.entries(repos)) {
      const snippets = await snippetsOf(repo);
      // snapshotDownload reports each file it fetches; the snippet prints the folder last.
      const dir = (
        await runSnippet(
          snippets.find((s) => s.tool === 'huggingface.js')!,
          'hub-js',
        )
      ).stdout
        .trim()
        .split('\n')
        .at(-1)!;
      for (const [file, bytes] of Object.entries(files)) {
        expect(sha256(await readFile(path.join(dir, file))), `${repo} ${file}`).toBe(sha256(bytes));
      }

      const curl = snippets.find((s) => s.tool === 'curl')!;
      const file = /\/resolve\/1\.0\/([^']+)'$/.exec(curl.code)![1]!;
      expect(curl.code).toContain(`'${origin}/hf/${repo}/resolve/1.0/${file}'`);
      const { cwd } = await runSnippet(curl, 'curl');
      expect(sha256(await readFile(path.join(cwd, path.basename(file)))), `${repo} ${file} by curl`).toBe(sha256(files[file]!));
    }
  });
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
