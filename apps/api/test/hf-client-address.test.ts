import { describe, expect, it } from 'vitest';
import { ClientAddress } from '../src/hf/client-address.js';
import { hfBoolean } from '../src/hf/hf-boolean.js';
import { rawServesContent } from '../src/hf/raw-content.js';

describe('the client address of a request', () => {
  const behindProxy = new ClientAddress([
    { address: '10.0.0.0', prefix: 8, family: 'ipv4' },
    { address: '::1', prefix: 128, family: 'ipv6' },
  ]);

  it('is the peer unless the peer is a trusted proxy', () => {
    expect(behindProxy.of('203.0.113.9', '198.51.100.1')).toBe('203.0.113.9');
    expect(new ClientAddress([]).of('127.0.0.1', '198.51.100.1')).toBe('127.0.0.1');
    expect(behindProxy.of('::ffff:203.0.113.9', undefined)).toBe('203.0.113.9');
  });

  it('is the nearest untrusted X-Forwarded-For entry behind trusted proxies, whatever the client prepends', () => {
    expect(behindProxy.of('10.1.2.3', '198.51.100.1')).toBe('198.51.100.1');
    expect(behindProxy.of('10.1.2.3', 'forged, 198.51.100.1, 10.9.9.9')).toBe('198.51.100.1');
    expect(behindProxy.of('::1', ['198.51.100.7', '10.0.0.5'])).toBe('198.51.100.7');
    expect(behindProxy.of('10.1.2.3', undefined)).toBe('10.1.2.3');
    expect(behindProxy.of('10.1.2.3', 'not-an-address')).toBe('not-an-address');
  });
});

describe('Hub query booleans', () => {
  it('accept any case of true, and 1', () => {
    for (const value of ['true', 'True', 'TRUE', '1', true, ['false', 'True']])
      expect({ value, read: hfBoolean(value) }).toEqual({ value, read: true });
    for (const value of ['false', 'False', '0', '', undefined, 'yes', false])
      expect({ value, read: hfBoolean(value) }).toEqual({ value, read: false });
  });
});

describe('what /raw/ serves as content', () => {
  it('is small files the Hub keeps in git, never weights', () => {
    expect(rawServesContent('config.json', 1_000)).toBe(true);
    expect(rawServesContent('sub/README.md', 9_999_999)).toBe(true);
    expect(rawServesContent('tokenizer.json', 10_000_000)).toBe(false);
    for (const path of ['model.safetensors', 'x.onnx', 'pytorch_model.bin', 'm.gguf', 'W.NPY', 'spiece.model'])
      expect({ path, content: rawServesContent(path, 100) }).toEqual({ path, content: false });
  });
});
