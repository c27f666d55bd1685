import { describe, expect, it } from 'vitest';
import { cardFields, MODEL_CARD_MAX_BYTES, parseModelCard } from '@vetted/hub';

const codes = (card: { findings: { code: string }[] }): string[] => card.findings.map((finding) => finding.code);

describe('parseModelCard', () => {
  it('reads a well-formed card without findings', () => {
    const card = parseModelCard('---\nlicense: mit\ntags: [a]\nratio: .nan\n---\n# Hello\n');
    expect(card).toEqual({
      readme: '---\nlicense: mit\ntags: [a]\nratio: .nan\n---\n# Hello\n',
      frontMatter: { license: 'mit', tags: ['a'], ratio: null },
      findings: [],
    });
    expect(cardFields(card.frontMatter).license).toBe('mit');
  });

  it('keeps the text of a card whose YAML is broken, and says why the front matter was ignored', () => {
    const card = parseModelCard('---\n: : bad yaml [\n---\n# Text\n');
    expect(card.frontMatter).toEqual({});
    expect(card.readme).toContain('# Text');
    expect(card.findings).toEqual([
      {
        severity: 'warning',
        code: 'card_yaml_invalid',
        message: expect.stringMatching(/^The front matter of README\.md was ignored: it is not valid YAML \(.+\)$/),
      },
    ]);
    expect(codes(parseModelCard('---\n- a\n- b\n---\n'))).toEqual(['card_yaml_invalid']);
    expect(codes(parseModelCard('---\na: 1\n---\nb: 2\n---\n'))).toEqual([]); // a second block is text, not front matter
  });

  it('refuses an alias bomb, a self-referencing alias and absurd nesting as too complex', () => {
    const letters = 'abcdefghij';
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < letters.length; i++)
      bomb.push(
        `${letters[i]}: &${letters[i]} [${Array(9)
          .fill(`*${letters[i - 1]}`)
          .join(', ')}]`,
      );
    for (const yaml of [
      bomb.join('\n'),
      'a: &a [*a]',
      `deep: ${'['.repeat(40)}${']'.repeat(40)}`,
      `big: [${Array(10_001).fill('1').join(', ')}]`,
    ]) {
      const card = parseModelCard(`---\n${yaml}\n---\ntext\n`);
      expect(card.frontMatter).toEqual({});
      expect(codes(card)).toEqual(['card_yaml_too_complex']);
    }
  });

  it('keeps at most MODEL_CARD_MAX_BYTES of a README, never splitting a character, and says so', () => {
    const readme = `---\nlicense: mit\n---\n${'é'.repeat(MODEL_CARD_MAX_BYTES)}`; // 2 bytes each: the cut lands mid-character
    const card = parseModelCard(readme);
    expect(Buffer.byteLength(card.readme)).toBeLessThanOrEqual(MODEL_CARD_MAX_BYTES);
    expect(Buffer.byteLength(card.readme)).toBeGreaterThan(MODEL_CARD_MAX_BYTES - 4);
    expect(card.readme.endsWith('é')).toBe(true);
    expect(card.frontMatter).toEqual({ license: 'mit' });
    expect(card.findings).toEqual([
      {
        severity: 'warning',
        code: 'card_too_large',
        message: `README.md is ${Buffer.byteLength(readme)} bytes; the card keeps only its first ${Buffer.byteLength(card.readme)} bytes`,
        evidence: { bytes: Buffer.byteLength(readme), kept: Buffer.byteLength(card.readme) },
      },
    ]);
  });

  it('accepts the first bytes of a bigger file, with the file’s size', () => {
    const head = Buffer.from('---\npipeline_tag: text-generation\n---\n' + 'x'.repeat(100));
    const card = parseModelCard(head, 5_000_000);
    expect(card.findings).toEqual([expect.objectContaining({ code: 'card_too_large', evidence: { bytes: 5_000_000, kept: head.length } })]);
    expect(cardFields(card.frontMatter).pipelineTag).toBe('text-generation');
  });

  it('replaces what PostgreSQL cannot store (NUL, unpaired surrogates) in the text and the front matter', () => {
    const card = parseModelCard('---\nname: "a\\0b"\nodd: "\\ud800"\n"k\\0": 1\n---\nx\u0000y\n');
    expect(card.readme).toContain('x\uFFFDy');
    expect(card.frontMatter).toEqual({ name: 'a\uFFFDb', odd: '\uFFFD', 'k\uFFFD': 1 });
    expect(JSON.stringify(card.frontMatter)).not.toMatch(/\\u0000|\\ud800/);
    expect(card.readme).not.toContain('\u0000');
    expect(codes(card)).toEqual(['card_invalid_characters']);
  });
});
