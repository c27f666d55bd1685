import { describe, expect, it } from 'vitest';
import { parseStoredCard, parseStoredRunResult, storedCard, storedFindings, storedImportFiles, toStoredJson } from '../src/index.js';

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

describe('a stored benchmark result', () => {
  it('reads what the runner wrote, and a field of another shape as absent', () => {
    const result = parseStoredRunResult({
      executionProvider: { requested: 'auto', actual: 'cpu', fallbackReason: 'no GPU' },
      settings: { batchSize: 1 },
      reference: 'yes',
      findings: [{ severity: 'info', code: 'dims_defaulted', message: 'x.2 = 224' }],
      perplexity: { value: 3.5 },
      somethingNewer: 1,
    });
    expect(result).toMatchObject({
      executionProvider: { actual: 'cpu' },
      settings: { batchSize: 1 },
      reference: undefined,
      findings: [{ severity: 'info', code: 'dims_defaulted' }],
      perplexity: { value: 3.5 },
      somethingNewer: 1,
    });
  });

  it('reads a missing or unreadable result as one with no findings', () => {
    expect(parseStoredRunResult(null)).toEqual({ findings: [] });
    expect(parseStoredRunResult('garbage')).toEqual({ findings: [] });
  });
});
