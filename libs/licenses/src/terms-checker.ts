import type { LicenseTerms } from './license-catalog.js';

export interface IntendedUse {
  commercial: boolean;
  monthlyActiveUsers?: number | undefined;
  annualRevenueUsd?: number | undefined;
  distribution: 'none' | 'internal' | 'external' | 'hosted-service';
  modifications: boolean;
  trainOtherModelsOnOutputs: boolean;
  /** ISO country or region code; `EU` or an EU member state matters for some licenses. */
  region?: string | undefined;
  /** The model takes images or audio as well as text (some licenses treat those differently). */
  multimodal?: boolean | undefined;
}

export type Verdict = 'allowed' | 'allowed_with_obligations' | 'needs_review' | 'not_allowed';

export interface Reason {
  term: string;
  explanation: string;
  source: string | null;
}

export interface CheckResult {
  license: string;
  verdict: Verdict;
  reasons: Reason[];
  obligations: string[];
  disclaimer: string;
}

export const DISCLAIMER =
  'Decision support from the recorded license terms, not legal advice: check the clause cited before relying on it.';

const EU = new Set([
  'EU',
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
]);

/**
 * May this use go ahead under this license? Anything the terms leave unknown gives needs_review,
 * never allowed. Verdicts rank not_allowed > needs_review > allowed_with_obligations > allowed.
 */
export function checkTerms(license: { id: string; url: string | null; terms: LicenseTerms }, use: IntendedUse): CheckResult {
  const { terms } = license;
  const blocked: Reason[] = [];
  const unclear: Reason[] = [];
  const obligations: string[] = [...(terms.obligations ?? [])];
  const reason = (term: string, explanation: string): Reason => ({ term, explanation, source: license.url });

  if (terms.commercialUse === 'unknown')
    unclear.push(reason('commercial use', "The catalog does not know this license's terms; a person must review them."));
  if (use.commercial && terms.commercialUse === 'no')
    blocked.push(reason('commercial use', `Not allowed under this license. ${terms.summary}`));

  const users = terms.userThreshold;
  if (users && use.commercial) {
    if (use.monthlyActiveUsers === undefined) {
      obligations.push(
        `stay at or below ${users.monthlyActiveUsers.toLocaleString('en-US')} monthly active users (measured: ${users.measured})`,
      );
    } else if (use.monthlyActiveUsers > users.monthlyActiveUsers) {
      blocked.push(
        reason(
          'user threshold',
          `Above ${users.monthlyActiveUsers.toLocaleString('en-US')} monthly active users (measured: ${users.measured}) a separate license from the licensor is needed.`,
        ),
      );
    }
  }
  const revenue = terms.revenueThreshold;
  if (revenue && use.commercial) {
    if (use.annualRevenueUsd === undefined) {
      obligations.push(`stay below US$${revenue.annualRevenueUsd.toLocaleString('en-US')} annual revenue (measured: ${revenue.measured})`);
    } else if (use.annualRevenueUsd >= revenue.annualRevenueUsd) {
      blocked.push(
        reason(
          'revenue threshold',
          `At US$${revenue.annualRevenueUsd.toLocaleString('en-US')} annual revenue or more (measured: ${revenue.measured}) an enterprise license is needed.`,
        ),
      );
    }
  }

  if (use.trainOtherModelsOnOutputs) {
    const note = terms.outputTrainingNote ? `: ${terms.outputTrainingNote}` : '';
    switch (terms.outputTraining ?? 'unknown') {
      case 'prohibited':
        blocked.push(reason('training on outputs', `Prohibited${note}.`));
        break;
      case 'with_obligations':
      case 'derivative':
        obligations.push(`training on outputs${note}`);
        break;
      case 'unknown':
        unclear.push(reason('training on outputs', `The recorded terms do not settle it${note}.`));
        break;
      case 'allowed':
        break;
    }
  }

  if (terms.euMultimodalExclusion && use.region && EU.has(use.region.toUpperCase())) {
    if (use.multimodal)
      blocked.push(
        reason(
          'geographic exclusion',
          'No grant for multimodal models to EU-domiciled individuals or EU-headquartered companies (end users of products are exempt).',
        ),
      );
    else if (use.multimodal === undefined)
      unclear.push(reason('geographic exclusion', 'Multimodal models are excluded in the EU: say whether this model is multimodal.'));
  }

  const distributes = use.distribution === 'external' || (use.distribution === 'hosted-service' && terms.hostingIsDistribution);
  if (terms.flowDown && distributes) obligations.push(terms.flowDown);
  if (use.distribution === 'hosted-service' && terms.hostingIsDistribution)
    obligations.push('hosting it for others counts as distribution under this license');
  if (terms.shareAlike && use.modifications && use.distribution !== 'none') obligations.push('share adaptations under the same license');
  if (terms.usePolicy) obligations.push(`follow ${terms.usePolicy}`);

  const verdict: Verdict =
    blocked.length > 0
      ? 'not_allowed'
      : unclear.length > 0
        ? 'needs_review'
        : obligations.length > 0
          ? 'allowed_with_obligations'
          : 'allowed';
  return { license: license.id, verdict, reasons: [...blocked, ...unclear], obligations, disclaimer: DISCLAIMER };
}
