import { describe, expect, it } from 'vitest';
import { mainGgufFiles } from '../src/main-gguf-files.js';

describe('mainGgufFiles', () => {
  it('picks one model: the shallowest, then the first by name', () => {
    expect(mainGgufFiles(['sub/a.gguf', 'model-Q8_0.gguf', 'model-Q4_K_M.gguf', 'README.md'])).toEqual(['model-Q4_K_M.gguf']);
    expect(mainGgufFiles(['config.json', 'model.onnx'])).toEqual([]);
  });

  it('counts a split model by its first part, and never picks a later part or a vision projector', () => {
    expect(mainGgufFiles(['big-00002-of-00003.gguf', 'big-00001-of-00003.gguf', 'big-00003-of-00003.gguf'])).toEqual([
      'big-00001-of-00003.gguf',
    ]);
    expect(mainGgufFiles(['a-00002-of-00002.GGUF', 'mmproj-model-f16.gguf'])).toEqual([]);
    expect(mainGgufFiles(['mmproj-model-f16.gguf', 'llava-v1.6-Q4_K_M.gguf'])).toEqual(['llava-v1.6-Q4_K_M.gguf']);
  });
});
