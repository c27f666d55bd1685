import { describe, expect, it } from 'vitest';
import { checkTerms, type IntendedUse, LICENSE_CATALOG } from '@vetted/licenses';

const license = (id: string) => {
  const found = LICENSE_CATALOG.find((l) => l.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
};
const use = (overrides: Partial<IntendedUse> = {}): IntendedUse => ({
  commercial: true,
  distribution: 'internal',
  modifications: false,
  trainOtherModelsOnOutputs: false,
  ...overrides,
});

describe('checkTerms: the examples the catalog must get right', () => {
  it.each([
    ['llama3.1', { monthlyActiveUsers: 800_000_000 }, 'not_allowed', 'user threshold'],
    ['llama3', { trainOtherModelsOnOutputs: true, monthlyActiveUsers: 1000 }, 'not_allowed', 'training on outputs'],
    ['gemma', { distribution: 'hosted-service' }, 'allowed_with_obligations', undefined],
    ['cc-by-nc-4.0', {}, 'not_allowed', 'commercial use'],
    ['apache-2.0', {}, 'allowed_with_obligations', undefined],
    ['stabilityai-ai-community', { annualRevenueUsd: 1_000_000 }, 'not_allowed', 'revenue threshold'],
    ['llama3.2', { region: 'DE', multimodal: true, monthlyActiveUsers: 10 }, 'not_allowed', 'geographic exclusion'],
    ['other', {}, 'needs_review', 'commercial use'],
    ['unknown', { commercial: false }, 'needs_review', 'commercial use'],
  ] as const)('%s with %j → %s', (id, overrides, verdict, term) => {
    const result = checkTerms(license(id), use(overrides));
    expect(result.verdict).toBe(verdict);
    if (term) expect(result.reasons.map((r) => r.term)).toContain(term);
    expect(result.disclaimer).toContain('not legal advice');
  });

  it('Llama 3.1 allows training on outputs with the naming duty, unlike Llama 3', () => {
    const result = checkTerms(license('llama3.1'), use({ trainOtherModelsOnOutputs: true, monthlyActiveUsers: 1000 }));
    expect(result.verdict).toBe('allowed_with_obligations');
    expect(result.obligations.join(' ')).toContain('"Llama" name prefix');
  });

  it('names the duties that make Apache-2.0 and Gemma "with obligations"', () => {
    expect(checkTerms(license('apache-2.0'), use()).obligations).toContain('include the license and the NOTICE file');
    const gemma = checkTerms(license('gemma'), use({ distribution: 'hosted-service' })).obligations;
    expect(gemma).toContain('pass the use restrictions on in your own terms');
    expect(gemma).toContain('hosting it for others counts as distribution under this license');
  });

  it('asks for the facts a threshold needs instead of assuming them', () => {
    const result = checkTerms(license('llama3.1'), use());
    expect(result.verdict).toBe('allowed_with_obligations');
    expect(result.obligations.some((o) => o.includes('700,000,000 monthly active users') && o.includes('2024-07-23'))).toBe(true);
    expect(checkTerms(license('llama3.2'), use({ region: 'FR', monthlyActiveUsers: 1 })).verdict).toBe('needs_review');
  });

  it('never answers allowed where the terms are uncertain', () => {
    for (const entry of LICENSE_CATALOG.filter((l) => l.terms.commercialUse === 'unknown')) {
      expect(checkTerms(entry, use({ commercial: false })).verdict).toBe('needs_review');
    }
    expect(checkTerms(license('cc-by-4.0'), use({ trainOtherModelsOnOutputs: true })).verdict).toBe('needs_review');
  });
});
