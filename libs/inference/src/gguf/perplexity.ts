import type { ControlledEvaluateInputItem, LlamaContextSequence, Token } from 'node-llama-cpp';
import { PERPLEXITY_TEXT_NAME } from './fixed-texts.js';
import type { PerplexityOutcome } from './gguf-types.js';

/** The smallest positive float32: a probability that underflowed still counts, as a very unlikely token. */
const SMALLEST_PROBABILITY = 1.4e-45;

/**
 * Perplexity of the tokens: each token after the first scored by the probability the model gave it after the
 * tokens before it (one pass, full-vocabulary softmax without sampling: greedy settings leave the logits alone).
 */
export async function measurePerplexity(sequence: LlamaContextSequence, tokens: readonly Token[]): Promise<PerplexityOutcome> {
  await sequence.clearHistory();
  const input: ControlledEvaluateInputItem[] = tokens.map((token, index) =>
    index < tokens.length - 1 ? [token, { generateNext: { probabilities: true, options: { temperature: 0 } } }] : token,
  );
  const outputs = await sequence.controlledEvaluate(input);
  let negativeLogLikelihood = 0;
  for (let index = 0; index + 1 < tokens.length; index += 1) {
    const probability = outputs[index]?.next.probabilities?.get(tokens[index + 1]!) ?? 0;
    negativeLogLikelihood -= Math.log(Math.max(probability, SMALLEST_PROBABILITY));
  }
  const scored = tokens.length - 1;
  return { value: Number(Math.exp(negativeLogLikelihood / scored).toFixed(4)), tokens: scored, text: PERPLEXITY_TEXT_NAME };
}
