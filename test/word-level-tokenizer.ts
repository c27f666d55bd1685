/**
 * A word-level tokenizer small enough to write by hand, in the `tokenizers` JSON format: `[UNK]` is id 0, the
 * words follow in order.
 */
export function wordLevelTokenizer(words: string[]) {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [{ id: 0, content: '[UNK]', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
    normalizer: { type: 'Lowercase' },
    pre_tokenizer: { type: 'Whitespace' },
    post_processor: null,
    decoder: null,
    model: {
      type: 'WordLevel',
      vocab: Object.fromEntries(['[UNK]', ...words].map((word, id) => [word, id])),
      unk_token: '[UNK]',
    },
  };
}
