// `.js` specifiers: the e2e test runs these builders under Node's module rules as well as in the app.
import { modelContents } from './model-contents.js';
import { type Snippet, quote, resolveUrl, shellWord, type SnippetTarget } from './snippet.js';
import { ggufSnippets, onnxRuntimeSnippets } from './runtime-snippets.js';
import { transformersJsSnippet, transformersSnippet } from './transformers-snippets.js';

export interface UsageContext {
  /** Where this Vetted is reached, e.g. https://vetted.example.com */
  origin: string;
  /** namespace/name */
  repo: string;
  /** The version label. */
  revision: string;
  task: string | null;
  /** Served by the Hub-compatible endpoint (approved versions only). */
  approved: boolean;
  /** The version's file paths. */
  files: string[];
  /** The version's facts from the scan (config.json's architecture among them). */
  facts: Record<string, unknown>;
}

/** The file the single-file downloads show: the weights when there are some. */
const exampleFile = (files: string[]): string =>
  files.find((path) => /\.(safetensors|onnx|gguf)$/.test(path)) ??
  files.find((path) => path === 'config.json') ??
  files[0] ??
  'config.json';

/** Downloads every Hub client can do, whatever the version holds. */
function hubSnippets(target: SnippetTarget, file: string): Snippet[] {
  const { hfEndpoint, repo, revision } = target;
  return [
    {
      tool: 'hf-cli',
      title: 'Shell (hf CLI)',
      code: [
        `export HF_ENDPOINT=${hfEndpoint}`,
        'export HF_TOKEN=hf_...   # your Vetted API key',
        `hf download ${repo} --revision ${shellWord(revision)}`,
      ].join('\n'),
    },
    {
      tool: 'huggingface_hub',
      title: 'Python (huggingface_hub)',
      code: [
        `# with HF_ENDPOINT=${hfEndpoint} and HF_TOKEN set as above`,
        'from huggingface_hub import snapshot_download',
        '',
        `path = snapshot_download(${quote(repo)}, revision=${quote(revision)})`,
      ].join('\n'),
    },
    {
      tool: 'huggingface.js',
      title: 'JavaScript (@huggingface/hub)',
      code: [
        "import { snapshotDownload } from '@huggingface/hub';",
        '',
        `const dir = await snapshotDownload({ repo: ${quote(repo)}, revision: ${quote(revision)}, hubUrl: ${quote(hfEndpoint)}, accessToken: process.env.HF_TOKEN });`,
        'console.log(dir);',
      ].join('\n'),
    },
    {
      tool: 'curl',
      title: 'curl (one file)',
      code: `curl -fLO -H "Authorization: Bearer $HF_TOKEN" ${shellWord(resolveUrl(target, file))}`,
    },
  ];
}

/**
 * Copy-paste instructions pointed at this Vetted, chosen by what the version holds: the Hub clients and curl
 * always; transformers and transformers.js only for a transformers model in a layout they load; ONNX
 * Runtime for plain ONNX graphs; llama.cpp and Ollama for GGUF.
 */
export function usageSnippets(context: UsageContext): Snippet[] {
  const { origin, repo, revision, task, files } = context;
  const file = exampleFile(files);
  if (!context.approved) {
    const nativeUrl = `${origin}/v1/models/${repo}/versions/${encodeURIComponent(revision)}/files/${file.split('/').map(encodeURIComponent).join('/')}`;
    return [
      {
        tool: 'curl',
        title: 'curl (native API)',
        code: `# Not approved yet: only publishers and reviewers can download it, through the native API.\ncurl -fLO -H "Authorization: Bearer $HF_TOKEN" ${shellWord(nativeUrl)}`,
      },
    ];
  }
  const target: SnippetTarget = { hfEndpoint: `${origin}/hf`, repo, revision };
  const contents = modelContents(files, context.facts);
  const transformersJs = transformersJsSnippet(target, task, contents);
  const [hf, python, javascript, curl] = hubSnippets(target, file);
  return [
    hf!,
    python!,
    transformersSnippet(target, task, contents),
    javascript!,
    transformersJs,
    ...onnxRuntimeSnippets(target, contents, transformersJs !== undefined),
    ...ggufSnippets(target, contents),
    curl!,
  ].filter((snippet): snippet is Snippet => snippet !== undefined);
}
