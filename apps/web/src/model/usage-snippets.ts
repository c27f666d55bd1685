export interface UsageContext {
  /** Where this Vetted is reached, e.g. https://vetted.example.com */
  origin: string;
  /** namespace/name */
  repo: string;
  /** The version label; Hub clients accept it as a revision. */
  revision: string;
  task: string | null;
  /** Served by the Hub-compatible endpoint (approved versions only). */
  approved: boolean;
  /** A file to show the single-file download with. */
  examplePath: string | undefined;
}

export interface Snippet {
  title: string;
  code: string;
}

const quote = (text: string): string => JSON.stringify(text);

/** Copy-paste instructions for the usual Hugging Face clients, pointed at this Vetted. */
export function usageSnippets(context: UsageContext): Snippet[] {
  const { origin, repo, revision, task, examplePath } = context;
  const hfEndpoint = `${origin}/hf`;
  const file = examplePath ?? 'config.json';
  const nativeFile = `${origin}/v1/models/${repo}/versions/${encodeURIComponent(revision)}/files/${file.split('/').map(encodeURIComponent).join('/')}`;
  if (!context.approved) {
    return [
      {
        title: 'curl (native API)',
        code: `# Not approved yet: only publishers and reviewers can download it, through the native API.\ncurl -fLO -H "Authorization: Bearer $HF_TOKEN" '${nativeFile}'`,
      },
    ];
  }
  return [
    {
      title: 'Shell (hf CLI)',
      code: [
        `export HF_ENDPOINT=${hfEndpoint}`,
        `export HF_TOKEN=hf_...   # your Vetted API key`,
        `hf download ${repo} --revision ${revision}`,
      ].join('\n'),
    },
    {
      title: 'Python (huggingface_hub)',
      code: [
        `# with HF_ENDPOINT=${hfEndpoint} and HF_TOKEN set as above`,
        'from huggingface_hub import snapshot_download',
        '',
        `path = snapshot_download(${quote(repo)}, revision=${quote(revision)})`,
      ].join('\n'),
    },
    {
      title: 'Python (transformers)',
      code: [
        `# with HF_ENDPOINT=${hfEndpoint} and HF_TOKEN set as above`,
        'from transformers import pipeline',
        '',
        task
          ? `pipe = pipeline(${quote(task)}, model=${quote(repo)}, revision=${quote(revision)})`
          : `from transformers import AutoModel\nmodel = AutoModel.from_pretrained(${quote(repo)}, revision=${quote(revision)})`,
      ].join('\n'),
    },
    {
      title: 'JavaScript (transformers.js)',
      code: [
        "import { env, pipeline } from '@huggingface/transformers';",
        '',
        `env.remoteHost = ${quote(`${hfEndpoint}/`)};`,
        'env.allowLocalModels = false;',
        '// Needs a Vetted that allows anonymous reads of approved models (VETTED_HF_ANONYMOUS=true).',
        `const pipe = await pipeline(${quote(task ?? 'feature-extraction')}, ${quote(repo)}, { revision: ${quote(revision)} });`,
      ].join('\n'),
    },
    {
      title: 'JavaScript (@huggingface/hub)',
      code: [
        "import { snapshotDownload } from '@huggingface/hub';",
        '',
        `const dir = await snapshotDownload({ repo: ${quote(repo)}, revision: ${quote(revision)}, hubUrl: ${quote(hfEndpoint)}, accessToken: process.env.HF_TOKEN });`,
      ].join('\n'),
    },
    {
      title: 'curl (one file)',
      code: `curl -fLO -H "Authorization: Bearer $HF_TOKEN" '${hfEndpoint}/${repo}/resolve/${encodeURIComponent(revision)}/${file.split('/').map(encodeURIComponent).join('/')}'`,
    },
  ];
}
