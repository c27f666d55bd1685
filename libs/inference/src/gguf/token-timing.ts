import type { LlamaContextSequence, Token } from 'node-llama-cpp';

export type PromptTiming = { promptMs: number };
export type GenerationTiming = { tokens: Token[]; timeToFirstTokenMs: number; gapsMs: number[] };

/**
 * Prompt processing alone: the tokens evaluated into an empty sequence, nothing generated. The first evaluation after
 * loading also sets up llama.cpp's compute buffers: one untimed pass first, as llama-bench does.
 */
export async function timePrompt(sequence: LlamaContextSequence, tokens: Token[]): Promise<PromptTiming> {
  await sequence.clearHistory();
  await sequence.evaluateWithoutGeneratingNewTokens(tokens);
  await sequence.clearHistory();
  const started = performance.now();
  await sequence.evaluateWithoutGeneratingNewTokens(tokens);
  return { promptMs: performance.now() - started };
}

/**
 * Greedy generation of exactly `count` tokens after the prompt, timed per token. End-of-generation tokens are
 * generated through, as llama-bench does, so every run decodes the same number of tokens.
 */
export async function timeGeneration(
  sequence: LlamaContextSequence,
  prompt: Token[],
  count: number,
  seed: number,
): Promise<GenerationTiming> {
  await sequence.clearHistory();
  const tokens: Token[] = [];
  const gapsMs: number[] = [];
  const started = performance.now();
  let timeToFirstTokenMs = 0;
  let previous = started;
  for await (const token of sequence.evaluate(prompt, { temperature: 0, seed, yieldEogToken: true })) {
    const now = performance.now();
    if (tokens.length === 0) timeToFirstTokenMs = now - started;
    else gapsMs.push(now - previous);
    previous = now;
    tokens.push(token);
    if (tokens.length >= count) break;
  }
  return { tokens, timeToFirstTokenMs, gapsMs };
}
