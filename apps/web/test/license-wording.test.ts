import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { checkTerms, type IntendedUse, LICENSE_CATALOG } from '../../../libs/licenses/src/index';
import type { License } from '../src/api/api-types';
import { CheckResult } from '../src/model/check-result';
import { LicenseDetails } from '../src/model/license-details';
import { termLines } from '../src/model/license-terms';

/** The text of each paragraph, list item and definition the markup holds, entities decoded. */
function blocksOf(html: string): string[] {
  const decode = (text: string) =>
    text
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&#x27;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
  // The heading pairs a license's name with its id ("BSD 3-Clause License bsd-3-clause"): not prose.
  return [...html.matchAll(/<(p|li|dd|dt)\b([^>]*)>([\s\S]*?)<\/\1>/g)]
    .filter((match) => !match[2]!.includes('license-heading'))
    .map((match) => decode(match[3]!))
    .filter(Boolean);
}

const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9$]+/g) ?? [];

/** What a reader would trip over and a machine can see: each problem with the text it was found in. */
function wordingProblems(text: string): string[] {
  const problems: string[] = [];
  const doubled = /\b([a-z]+)\s+\1\b/i.exec(text);
  if (doubled) problems.push(`doubled word "${doubled[0]}"`);
  const seen = new Set<string>();
  const tokens = words(text);
  for (let index = 0; index + 3 <= tokens.length; index++) {
    const phrase = tokens.slice(index, index + 3).join(' ');
    if (seen.has(phrase)) problems.push(`repeated phrase "${phrase}"`);
    seen.add(phrase);
  }
  for (const [pattern, what] of [
    [/\s[,.;:!?)]/, 'space before punctuation'],
    [/[,;:]\s*[,.;:]/, 'punctuation after punctuation'],
    [/\.\.(?!\.)/, 'doubled full stop'],
    [/\)\)|\(\(|\(\s*\)/, 'nested or empty brackets'],
    [/(?<!e\.g|i\.e)[.!?]\s+[a-z]/, 'sentence starting in lower case'],
    [/\bfollow (?!the |an? |[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)*'s )/, '"follow" without a policy named after it'],
  ] as const) {
    if (pattern.test(text)) problems.push(what);
  }
  if ((text.match(/\(/g) ?? []).length !== (text.match(/\)/g) ?? []).length) problems.push('unbalanced brackets');
  if ((text.match(/"/g) ?? []).length % 2 !== 0) problems.push('unbalanced quotes');
  return problems.map((problem) => `${problem}: ${text}`);
}

const sentenceProblems = (text: string): string[] => (/[.!?]["')]?$/.test(text) ? [] : [`not a full sentence: ${text}`]);

const asLicense = (entry: (typeof LICENSE_CATALOG)[number]): License => ({
  ...entry,
  terms: { ...entry.terms },
  sourceUrl: null,
  reviewedAt: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
});

/** Intended uses that reach every branch of the checker. */
function* intendedUses(): Generator<IntendedUse> {
  for (const commercial of [true, false])
    for (const distribution of ['none', 'internal', 'hosted-service', 'external'] as const)
      for (const trainOtherModelsOnOutputs of [false, true])
        for (const [monthlyActiveUsers, annualRevenueUsd] of [
          [undefined, undefined],
          [10, 10],
          [2_000_000_000, 5_000_000],
        ])
          for (const region of [undefined, 'DE'])
            yield {
              commercial,
              distribution,
              modifications: true,
              trainOtherModelsOnOutputs,
              monthlyActiveUsers,
              annualRevenueUsd,
              region,
            };
}

describe('the wording of every license in the catalog', () => {
  it('finds the mistakes it looks for', () => {
    expect(wordingProblems('Non-commercial use only: Non-commercial use only.')).toContainEqual(expect.stringContaining('repeated phrase'));
    expect(wordingProblems('follow keep the built-in guardrails')).toHaveLength(1);
    expect(wordingProblems('needed (on 2024-07-18 (the release date)).')).toEqual(
      expect.arrayContaining([expect.stringContaining('nested')]),
    );
    expect(wordingProblems("follow Meta's Acceptable Use Policy")).toEqual([]);
    expect(sentenceProblems('Not known: the license does not address training on outputs')).toHaveLength(1);
  });

  it('reads cleanly on the license tab', () => {
    const problems = LICENSE_CATALOG.flatMap((entry) => {
      const blocks = blocksOf(renderToStaticMarkup(createElement(LicenseDetails, { license: asLicense(entry) })));
      expect(blocks).toContain(entry.terms.summary);
      const sentences = [entry.terms.summary, ...termLines(asLicense(entry).terms).map((line) => line.text)];
      return [...blocks.flatMap(wordingProblems), ...sentences.flatMap(sentenceProblems)].map((problem) => `${entry.id}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it('reads cleanly in every verdict of the checker', () => {
    const problems = new Set<string>();
    for (const entry of LICENSE_CATALOG) {
      for (const use of intendedUses()) {
        const result = checkTerms(entry, use);
        const blocks = blocksOf(renderToStaticMarkup(createElement(CheckResult, { result })));
        for (const problem of blocks.flatMap(wordingProblems)) problems.add(`${entry.id}: ${problem}`);
        for (const reason of result.reasons)
          for (const problem of sentenceProblems(reason.explanation)) problems.add(`${entry.id}: ${problem}`);
        for (const obligation of result.obligations) {
          if (/\.$/.test(obligation)) problems.add(`${entry.id}: an obligation is a phrase, not a sentence: ${obligation}`);
        }
      }
    }
    expect([...problems]).toEqual([]);
  });

  it('shows what blocks a use that is not allowed, and no obligations with it', () => {
    const nonCommercial = LICENSE_CATALOG.find((entry) => entry.id === 'cc-by-nc-4.0')!;
    const result = checkTerms(nonCommercial, {
      commercial: true,
      distribution: 'external',
      modifications: false,
      trainOtherModelsOnOutputs: false,
    });
    expect(result.verdict).toBe('not_allowed');
    expect(result.obligations.length).toBeGreaterThan(0);
    const html = renderToStaticMarkup(createElement(CheckResult, { result }));
    expect(blocksOf(html).slice(0, 3)).toEqual([
      'Verdict: Not allowed (cc-by-nc-4.0)',
      'What stands in the way:',
      `commercial use: Not allowed under this license. ${nonCommercial.terms.summary} (source)`,
    ]);
    expect(html).not.toContain('Obligations');
    for (const obligation of result.obligations) expect(html).not.toContain(obligation);
  });
});
