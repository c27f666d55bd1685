import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Evidence, VersionSummary } from '../src/api/api-types';
import { VersionStatusNotice } from '../src/model/version-status-notice';
import { findingsBySeverity, formatFactValue, speedupText } from '../src/reviews/evidence-format';
import { ReviewEvidence } from '../src/reviews/review-evidence';

const text = (element: Parameters<typeof renderToStaticMarkup>[0]) =>
  renderToStaticMarkup(element)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

/** Evidence as reviews stored it before runs, findings, contributors and the diff were recorded. */
const OLD_EVIDENCE: Evidence = {
  license: { id: 'mit', commercialUse: 'yes', summary: null },
  scan: { pending: 0, clean: 1, warning: 0, critical: 1, error: 0 },
  criticalFindings: [
    { path: 'model.bin', status: 'critical', findings: [{ severity: 'critical', code: 'pickle_os', message: 'imports os.system' }] },
  ],
  manifest: { commitSha: null, files: 2, bytes: 1500 },
  benchmarks: [],
  blockers: [],
  overridable: [],
};

const finding = (path: string, severity: 'info' | 'warning' | 'critical', code: string) => ({
  path,
  severity,
  code,
  message: `${code} found`,
});

const EVIDENCE: Evidence = {
  ...OLD_EVIDENCE,
  card: { source: 'README.md', license: 'apache-2.0', findings: [{ ...finding('README.md', 'warning', 'license_mismatch') }] },
  findings: {
    critical: [],
    warning: [finding('README.md', 'warning', 'license_mismatch')],
    info: [finding('model.onnx', 'info', 'onnx_opset')],
  },
  contributors: [{ actor: 'key:1', name: 'Ada Publisher', role: 'publisher', actions: ['created', 'uploaded', 'submitted'] }],
  benchmarkRuns: [
    {
      id: 'run-1',
      file: 'model.onnx',
      status: 'failed',
      requestedBy: 'key:1',
      requestedByName: 'Ada Publisher',
      executionProvider: 'cpu',
      hardware: 'EPYC × 16',
      p50Ms: null,
      reference: null,
      findings: [],
      inputs: [{ name: 'x', dtype: 'int64', shape: [1, 16], fill: 'random', source: ['default', 'graph'] }],
      error: 'model_error: Unexpected input data type',
      finishedAt: '2026-01-02T03:04:05.000Z',
    },
    {
      id: 'run-2',
      file: 'model.onnx',
      status: 'cancelled',
      requestedBy: 'auto',
      requestedByName: 'automatic',
      executionProvider: null,
      hardware: null,
      p50Ms: null,
      reference: null,
      findings: [],
      inputs: null,
      error: null,
      finishedAt: null,
    },
  ],
  diff: {
    base: '1.0',
    files: {
      added: [{ path: 'notes.txt', size: 12, sha256: 'c'.repeat(64) }],
      removed: [],
      changed: [
        {
          path: 'model.onnx',
          before: { path: 'model.onnx', size: 2000, sha256: 'a'.repeat(64) },
          after: { path: 'model.onnx', size: 3000, sha256: 'b'.repeat(64) },
        },
      ],
      unchanged: 1,
    },
    facts: [{ fact: 'parameters', before: 544, after: 816 }],
    license: { before: 'mit', after: 'apache-2.0' },
    newFindings: [finding('README.md', 'warning', 'license_mismatch')],
    benchmarks: [{ file: 'model.onnx', executionProvider: 'cpu', hardware: 'EPYC × 16', baseP50Ms: 2, headP50Ms: 1, speedup: 2 }],
  },
};

describe('review evidence', () => {
  it('shows a failed and a cancelled run with the error and inputs, never "none yet"', () => {
    const shown = text(createElement(ReviewEvidence, { evidence: EVIDENCE }));
    expect(shown).toContain('failed model.onnx on cpu');
    expect(shown).toContain('model_error: Unexpected input data type');
    expect(shown).toContain('x int64 [1*, 16] random');
    expect(shown).toContain('Requested by Ada Publisher');
    expect(shown).toContain('cancelled model.onnx');
    expect(shown).toContain('Requested by automatic');
    expect(shown).not.toContain('none yet');
  });

  it('shows the card, the findings by severity and the contributors by name', () => {
    const shown = text(createElement(ReviewEvidence, { evidence: EVIDENCE }));
    expect(shown).toContain('declares apache-2.0');
    expect(shown).toContain('license_mismatch');
    expect(shown).toContain('1 warning');
    expect(shown).toContain('1 info');
    expect(shown).toContain('Ada Publisher publisher created, uploaded, submitted');
    expect(shown).not.toContain('key:1 ');
  });

  it('shows what changed since the previous approved version', () => {
    const shown = text(createElement(ReviewEvidence, { evidence: EVIDENCE }));
    expect(shown).toContain('Changes since 1.0');
    expect(shown).toContain('1 changed, 1 added, 0 removed, 1 unchanged');
    expect(shown).toContain(`changed model.onnx 2.00 kB → 3.00 kB ${'a'.repeat(12)} → ${'b'.repeat(12)}`);
    expect(shown).toContain('added notes.txt 12 B');
    expect(shown).toContain('parameters 544 816');
    expect(shown).toContain('License changed: mit → apache-2.0');
    expect(shown).toContain('p50 2.00 ms → 1.00 ms 2.00× faster');
  });

  it('reads evidence recorded before runs, findings, contributors and diffs were kept', () => {
    const shown = text(createElement(ReviewEvidence, { evidence: OLD_EVIDENCE }));
    expect(shown).toContain('0 succeeded runs');
    expect(shown).toContain('1 critical');
    expect(shown).toContain('model.bin: imports os.system');
    expect(shown).toContain('this review predates comparing versions');
    expect(shown).not.toContain('Contributors');
    expect(text(createElement(ReviewEvidence, { evidence: { ...EVIDENCE, diff: null } }))).toContain('no approved version to compare');
  });

  it('words fact values and speedups for people', () => {
    expect(formatFactValue('parameters', 6_738_415_616)).toBe('6.7B (6,738,415,616)');
    expect(formatFactValue('parameters', 816)).toBe('816');
    expect(formatFactValue('architecture', null)).toBe('none');
    expect(formatFactValue('formats', ['onnx', 'safetensors'])).toBe('onnx, safetensors');
    expect(formatFactValue('onnx model.onnx inputs', [{ name: 'x', dtype: 'float32', shape: ['batch', 16] }])).toBe(
      'x float32 [batch, 16]',
    );
    expect(formatFactValue('parametersByDtype', { float32: 1000 })).toBe('float32: 1,000');
    expect(formatFactValue('remoteCode', true)).toBe('yes');
    expect(speedupText(1.25)).toBe('1.25× faster');
    expect(speedupText(0.5)).toBe('2.00× slower');
    expect(speedupText(1.001)).toBe('about the same');
    expect(speedupText(0)).toBe('not comparable');
    expect(findingsBySeverity(EVIDENCE)).toBe(EVIDENCE.findings);
  });
});

describe('a version that may no longer be used', () => {
  const version: VersionSummary = {
    version: '1.0',
    commitSha: null,
    status: 'revoked',
    license: null,
    facts: {},
    parameters: null,
    scannedAt: null,
    downloadable: false,
    statusReason: 'trained on data we may not use',
    statusChangedAt: '2026-01-02T03:04:05.000Z',
    statusChangedBy: 'key:2',
    statusChangedByName: 'Rita Reviewer',
    createdBy: 'key:1',
    createdByName: 'Ada Publisher',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T03:04:05.000Z',
  };

  it('says who revoked it, why, and that it cannot be downloaded', () => {
    const shown = text(createElement(VersionStatusNotice, { version }));
    expect(shown).toContain('Revoked');
    expect(shown).toContain('by Rita Reviewer');
    expect(shown).toContain('trained on data we may not use');
    expect(shown).toContain('can no longer be downloaded');
    expect(text(createElement(VersionStatusNotice, { version: { ...version, status: 'deprecated', downloadable: true } }))).toContain(
      'can still be downloaded',
    );
    expect(renderToStaticMarkup(createElement(VersionStatusNotice, { version: { ...version, status: 'approved' } }))).toBe('');
  });
});
