import type { ModelContents } from './model-contents.js';
import { environmentNote, fileName, quote, resolveUrl, shellWord, type Snippet, type SnippetTarget } from './snippet.js';

/** The graph to show: `model.onnx` at the top when there is one, else the first. */
function exampleOnnx(contents: ModelContents): ModelContents['onnx'][number] | undefined {
  return contents.onnx.find((graph) => graph.path === 'model.onnx') ?? contents.onnx[0];
}

/**
 * ONNX Runtime for plain ONNX files (those transformers.js does not load as a model): download the graph and
 * its external data into the Hub cache, open a session, list what it takes and gives.
 */
export function onnxRuntimeSnippets(target: SnippetTarget, contents: ModelContents, transformersJsShown: boolean): Snippet[] {
  const graph = transformersJsShown ? undefined : exampleOnnx(contents);
  if (!graph) return [];
  const { hfEndpoint, repo, revision } = target;
  const python: Snippet = {
    tool: 'onnxruntime',
    title: 'Python (onnxruntime)',
    code: [
      environmentNote(target),
      'import onnxruntime as ort',
      'from huggingface_hub import hf_hub_download',
      '',
      `path = hf_hub_download(${quote(repo)}, ${quote(graph.path)}, revision=${quote(revision)})`,
      ...graph.externalData.map((data) => `hf_hub_download(${quote(repo)}, ${quote(data)}, revision=${quote(revision)})  # external data`),
      'session = ort.InferenceSession(path)',
      'print([i.name for i in session.get_inputs()], [o.name for o in session.get_outputs()])',
    ].join('\n'),
  };
  const node: Snippet = {
    tool: 'onnxruntime-node',
    title: 'JavaScript (onnxruntime-node)',
    code: [
      "import { downloadFileToCacheDir } from '@huggingface/hub';",
      "import * as ort from 'onnxruntime-node';",
      '',
      `const source = { repo: ${quote(repo)}, revision: ${quote(revision)}, hubUrl: ${quote(hfEndpoint)}, accessToken: process.env.HF_TOKEN };`,
      `const path = await downloadFileToCacheDir({ ...source, path: ${quote(graph.path)} });`,
      ...graph.externalData.map((data) => `await downloadFileToCacheDir({ ...source, path: ${quote(data)} }); // external data`),
      'const session = await ort.InferenceSession.create(path);',
      "console.log('inputs:', session.inputNames, 'outputs:', session.outputNames);",
    ].join('\n'),
  };
  return [node, python];
}

/** llama.cpp and Ollama load a GGUF from a local file: download it (every shard), then point them at it. */
export function ggufSnippets(target: SnippetTarget, contents: ModelContents): Snippet[] {
  const shards = contents.gguf[0];
  if (!shards) return [];
  const first = fileName(shards[0]!);
  const download = [
    '# with HF_TOKEN set as above',
    ...shards.map(
      (path) => `curl -fL -o ${shellWord(fileName(path))} -H "Authorization: Bearer $HF_TOKEN" ${shellWord(resolveUrl(target, path))}`,
    ),
  ];
  const ollamaName = target.repo.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  return [
    {
      tool: 'llama.cpp',
      title: 'Shell (llama.cpp)',
      code: [...download, `llama-cli -m ${shellWord(first)} -p ${shellWord('Hello')}`].join('\n'),
    },
    {
      tool: 'ollama',
      title: 'Shell (Ollama)',
      code: [
        ...download,
        `printf 'FROM ./%s\\n' ${shellWord(first)} > Modelfile`,
        `ollama create ${ollamaName} -f Modelfile`,
        `ollama run ${ollamaName}`,
      ].join('\n'),
    },
  ];
}
