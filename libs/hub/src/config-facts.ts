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

/** The facts a transformers `config.json` states about a model; anything unparseable gives none. */
export function configFacts(json: string): ConfigFacts {
  let config: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(json);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    config = parsed as Record<string, unknown>;
  } catch {
    return {};
  }
  // Multimodal configs keep the language model's numbers under text_config.
  const text = typeof config.text_config === 'object' && config.text_config !== null ? (config.text_config as Record<string, unknown>) : {};
  const number = (...keys: string[]): number | undefined => {
    for (const key of keys) {
      const value = config[key] ?? text[key];
      if (typeof value === 'number' && Number.isFinite(value)) return value;
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
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}
