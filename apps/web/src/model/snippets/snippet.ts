/** The tool a snippet is for: what must be installed to run it. */
export type SnippetTool =
  | 'hf-cli'
  | 'huggingface_hub'
  | 'huggingface.js'
  | 'curl'
  | 'transformers'
  | 'transformers.js'
  | 'onnxruntime'
  | 'onnxruntime-node'
  | 'llama.cpp'
  | 'ollama';

export interface Snippet {
  tool: SnippetTool;
  title: string;
  code: string;
}

/** Where a version is served from, for the Hub clients. */
export interface SnippetTarget {
  /** The Hub-compatible endpoint, e.g. https://vetted.example.com/hf */
  hfEndpoint: string;
  /** namespace/name */
  repo: string;
  /** The version label; Hub clients accept it as a revision. */
  revision: string;
}

/** A string literal for Python and JavaScript alike: labels cannot break out of the code. */
export const quote = (text: string): string => JSON.stringify(text);

/** A single-quoted shell word (a label or a path may hold anything). */
export const shellWord = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/** The Hub's download URL of one file of the version. */
export const resolveUrl = ({ hfEndpoint, repo, revision }: SnippetTarget, path: string): string =>
  `${hfEndpoint}/${repo}/resolve/${encodeURIComponent(revision)}/${encodePath(path)}`;

export const fileName = (path: string): string => path.split('/').at(-1) ?? path;

export const environmentNote = (target: SnippetTarget): string => `# with HF_ENDPOINT=${target.hfEndpoint} and HF_TOKEN set as above`;

/** What the text-only examples feed a pipeline. */
export const EXAMPLE_TEXT = 'Vetted keeps our models in one place';
