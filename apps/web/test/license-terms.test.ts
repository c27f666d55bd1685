import { describe, expect, it } from 'vitest';
import { obligationsOf, termLines } from '../src/model/license-terms';

describe('license terms in words', () => {
  it('lists thresholds, output training, flow-down and restrictions in reading order', () => {
    const lines = termLines({
      commercialUse: 'conditional',
      summary: 'Llama-style',
      gated: true,
      userThreshold: { monthlyActiveUsers: 700_000_000, measured: 'on the release date' },
      revenueThreshold: { annualRevenueUsd: 1_000_000 },
      outputTraining: 'derivative',
      outputTrainingNote: 'Name it "Llama …".',
      flowDown: 'Include the license.',
      hostingIsDistribution: true,
      shareAlike: true,
      euMultimodalExclusion: true,
      usePolicy: 'Acceptable use policy.',
    });
    expect(lines.map((line) => line.term)).toEqual([
      'User threshold',
      'Revenue threshold',
      'Training other models on outputs',
      'Pass on to recipients',
      'Share-alike',
      'EU exclusion',
      'Use policy',
    ]);
    expect(lines[0]!.text).toBe('Above 700,000,000 monthly active users a separate license is needed (on the release date).');
    expect(lines[1]!.text).toBe('At or above US$1,000,000 annual revenue a separate license is needed.');
    expect(lines[2]!.text).toBe('The trained model counts as a derivative: Name it "Llama …".');
    expect(lines[3]!.text).toContain('Hosting the model as a service counts as distribution.');
  });

  it('says nothing about terms a license does not have', () => {
    const terms = { commercialUse: 'yes' as const, summary: 'Permissive', gated: false, obligations: ['Keep the NOTICE', 7] };
    expect(termLines(terms)).toEqual([]);
    expect(obligationsOf(terms)).toEqual(['Keep the NOTICE']);
  });
});
