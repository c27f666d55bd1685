import type { ModelContents } from './model-contents.js';
import { environmentNote, EXAMPLE_TEXT, quote, type Snippet, type SnippetTarget } from './snippet.js';

/** Tasks `pipeline()` knows in both transformers and transformers.js. */
const PIPELINE_TASKS = new Set([
  'audio-classification',
  'automatic-speech-recognition',
  'depth-estimation',
  'document-question-answering',
  'feature-extraction',
  'fill-mask',
  'image-classification',
  'image-feature-extraction',
  'image-segmentation',
  'image-to-text',
  'object-detection',
  'question-answering',
  'summarization',
  'text-classification',
  'text-generation',
  'text-to-audio',
  'text2text-generation',
  'token-classification',
  'translation',
  'zero-shot-classification',
  'zero-shot-image-classification',
  'zero-shot-object-detection',
]);

/** Tasks whose pipeline takes one plain text, so the snippet can show a call. */
const TEXT_IN_TASKS = new Set([
  'feature-extraction',
  'summarization',
  'text-classification',
  'text-generation',
  'text2text-generation',
  'token-classification',
]);

const pipelineTask = (task: string | null): string | undefined => (task && PIPELINE_TASKS.has(task) ? task : undefined);

/** transformers (Python): a model with a transformers class in config.json and PyTorch weights. */
export function transformersSnippet(target: SnippetTarget, task: string | null, contents: ModelContents): Snippet | undefined {
  if (!contents.transformersArchitecture || !contents.hasPytorchWeights) return undefined;
  const { repo, revision } = target;
  const known = pipelineTask(task);
  const load = known
    ? [
        'from transformers import pipeline',
        '',
        `pipe = pipeline(${quote(known)}, model=${quote(repo)}, revision=${quote(revision)})`,
        ...(TEXT_IN_TASKS.has(known) ? [`print(pipe(${quote(EXAMPLE_TEXT)}))`] : []),
      ]
    : [
        'from transformers import AutoModel',
        '',
        `model = AutoModel.from_pretrained(${quote(repo)}, revision=${quote(revision)})  # ${contents.transformersArchitecture}`,
      ];
  return { tool: 'transformers', title: 'Python (transformers)', code: [environmentNote(target), ...load].join('\n') };
}

/**
 * transformers.js: a transformers class in config.json and its ONNX exports under `onnx/`. It sends a token
 * to huggingface.co only, so the snippet adds the key to its requests through `env.fetch`.
 */
export function transformersJsSnippet(target: SnippetTarget, task: string | null, contents: ModelContents): Snippet | undefined {
  if (!contents.transformersArchitecture || contents.transformersJsOnnx.length === 0) return undefined;
  const { hfEndpoint, repo, revision } = target;
  const known = pipelineTask(task);
  const load = known
    ? [
        `const pipe = await pipeline(${quote(known)}, ${quote(repo)}, { revision: ${quote(revision)} });`,
        ...(TEXT_IN_TASKS.has(known) ? [`console.log(await pipe(${quote(EXAMPLE_TEXT)}));`] : []),
      ]
    : [`const model = await AutoModel.from_pretrained(${quote(repo)}, { revision: ${quote(revision)} });`];
  return {
    tool: 'transformers.js',
    title: 'JavaScript (transformers.js)',
    code: [
      `import { ${known ? 'env, pipeline' : 'AutoModel, env'} } from '@huggingface/transformers';`,
      '',
      `env.remoteHost = ${quote(`${hfEndpoint}/`)};`,
      'env.allowLocalModels = false;',
      '// transformers.js sends a token to huggingface.co only: this adds your Vetted API key to its requests.',
      '// (Leave it out where Vetted runs with VETTED_HF_ANONYMOUS=true, which serves approved models to anyone.)',
      'env.fetch = (url, init = {}) => {',
      '  const headers = new Headers(init.headers);',
      '  headers.set("Authorization", `Bearer ${process.env.HF_TOKEN}`);',
      '  return fetch(url, { ...init, headers });',
      '};',
      '',
      ...load,
    ].join('\n'),
  };
}
