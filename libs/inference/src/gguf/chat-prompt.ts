import { createHash } from 'node:crypto';
import type { LlamaModel, Token } from 'node-llama-cpp';
import { errorMessage } from '../benchmark-failure.js';
import type { BenchmarkFinding } from '../benchmark-types.js';
import type { ChatTemplateUse } from './gguf-types.js';

export type CompletionPrompt = { tokens: Token[]; chatTemplate: ChatTemplateUse; findings: BenchmarkFinding[] };

/**
 * The completion prompt as the model expects it: a user turn in the model's own chat template when its metadata
 * has one (`tokenizer.chat_template`), else plain text after the BOS token. node-llama-cpp matches the template
 * against the formats it knows and renders unknown ones with its Jinja interpreter (JavaScript, no Python objects),
 * here inside the benchmark's child process; a template that fails to render is a warning, not a failed run.
 */
export async function completionPrompt(model: LlamaModel, prompt: string): Promise<CompletionPrompt> {
  const template = model.fileInfo.metadata.tokenizer?.chat_template;
  if (typeof template !== 'string') return { tokens: plainTokens(model, prompt), chatTemplate: { present: false }, findings: [] };
  const sha256 = createHash('sha256').update(template).digest('hex');
  try {
    const { resolveChatWrapper } = await import('node-llama-cpp');
    const wrapper = resolveChatWrapper(model, { warningLogs: false, fallbackToOtherWrappersOnJinjaError: false });
    const state = wrapper.generateContextState({
      chatHistory: [
        { type: 'user', text: prompt },
        { type: 'model', response: [] },
      ],
    });
    return {
      tokens: state.contextText.tokenize(model.tokenizer),
      chatTemplate: { present: true, applied: true, wrapper: wrapper.wrapperName, sha256 },
      findings: [],
    };
  } catch (error) {
    const message = errorMessage(error).slice(0, 500);
    return {
      tokens: plainTokens(model, prompt),
      chatTemplate: { present: true, applied: false, sha256, error: message },
      findings: [
        {
          severity: 'warning',
          code: 'chat_template_unusable',
          message: `The model's chat template could not be applied (${message}); the completion prompt went in as plain text`,
        },
      ],
    };
  }
}

/** Text as a completion (not chat) prompt: the BOS token first when the model wants one. */
export function plainTokens(model: LlamaModel, text: string): Token[] {
  const bos = model.tokens.shouldPrependBosToken ? model.tokens.bos : null;
  return [...(bos === null ? [] : [bos]), ...model.tokenize(text)];
}
