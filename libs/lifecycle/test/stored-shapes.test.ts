import { describe, expect, it } from 'vitest';
import { parseStoredCard, storedCard, storedFindings, storedImportFiles, toStoredJson } from '../src/index.js';

describe('stored shapes', () => {
  it('read back what the writer stored', () => {
    const card = { readme: '# Tiny', frontMatter: { license: 'mit' }, source: 'readme' as const, findings: [] };
    expect(parseStoredCard(JSON.parse(JSON.stringify(toStoredJson(storedCard, card))))).toEqual(card);
    const findings = [
      { severity: 'critical' as const, code: 'pickle_dangerous_global', message: 'os.system', evidence: { global: 'os.system' } },
    ];
    expect(storedFindings.parse(JSON.parse(JSON.stringify(toStoredJson(storedFindings, findings))))).toEqual(findings);
  });

  it('read rows written before card findings as readme cards without findings', () => {
    expect(parseStoredCard({ readme: 'text', frontMatter: {} })).toEqual({
      readme: 'text',
      frontMatter: {},
      source: 'readme',
      findings: [],
    });
  });

  it('never mistake something else for a card', () => {
    expect(parseStoredCard(null)).toBeUndefined();
    expect(parseStoredCard({ frontMatter: {} })).toBeUndefined();
    expect(parseStoredCard('README')).toBeUndefined();
  });

  it('keep an unreadable finding as a warning rather than dropping it', () => {
    expect(storedFindings.parse([{ severity: 'fatal', code: 7 }])).toEqual([{ severity: 'warning', code: 'unknown', message: '' }]);
    expect(storedFindings.parse('not a list')).toEqual([]);
  });

  it('read import progress defensively', () => {
    expect(storedImportFiles.parse([{ path: 'a.bin', size: 3, bytesDone: 1, status: 'downloading' }])).toEqual([
      { path: 'a.bin', size: 3, bytesDone: 1, status: 'downloading' },
    ]);
    expect(storedImportFiles.parse(null)).toEqual([]);
  });
});
