import { readdir, readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { bufferSource, countingSource } from '../src/byte-source.js';
import { configFacts } from '../src/config-json.js';
import { FormatError } from '../src/finding.js';
import { inspectJsonFile } from '../src/json-file.js';
import { JSON_MAX_DEPTH, parseJson, readJson } from '../src/json-parse.js';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

function expectFormatError(run: () => unknown, code: string): void {
  let error: unknown;
  try {
    run();
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(FormatError);
  expect((error as FormatError).code).toBe(code);
}

describe('parseJson', () => {
  it('parses JSON and reports keys repeated in one object, at any depth, escaped or not', () => {
    expect(parseJson(json({ a: [1, { b: 'x' }] }))).toEqual({ value: { a: [1, { b: 'x' }] }, duplicateKeys: [] });
    const parsed = parseJson(Buffer.from('{"a": 1, "nested": {"k": "{\\"a\\": 2}", "k": 3}, "\\u0061": 4, "list": [{"a": 1}, {"a": 2}]}'));
    expect(parsed.duplicateKeys).toEqual(['k', 'a']);
    expect(parsed.value).toMatchObject({ a: 4, nested: { k: 3 } });
  });

  it('refuses nesting deeper than the limit before parsing, and accepts it at the limit', () => {
    const deep = (levels: number) => Buffer.from('['.repeat(levels) + ']'.repeat(levels));
    expectFormatError(() => parseJson(deep(1_000_000)), 'json_too_deep');
    expectFormatError(
      () => parseJson(Buffer.from(`{"a":${'{"b":'.repeat(JSON_MAX_DEPTH)}1${'}'.repeat(JSON_MAX_DEPTH + 1)}`)),
      'json_too_deep',
    );
    expect(parseJson(deep(JSON_MAX_DEPTH)).duplicateKeys).toEqual([]);
    // Brackets inside strings are not nesting.
    expect(parseJson(json({ text: '['.repeat(10_000) })).value).toEqual({ text: '['.repeat(10_000) });
  });

  it('refuses files over the size limit without reading them, invalid UTF-8, a byte-order mark and invalid JSON', async () => {
    const source = countingSource(bufferSource(json({ a: 'x'.repeat(100) })));
    await expect(readJson(source, { maxBytes: 50 })).rejects.toMatchObject({ code: 'json_too_large' });
    expect(source.bytesRead).toBe(0);
    expectFormatError(() => parseJson(Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d])), 'json_not_utf8');
    expectFormatError(() => parseJson(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json({})])), 'json_invalid');
    expectFormatError(() => parseJson(Buffer.from('{"a": NaN}')), 'json_invalid');
    expectFormatError(() => parseJson(Buffer.from('')), 'json_invalid');
  });
});

describe('configFacts', () => {
  it('reads config.json facts, multimodal configs included', () => {
    expect(
      configFacts(
        '{"architectures":["LlamaForCausalLM"],"hidden_size":4096,"num_hidden_layers":32,"vocab_size":128256,"max_position_embeddings":131072,"torch_dtype":"bfloat16"}',
      ),
    ).toEqual({
      architecture: 'LlamaForCausalLM',
      hiddenSize: 4096,
      layers: 32,
      vocabSize: 128256,
      contextLength: 131072,
      dtype: 'bfloat16',
    });
    expect(configFacts('{"text_config":{"hidden_size":2048}}')).toEqual({ hiddenSize: 2048 });
    expect(configFacts('not json')).toEqual({});
    expect(configFacts('[1, 2]')).toEqual({});
    expect(configFacts(`{"a":${'['.repeat(100)}${']'.repeat(100)}}`)).toEqual({});
  });
});

describe('inspectJsonFile', () => {
  it('gives config.json facts and flags auto_map as remote code', async () => {
    const config = {
      architectures: ['MyModelForCausalLM'],
      model_type: 'my_model',
      auto_map: { AutoConfig: 'configuration_my.MyConfig', AutoModelForCausalLM: 'modeling_my.MyModelForCausalLM' },
      hidden_size: 64,
    };
    const { facts, findings } = await inspectJsonFile(bufferSource(json(config)), 'org/model/config.json');
    expect(facts).toEqual({
      bytes: json(config).length,
      config: { architecture: 'MyModelForCausalLM', modelType: 'my_model', hiddenSize: 64 },
      remoteCode: true,
      chatTemplate: false,
    });
    expect(findings).toEqual([
      {
        severity: 'warning',
        code: 'remote_code',
        message: expect.stringContaining('trust_remote_code'),
        evidence: {
          file: 'config.json',
          autoMap: { AutoConfig: '"configuration_my.MyConfig"', AutoModelForCausalLM: '"modeling_my.MyModelForCausalLM"' },
        },
      },
    ]);
  });

  it('reports a chat template that would escape a Jinja sandbox, and only reports it', async () => {
    const template = "{{ ''.__class__.__mro__[1].__subclasses__() }}";
    const tokenizerConfig = { chat_template: template, auto_map: { AutoTokenizer: ['tokenization_my.MyTokenizer', null] } };
    const { facts, findings } = await inspectJsonFile(bufferSource(json(tokenizerConfig)), 'tokenizer_config.json');
    expect(facts).toEqual({ bytes: json(tokenizerConfig).length, remoteCode: true, chatTemplate: true });
    expect(findings.map((f) => [f.severity, f.code])).toEqual([
      ['warning', 'remote_code'],
      ['info', 'chat_template'],
    ]);
    expect(findings[1]!.evidence).toEqual({ where: 'tokenizer_config.json', length: JSON.stringify(template).length });
    // Nothing rendered it: the findings carry no output, only where the template is and its length.
    expect(JSON.stringify(findings)).not.toContain('subclasses');
  });

  it('has no template engine to render templates with', async () => {
    const folder = new URL('../src/', import.meta.url);
    for (const file of await readdir(folder)) {
      const source = await readFile(new URL(file, folder), 'utf8');
      expect(source, file).not.toMatch(/from '[^']*(jinja|nunjucks|handlebars|ejs)[^']*'/i);
    }
  });

  it('warns about duplicate keys and refuses files that are not JSON', async () => {
    const { findings } = await inspectJsonFile(
      bufferSource(Buffer.from('{"eos_token_id": 1, "eos_token_id": 2}')),
      'generation_config.json',
    );
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'json_duplicate_key',
        evidence: { file: 'generation_config.json', keys: ['eos_token_id'] },
      }),
    ]);
    await expect(inspectJsonFile(bufferSource(Buffer.from('{"a": [')), 'tokenizer.json')).rejects.toMatchObject({ code: 'json_invalid' });
  });
});
