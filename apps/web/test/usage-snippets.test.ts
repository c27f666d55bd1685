import { describe, expect, it } from 'vitest';
import { modelContents } from '../src/model/snippets/model-contents';
import { type UsageContext, usageSnippets } from '../src/model/snippets/usage-snippets';

const bertFacts = { config: { architecture: 'BertForSequenceClassification', modelType: 'bert' } };

const context: UsageContext = {
  origin: 'https://vetted.example.com',
  repo: 'acme/tiny-bert',
  revision: '1.0',
  task: 'text-classification',
  approved: true,
  files: ['README.md', 'config.json', 'model.safetensors', 'onnx/model int8.onnx'],
  facts: bertFacts,
};

const tools = (overrides: Partial<UsageContext>) => usageSnippets({ ...context, ...overrides }).map((snippet) => snippet.tool);
const codeOf = (overrides: Partial<UsageContext>) =>
  usageSnippets({ ...context, ...overrides })
    .map((snippet) => snippet.code)
    .join('\n');

describe('copy-paste snippets', () => {
  it('point every Hub client at the /hf endpoint, pinned to the version', () => {
    const snippets = usageSnippets(context);
    const code = snippets.map((snippet) => snippet.code).join('\n');
    expect(snippets[0]!.code).toContain('export HF_ENDPOINT=https://vetted.example.com/hf\n');
    expect(code).toContain("hf download acme/tiny-bert --revision '1.0'");
    expect(code).toContain('snapshot_download("acme/tiny-bert", revision="1.0")');
    expect(code).toContain('pipeline("text-classification", model="acme/tiny-bert", revision="1.0")');
    expect(code).toContain('env.remoteHost = "https://vetted.example.com/hf/";');
    expect(code).toContain('hubUrl: "https://vetted.example.com/hf"');
    expect(snippets.at(-1)!.code).toContain("'https://vetted.example.com/hf/acme/tiny-bert/resolve/1.0/model.safetensors'");
  });

  it('offer the Hub clients and curl whatever the version holds', () => {
    for (const files of [['config.json'], ['model.onnx'], ['weights.gguf'], ['notes.txt']]) {
      expect(tools({ files, facts: {} })).toEqual(expect.arrayContaining(['hf-cli', 'huggingface_hub', 'huggingface.js', 'curl']));
    }
  });

  it('offer transformers for a transformers class with PyTorch weights, and transformers.js only for its onnx/ exports', () => {
    expect(tools({ files: ['config.json', 'model.safetensors'] })).toEqual([
      'hf-cli',
      'huggingface_hub',
      'transformers',
      'huggingface.js',
      'curl',
    ]);
    expect(tools({ files: ['config.json', 'pytorch_model.bin', 'onnx/model.onnx'] })).toEqual([
      'hf-cli',
      'huggingface_hub',
      'transformers',
      'huggingface.js',
      'transformers.js',
      'curl',
    ]);
    expect(tools({ files: ['config.json', 'onnx/model.onnx'] })).toContain('transformers.js');
    expect(tools({ files: ['config.json', 'onnx/model.onnx'] })).not.toContain('onnxruntime-node');
  });

  it('add the API key to transformers.js requests with env.fetch, which it otherwise sends to huggingface.co only', () => {
    const code = usageSnippets({ ...context, files: ['config.json', 'onnx/model.onnx'] }).find((s) => s.tool === 'transformers.js')!.code;
    expect(code).toContain('env.fetch = (url, init = {}) => {');
    expect(code).toContain('headers.set("Authorization", `Bearer ${process.env.HF_TOKEN}`);');
    expect(code).toContain('console.log(await pipe("Vetted keeps our models in one place"));');
  });

  it('offer no transformers library for a raw ONNX export, but ONNX Runtime', () => {
    const vad = { repo: 'snakers4/silero-vad', task: 'voice-activity-detection', files: ['model.onnx'], facts: {} };
    expect(tools(vad)).toEqual(['hf-cli', 'huggingface_hub', 'huggingface.js', 'onnxruntime-node', 'onnxruntime', 'curl']);
    const code = codeOf(vad);
    expect(code).not.toContain('pipeline(');
    expect(code).toContain('const path = await downloadFileToCacheDir({ ...source, path: "model.onnx" });');
    expect(code).toContain('session = ort.InferenceSession(path)');
  });

  it('need a class config.json names, with a model_type, before offering transformers', () => {
    const files = ['config.json', 'model.safetensors', 'onnx/model.onnx'];
    for (const config of [{ architecture: 'Unknown', modelType: 'bert' }, { architecture: 'BertModel' }, {}]) {
      expect(tools({ files, facts: { config } })).not.toEqual(expect.arrayContaining(['transformers']));
      expect(tools({ files, facts: { config } })).not.toEqual(expect.arrayContaining(['transformers.js']));
    }
    expect(tools({ files: ['model.safetensors', 'onnx/model.onnx'] })).not.toContain('transformers');
  });

  it('download external data next to its ONNX graph', () => {
    const code = codeOf({ files: ['model.onnx', 'model.onnx_data', 'other.onnx_data'], facts: {} });
    expect(code).toContain('await downloadFileToCacheDir({ ...source, path: "model.onnx_data" }); // external data');
    expect(code).toContain('hf_hub_download("acme/tiny-bert", "model.onnx_data", revision="1.0")  # external data');
    expect(code).not.toContain('other.onnx_data');
    expect(modelContents(['a/m.onnx', 'a/m.onnx.data', 'm.onnx.data'], {}).onnx).toEqual([
      { path: 'a/m.onnx', externalData: ['a/m.onnx.data'] },
    ]);
  });

  it('download every shard of a GGUF for llama.cpp and Ollama', () => {
    const files = ['q4/tiny-00002-of-00002.gguf', 'q4/tiny-00001-of-00002.gguf', 'README.md'];
    expect(tools({ files, facts: {} })).toEqual(['hf-cli', 'huggingface_hub', 'huggingface.js', 'llama.cpp', 'ollama', 'curl']);
    const llama = usageSnippets({ ...context, files, facts: {} })
      .find((s) => s.tool === 'llama.cpp')!
      .code.split('\n');
    expect(llama).toEqual([
      '# with HF_TOKEN set as above',
      `curl -fL -o 'tiny-00001-of-00002.gguf' -H "Authorization: Bearer $HF_TOKEN" 'https://vetted.example.com/hf/acme/tiny-bert/resolve/1.0/q4/tiny-00001-of-00002.gguf'`,
      `curl -fL -o 'tiny-00002-of-00002.gguf' -H "Authorization: Bearer $HF_TOKEN" 'https://vetted.example.com/hf/acme/tiny-bert/resolve/1.0/q4/tiny-00002-of-00002.gguf'`,
      "llama-cli -m 'tiny-00001-of-00002.gguf' -p 'Hello'",
    ]);
    expect(codeOf({ files, facts: {} })).toContain('ollama create acme-tiny-bert -f Modelfile');
  });

  it('never put the key itself in a snippet', () => {
    expect(usageSnippets(context).every((snippet) => !/hf_[A-Za-z0-9]{8}/.test(snippet.code))).toBe(true);
  });

  it('quote labels and paths so that they cannot break out of the code', () => {
    const code = codeOf({ revision: `v1"; import os'`, files: ["it's.gguf"], facts: {} });
    expect(code).toContain(`revision="v1\\"; import os'"`);
    expect(code).toContain(`--revision 'v1"; import os'\\'''`);
    expect(code).toContain(`-o 'it'\\''s.gguf'`);
  });

  it('offer only the native download for a version the Hub endpoint does not serve', () => {
    const snippets = usageSnippets({ ...context, approved: false });
    expect(snippets).toHaveLength(1);
    expect(snippets[0]!.code).toContain("'https://vetted.example.com/v1/models/acme/tiny-bert/versions/1.0/files/model.safetensors'");
    expect(snippets[0]!.code).not.toContain('HF_ENDPOINT');
  });
});
