import { buildOnnxModel } from '../test/onnx-model.js';
import { tinyLlamaGguf } from '../test/gguf-llm.js';
import { wordLevelTokenizer } from '../test/word-level-tokenizer.js';

const HIDDEN = 4;

const TOKENIZER = wordLevelTokenizer(['vetted', 'keeps', 'our', 'models', 'in', 'one', 'place']);

/**
 * A BERT-shaped encoder as transformers.js expects it: config.json with a transformers class, tokenizer files and
 * `onnx/model.onnx`, whose graph looks each token up in an embedding table (`input_ids` → `last_hidden_state`).
 */
export function transformersJsRepo(): Record<string, Buffer> {
  const vocab = Object.keys(TOKENIZER.model.vocab).length;
  const encoder = buildOnnxModel({
    inputs: [{ name: 'input_ids', type: 'int64', shape: ['batch', 'sequence'] }],
    outputs: [{ name: 'last_hidden_state', type: 'float', shape: ['batch', 'sequence', HIDDEN] }],
    nodes: [{ op: 'Gather', inputs: ['embeddings', 'input_ids'], outputs: ['last_hidden_state'], attributes: { axis: 0 } }],
    initializers: [
      { name: 'embeddings', dims: [vocab, HIDDEN], values: Float32Array.from({ length: vocab * HIDDEN }, (_, index) => index) },
    ],
  });
  const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
  return {
    'config.json': json({ architectures: ['BertModel'], model_type: 'bert', hidden_size: HIDDEN, vocab_size: vocab }),
    'tokenizer.json': json(TOKENIZER),
    'tokenizer_config.json': json({ tokenizer_class: 'PreTrainedTokenizerFast', model_max_length: 16 }),
    'onnx/model.onnx': encoder,
  };
}

/** A plain ONNX export (Silero VAD's layout: one graph, no config.json) whose weights live in external data. */
export function plainOnnxRepo(): Record<string, Buffer> {
  const weights = Float32Array.from({ length: 4 }, (_, index) => index + 1);
  const graph = buildOnnxModel({
    inputs: [{ name: 'audio', type: 'float', shape: ['batch', 4] }],
    outputs: [{ name: 'speech', type: 'float', shape: ['batch', 4] }],
    nodes: [{ op: 'Mul', inputs: ['audio', 'gain'], outputs: ['speech'] }],
    initializers: [{ name: 'gain', dims: [4], external: { location: 'model.onnx_data', offset: '0', length: String(weights.byteLength) } }],
  });
  return { 'model.onnx': graph, 'model.onnx_data': Buffer.from(weights.buffer) };
}

export function ggufRepo(): Record<string, Buffer> {
  return { 'tiny-llama-q8_0.gguf': tinyLlamaGguf({ weights: 'q8_0' }) };
}
