import type { License } from '../api/api-types';

/** A term worth a line in the license panel: what it is called and what it says. */
export interface TermLine {
  term: string;
  text: string;
}

type Terms = License['terms'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The catalog writes terms as phrases ("give recipients a copy…"); the panel shows them as sentences. */
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const sentence = (text: string): string => (/[.!?]$/.test(text) ? text : `${text}.`);

const OUTPUT_TRAINING: Record<string, string> = {
  allowed: 'Allowed',
  prohibited: 'Prohibited',
  with_obligations: 'Allowed with obligations',
  derivative: 'The trained model counts as a derivative',
  unknown: 'Not known',
};

/** The structured terms beyond the commercial verdict, in reading order; absent terms are left out. */
export function termLines(terms: Terms): TermLine[] {
  const lines: TermLine[] = [];
  const { userThreshold, revenueThreshold } = terms;
  if (isObject(userThreshold) && typeof userThreshold.monthlyActiveUsers === 'number') {
    lines.push({
      term: 'User threshold',
      text: `Above ${userThreshold.monthlyActiveUsers.toLocaleString('en')} monthly active users a separate license is needed${typeof userThreshold.measured === 'string' ? ` (${userThreshold.measured})` : ''}.`,
    });
  }
  if (isObject(revenueThreshold) && typeof revenueThreshold.annualRevenueUsd === 'number') {
    lines.push({
      term: 'Revenue threshold',
      text: `At or above US$${revenueThreshold.annualRevenueUsd.toLocaleString('en')} annual revenue a separate license is needed${typeof revenueThreshold.measured === 'string' ? ` (${revenueThreshold.measured})` : ''}.`,
    });
  }
  if (typeof terms.outputTraining === 'string') {
    const note = typeof terms.outputTrainingNote === 'string' ? `: ${terms.outputTrainingNote}` : '';
    lines.push({
      term: 'Training other models on outputs',
      text: sentence(`${OUTPUT_TRAINING[terms.outputTraining] ?? terms.outputTraining}${note}`),
    });
  }
  if (typeof terms.flowDown === 'string') {
    const hosting = terms.hostingIsDistribution === true ? ' Hosting the model as a service counts as distribution.' : '';
    lines.push({ term: 'Pass on to recipients', text: `${sentence(capitalised(terms.flowDown))}${hosting}` });
  }
  if (terms.shareAlike === true) lines.push({ term: 'Share-alike', text: 'Adaptations must be shared under the same license.' });
  if (terms.euMultimodalExclusion === true) {
    lines.push({ term: 'EU exclusion', text: 'No grant to EU-domiciled individuals or EU-headquartered companies for multimodal models.' });
  }
  if (typeof terms.usePolicy === 'string') lines.push({ term: 'Use policy', text: sentence(capitalised(terms.usePolicy)) });
  return lines;
}

export function obligationsOf(terms: Terms): string[] {
  return Array.isArray(terms.obligations) ? terms.obligations.filter((item): item is string => typeof item === 'string') : [];
}
