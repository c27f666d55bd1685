import { describe, expect, it } from 'vitest';
import { checkFilePath, fileFormat, manifestCommitSha, samePathIgnoringCase } from '@vetted/domain';

describe('checkFilePath', () => {
  it.each([
    'model.safetensors',
    'onnx/model.onnx',
    '1_Pooling/config.json',
    'a/b/c/d.bin',
    'tokenizer.json',
    'résumé.txt',
    'docs/read me é.txt',
    '.gitattributes',
    'sub/.gitignore',
    'git/config',
    '.github/workflows/ci.yml',
    'console.txt',
    'com10.bin',
    'x'.repeat(255),
  ])('accepts %j', (path) => {
    expect(checkFilePath(path)).toEqual({ ok: true, path });
  });

  it('normalises to NFC', () => {
    expect(checkFilePath('re\u0301sume\u0301.txt')).toEqual({ ok: true, path: 'résumé.txt' });
  });

  it.each([
    ['', 'empty'],
    ['/etc/passwd', 'relative'],
    ['../x', '".."'],
    ['a/../../x', '".."'],
    ['a/./b', '"."'],
    ['a//b', 'empty segments'],
    ['a/', 'empty segments'],
    ['a\\..\\x', 'Windows'],
    ['C:\\x', 'Windows'],
    ['D:x', 'Windows'],
    ['\\\\host\\share\\x', 'Windows'],
    ...['*', '<', '>', '|', '"', '?', ':'].map((character) => [`model${character}.bin`, 'Windows']),
    ['a\u0000b', 'control'],
    ['a\nb', 'control'],
    ['a\u007fb', 'control'],
    ['a\u0085b', 'control'],
    ['evil\u202Etxt.exe', 'bidirectional'],
    ['evil\u2067txt.exe', 'bidirectional'],
    ['model\u200B.bin', 'zero-width'],
    ['model\u200C.bin', 'zero-width'],
    ['model\u200D.bin', 'zero-width'],
    ['model\u2060.bin', 'zero-width'],
    ['\uFEFFmodel.bin', 'BOM'],
    ['dir/model\uFEFF.bin', 'BOM'],
    ['model\u00A0.bin', 'no-break space'],
    ['model\u2007.bin', 'Unicode spaces'],
    ['model\u3000.bin', 'Unicode spaces'],
    ['model\u2028.bin', 'Unicode spaces'],
    ['model\uD800.bin', 'surrogates'],
    ['.git/config', '".git"'],
    ['sub/.git/hooks/post-checkout', '".git"'],
    ['.GIT/config', '".GIT"'],
    ['git~1/config', '"git~1"'],
    ['sub/GIT~2/HEAD', '"GIT~2"'],
    ['.git./config', 'ending'],
    ['.git /config', 'ending'],
    ['CON', 'device'],
    ['dir/nul.txt', 'device'],
    ['COM1', 'device'],
    ['lpt9.log', 'device'],
    ['Aux.tar.gz', 'device'],
    ['com¹.txt', 'device'],
    ['CONIN$', 'device'],
    ['nul .txt', 'device'],
    ['trailing.', 'ending'],
    ['trailing ', 'ending'],
    ['dir./x', 'ending'],
    ['x'.repeat(256), '255 bytes'],
    [`${'abc/'.repeat(250)}z`, '1000 bytes'],
  ])('rejects %j', (path, reason) => {
    const check = checkFilePath(path);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toContain(reason);
  });

  it('finds case-insensitive collisions but not identity', () => {
    expect(samePathIgnoringCase('Model.bin', 'model.bin')).toBe(true);
    expect(samePathIgnoringCase('model.bin', 'model.bin')).toBe(false);
    expect(samePathIgnoringCase('a.bin', 'b.bin')).toBe(false);
  });
});

describe('fileFormat', () => {
  it.each([
    ['model.safetensors', 'safetensors'],
    ['onnx/model.ONNX', 'onnx'],
    ['llama-q4.gguf', 'gguf'],
    ['pytorch_model.bin', 'pickle'],
    ['x.ckpt', 'pickle'],
    ['embeddings.npy', 'npy'],
    ['arrays.NPZ', 'pickle'],
    ['config.json', 'json'],
    ['README.md', 'text'],
    ['.gitattributes', 'other'],
    ['LICENSE', 'other'],
  ])('%s is %s', (path, format) => {
    expect(fileFormat(path)).toBe(format);
  });
});

describe('manifestCommitSha', () => {
  const a = { path: 'a.bin', sha256: 'a'.repeat(64), size: 1n };
  const b = { path: 'b.bin', sha256: 'b'.repeat(64), size: 2n };

  it('is 40 hex and independent of order', () => {
    expect(manifestCommitSha([a, b])).toMatch(/^[0-9a-f]{40}$/);
    expect(manifestCommitSha([a, b])).toBe(manifestCommitSha([b, a]));
  });

  it('changes with any path, digest or size', () => {
    const base = manifestCommitSha([a, b]);
    expect(manifestCommitSha([a, { ...b, path: 'c.bin' }])).not.toBe(base);
    expect(manifestCommitSha([a, { ...b, sha256: 'c'.repeat(64) }])).not.toBe(base);
    expect(manifestCommitSha([a, { ...b, size: 3n }])).not.toBe(base);
    expect(manifestCommitSha([a])).not.toBe(base);
  });
});
