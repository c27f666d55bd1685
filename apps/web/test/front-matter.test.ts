import { describe, expect, it } from 'vitest';
import { withoutFrontMatter } from '../src/model/front-matter';

describe('model card text', () => {
  it('drops the YAML front matter, whatever its line endings', () => {
    expect(withoutFrontMatter('---\nlicense: mit\ntags:\n  - a\n---\n# Title\n')).toBe('# Title\n');
    expect(withoutFrontMatter('\uFEFF---\r\nlicense: mit\r\n...\r\nText')).toBe('Text');
    expect(withoutFrontMatter('---\n---\nBody')).toBe('Body');
  });

  it('keeps cards without front matter, and rules that are not front matter', () => {
    expect(withoutFrontMatter('# Title\n\n---\n\nMore')).toBe('# Title\n\n---\n\nMore');
    expect(withoutFrontMatter('---\nnever closed')).toBe('---\nnever closed');
  });
});
