import { describe, expect, it } from 'vitest';
import { usageSnippets } from '../src/model/usage-snippets';

const context = {
  origin: 'https://vetted.example.com',
  repo: 'acme/tiny-bert',
  revision: '1.0',
  task: 'text-classification',
  approved: true,
  examplePath: 'onnx/model int8.onnx',
};

describe('copy-paste snippets', () => {
  it('point every Hub client at the /hf endpoint, pinned to the version', () => {
    const code = usageSnippets(context).map((snippet) => snippet.code);
    expect(code[0]).toContain('export HF_ENDPOINT=https://vetted.example.com/hf\n');
    expect(code[0]).toContain('hf download acme/tiny-bert --revision 1.0');
    expect(code.join('\n')).toContain('snapshot_download("acme/tiny-bert", revision="1.0")');
    expect(code.join('\n')).toContain('pipeline("text-classification", model="acme/tiny-bert", revision="1.0")');
    expect(code.join('\n')).toContain('env.remoteHost = "https://vetted.example.com/hf/";');
    expect(code.join('\n')).toContain('hubUrl: "https://vetted.example.com/hf"');
    expect(code.at(-1)).toContain("'https://vetted.example.com/hf/acme/tiny-bert/resolve/1.0/onnx/model%20int8.onnx'");
  });

  it('never put the key itself in a snippet', () => {
    expect(usageSnippets(context).every((snippet) => !/hf_[A-Za-z0-9]{8}/.test(snippet.code))).toBe(true);
  });

  it('quote labels so that they cannot break out of the code', () => {
    const code = usageSnippets({ ...context, revision: 'v1"; import os' })
      .map((snippet) => snippet.code)
      .join('\n');
    expect(code).toContain('revision="v1\\"; import os"');
  });

  it('offer only the native download for a version the Hub endpoint does not serve', () => {
    const snippets = usageSnippets({ ...context, approved: false });
    expect(snippets).toHaveLength(1);
    expect(snippets[0]!.code).toContain("'https://vetted.example.com/v1/models/acme/tiny-bert/versions/1.0/files/onnx/model%20int8.onnx'");
    expect(snippets[0]!.code).not.toContain('HF_ENDPOINT');
  });
});
