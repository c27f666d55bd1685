import { describe, expect, it } from 'vitest';
import { readVersionFacts } from '../src/model/version-facts';

describe('reading a version’s facts', () => {
  it('reads what an import recorded from config.json and the Hub', () => {
    const facts = readVersionFacts(
      {
        config: { architecture: 'BertForSequenceClassification', modelType: 'bert', contextLength: 512, layers: 2, dtype: 'float32' },
        hub: { repo: 'hub-org/sentiment-bert', baseModel: 'google-bert/bert-base-uncased' },
        license: { tag: 'apache-2.0' },
      },
      null,
    );
    expect(facts).toEqual({
      dtypes: ['float32'],
      architecture: 'BertForSequenceClassification',
      modelType: 'bert',
      contextLength: 512,
      layers: 2,
      hubRepo: 'hub-org/sentiment-bert',
      baseModel: 'google-bert/bert-base-uncased',
    });
  });

  it('prefers what the scanner read from the weights, ONNX graph and hardware fit included', () => {
    const facts = readVersionFacts(
      {
        parameters: 1234,
        parametersByDtype: { float16: 1000, float32: 234 },
        architecture: 'LlamaForCausalLM',
        config: { architecture: 'Other', contextLength: 4096 },
        onnx: {
          opsets: [
            { domain: 'com.microsoft', version: 1 },
            { domain: '', version: 17 },
          ],
          inputs: [{ name: 'input_ids', dtype: 'int64', shape: ['batch', 'sequence', 128] }],
          outputs: [{ name: 'logits', dtype: 'float32', shape: ['batch', ''] }],
        },
        hardwareFit: {
          weightBytes: 10,
          estimatedBytes: 536_870_924,
          rule: 'weights × 1.2 + 0.5 GiB',
          fits: [{ memoryGb: 8, fits: true }, { memoryGb: 'x' }],
        },
      },
      5678,
    );
    expect(facts.parameters).toBe(5678);
    expect(facts.dtypes).toEqual(['float16', 'float32']);
    expect(facts.architecture).toBe('LlamaForCausalLM');
    expect(facts.contextLength).toBe(4096);
    expect(facts.onnx).toEqual({
      opset: 17,
      inputs: [{ name: 'input_ids', type: 'int64', shape: '[batch, sequence, 128]' }],
      outputs: [{ name: 'logits', type: 'float32', shape: '[batch, ?]' }],
    });
    expect(facts.hardwareFit).toEqual({
      estimatedBytes: 536_870_924,
      rule: 'weights × 1.2 + 0.5 GiB',
      fits: [{ memoryGb: 8, fits: true }],
    });
  });

  it('takes a null parameter count as not known, whatever the facts say', () => {
    expect(readVersionFacts({ parameters: 0 }, null).parameters).toBeUndefined();
    expect(readVersionFacts({ parameters: 0 }, 0).parameters).toBe(0);
    expect(readVersionFacts({ parameters: 1234 }).parameters).toBe(1234);
  });

  it('ignores values of the wrong kind instead of showing them', () => {
    expect(readVersionFacts({ parameters: 'many', architecture: 42, dtypes: ['bf16', 3], onnx: 'yes', config: null }, null)).toEqual({
      dtypes: ['bf16'],
    });
  });
});
