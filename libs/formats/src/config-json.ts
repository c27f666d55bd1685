import { FormatError, type Finding } from './finding.js';
import { parseJsonText } from './json-parse.js';

// A type, not an interface, so it is assignable to JSON columns.
export type ConfigFacts = {
  architecture?: string;
  modelType?: string;
  hiddenSize?: number;
  layers?: number;
  vocabSize?: number;
  contextLength?: number;
  dtype?: string;
};

const MAX_EVIDENCE_ENTRIES = 10;
const MAX_EVIDENCE_CHARS = 200;

/** The facts a transformers `config.json` states about a model; anything unparseable gives none. */
export function configFacts(json: string): ConfigFacts {
  try {
    return configFactsFromValue(parseJsonText(json).value);
  } catch (error) {
    if (error instanceof FormatError) return {};
    throw error;
  }
}

export function configFactsFromValue(value: unknown): ConfigFacts {
  const config = asObject(value);
  if (!config) return {};
  // Multimodal configs keep the language model's numbers under text_config.
  const text = asObject(config.text_config) ?? {};
  const number = (...keys: string[]): number | undefined => {
    for (const key of keys) {
      const found = config[key] ?? text[key];
      if (typeof found === 'number' && Number.isFinite(found)) return found;
    }
    return undefined;
  };
  const string = (key: string): string | undefined => (typeof config[key] === 'string' ? config[key] : undefined);
  const architectures = Array.isArray(config.architectures) ? config.architectures.filter((a): a is string => typeof a === 'string') : [];
  const facts: ConfigFacts = {
    architecture: architectures[0],
    modelType: string('model_type'),
    hiddenSize: number('hidden_size', 'd_model', 'n_embd'),
    layers: number('num_hidden_layers', 'n_layer', 'num_layers'),
    vocabSize: number('vocab_size'),
    contextLength: number('max_position_embeddings', 'n_positions', 'max_sequence_length', 'seq_length'),
    dtype: string('torch_dtype') ?? string('dtype'),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, found]) => found !== undefined));
}

/**
 * `auto_map` (config.json, tokenizer_config.json, processor configs) points transformers at Python classes in the
 * repository: loading the model with `trust_remote_code=True` runs them.
 */
export function remoteCodeFindings(fileName: string, value: unknown): Finding[] {
  const autoMap = asObject(value)?.auto_map;
  if (autoMap === undefined || autoMap === null) return [];
  const entries = Object.entries(asObject(autoMap) ?? { auto_map: autoMap }).slice(0, MAX_EVIDENCE_ENTRIES);
  return [
    {
      severity: 'warning',
      code: 'remote_code',
      message: `${fileName} has an auto_map: loading this model runs Python code from the repository (trust_remote_code)`,
      evidence: { file: fileName, autoMap: Object.fromEntries(entries.map(([key, target]) => [key, clip(JSON.stringify(target) ?? '')])) },
    },
  ];
}

/**
 * A chat template is Jinja that runtimes render for every conversation (CVE-2024-34359 ran code through one).
 * The server never renders it; a reviewer sees that it is there and how long it is.
 */
export function chatTemplateFindings(fileName: string, value: unknown): Finding[] {
  const template = asObject(value)?.chat_template;
  if (template === undefined || template === null) return [];
  return [chatTemplateFinding(fileName, JSON.stringify(template)?.length ?? 0)];
}

/** `where`: the file, or the GGUF key, that holds the template. */
export function chatTemplateFinding(where: string, length: number): Finding {
  return {
    severity: 'info',
    code: 'chat_template',
    message: `${where} holds a Jinja chat template; it is stored and served as is, never rendered by the server`,
    evidence: { where, length },
  };
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function clip(text: string): string {
  return text.length > MAX_EVIDENCE_CHARS ? `${text.slice(0, MAX_EVIDENCE_CHARS)}…` : text;
}
