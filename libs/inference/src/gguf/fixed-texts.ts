// Texts every GGUF run uses, written for Vetted (no third-party text, so no license to carry). Changing one
// changes what runs measure: give it a new name so old and new figures are never compared.

/** Names PERPLEXITY_TEXT in results. */
export const PERPLEXITY_TEXT_NAME = 'vetted-perplexity-v1';

/** Plain English prose; its perplexity says how well a model predicts ordinary text. */
export const PERPLEXITY_TEXT = [
  'A model registry keeps the files that make up a model, together with what is known about them.',
  'When a new version arrives, the registry reads each file from its header, counts the parameters,',
  'and notes the format, the architecture and the license. Nothing in the file is run at that point.',
  'Later, a worker loads the model on real hardware and asks it for a short piece of text. If the',
  'answer comes back at a steady pace and reads the same as the last time, the version is probably',
  'intact. If the speed drops by half, or the words turn into noise, a reviewer should look more',
  'closely before anyone depends on it. The same checks work for a small model on a laptop and for a',
  'large one on a rack of accelerators, because they ask only what every language model can answer:',
  'how quickly it reads, how quickly it writes, and how surprised it is by a page of ordinary prose.',
].join(' ');

/** The question whose greedy answer is a run's output fingerprint. */
export const COMPLETION_PROMPT = 'In one sentence, why should a team check a model before putting it into service?';
