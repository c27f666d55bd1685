/**
 * The open-weight licenses Vetted knows on a fresh install, keyed by their Hugging Face
 * `license:` tag. Facts come from each license's own text (its `url`); uncertain points are `unknown`, never
 * guessed. Admins can edit the stored copies; seeding never overwrites an existing row.
 */
export type CommercialUse = 'yes' | 'no' | 'conditional' | 'unknown';

export type OutputTraining = 'allowed' | 'prohibited' | 'with_obligations' | 'derivative' | 'unknown';

export interface LicenseTerms {
  commercialUse: CommercialUse;
  /** One line on what the commercial verdict depends on. */
  summary: string;
  /** The Hub shows the model only after accepting the license. */
  gated: boolean;
  /** Duties that always apply (notices, attribution, naming). */
  obligations?: string[];
  /** Above this many monthly active users a separate license is needed; how it is measured. */
  userThreshold?: { monthlyActiveUsers: number; measured: string };
  /** At or above this annual revenue (USD) a separate license is needed; how it is measured. */
  revenueThreshold?: { annualRevenueUsd: number; measured: string };
  /** Training other models on the model's outputs. */
  outputTraining?: OutputTraining;
  outputTrainingNote?: string;
  /** What must be passed on to anyone receiving the model or a derivative (hosted services included when hostingIsDistribution). */
  flowDown?: string;
  hostingIsDistribution?: boolean;
  /** Adaptations must be shared under the same license. */
  shareAlike?: boolean;
  /** No grant to EU-domiciled individuals or EU-headquartered companies for multimodal models. */
  euMultimodalExclusion?: boolean;
  /** A use policy the licensee must follow, as a noun phrase ("the …", "Meta's …"): the checker says "follow …". */
  usePolicy?: string;
}

export interface CatalogLicense {
  id: string;
  spdxId: string | null;
  name: string;
  url: string | null;
  terms: LicenseTerms;
}

const open = (summary: string): LicenseTerms => ({ commercialUse: 'yes', summary, gated: false });
const nonCommercial = (summary: string, gated = false): LicenseTerms => ({ commercialUse: 'no', summary, gated });
const conditional = (summary: string, gated = true): LicenseTerms => ({ commercialUse: 'conditional', summary, gated });
const llama = (version: string, releaseDate: string): string =>
  `Commercial use allowed unless the licensee (with affiliates) had over 700M monthly active users on ${releaseDate}, the Llama ${version} release date; acceptable use policy applies.`;

const BASE_CATALOG: readonly CatalogLicense[] = [
  {
    id: 'apache-2.0',
    spdxId: 'Apache-2.0',
    name: 'Apache License 2.0',
    url: 'https://www.apache.org/licenses/LICENSE-2.0',
    terms: open('Permissive; keep the license and NOTICE, mark changed files.'),
  },
  {
    id: 'mit',
    spdxId: 'MIT',
    name: 'MIT License',
    url: 'https://opensource.org/license/mit',
    terms: open('Permissive; keep the copyright notice.'),
  },
  {
    id: 'bsd-3-clause',
    spdxId: 'BSD-3-Clause',
    name: 'BSD 3-Clause License',
    url: 'https://opensource.org/license/bsd-3-clause',
    terms: open('Permissive; keep the notice, no endorsement.'),
  },
  {
    id: 'cc-by-4.0',
    spdxId: 'CC-BY-4.0',
    name: 'Creative Commons Attribution 4.0',
    url: 'https://creativecommons.org/licenses/by/4.0/',
    terms: open('Credit, link the license, state changes.'),
  },
  {
    id: 'cc-by-sa-4.0',
    spdxId: 'CC-BY-SA-4.0',
    name: 'Creative Commons Attribution-ShareAlike 4.0',
    url: 'https://creativecommons.org/licenses/by-sa/4.0/',
    terms: open('Attribution; adaptations under the same license.'),
  },
  {
    id: 'cc-by-nc-4.0',
    spdxId: 'CC-BY-NC-4.0',
    name: 'Creative Commons Attribution-NonCommercial 4.0',
    url: 'https://creativecommons.org/licenses/by-nc/4.0/',
    terms: nonCommercial('No use primarily intended for commercial advantage or monetary compensation.'),
  },
  {
    id: 'cc-by-nc-sa-4.0',
    spdxId: 'CC-BY-NC-SA-4.0',
    name: 'Creative Commons Attribution-NonCommercial-ShareAlike 4.0',
    url: 'https://creativecommons.org/licenses/by-nc-sa/4.0/',
    terms: nonCommercial(
      'No use primarily intended for commercial advantage or monetary compensation; adaptations under the same license.',
    ),
  },
  {
    id: 'cc-by-nc-nd-4.0',
    spdxId: 'CC-BY-NC-ND-4.0',
    name: 'Creative Commons Attribution-NonCommercial-NoDerivatives 4.0',
    url: 'https://creativecommons.org/licenses/by-nc-nd/4.0/',
    terms: nonCommercial('No use primarily intended for commercial advantage or monetary compensation; adaptations may not be shared.'),
  },
  {
    id: 'gpl-3.0',
    spdxId: 'GPL-3.0-only',
    name: 'GNU General Public License v3.0',
    url: 'https://www.gnu.org/licenses/gpl-3.0.html',
    terms: open('Copyleft; what "source" means for weights is unsettled.'),
  },
  {
    id: 'agpl-3.0',
    spdxId: 'AGPL-3.0-only',
    name: 'GNU Affero General Public License v3.0',
    url: 'https://www.gnu.org/licenses/agpl-3.0.html',
    terms: open('Copyleft; network use counts as distribution.'),
  },
  {
    id: 'lgpl-3.0',
    spdxId: 'LGPL-3.0-only',
    name: 'GNU Lesser General Public License v3.0',
    url: 'https://www.gnu.org/licenses/lgpl-3.0.html',
    terms: open('Weak copyleft.'),
  },
  { id: 'unlicense', spdxId: 'Unlicense', name: 'The Unlicense', url: 'https://unlicense.org/', terms: open('Public domain dedication.') },
  {
    id: 'cc0-1.0',
    spdxId: 'CC0-1.0',
    name: 'Creative Commons Zero 1.0',
    url: 'https://creativecommons.org/publicdomain/zero/1.0/',
    terms: open('Public domain dedication.'),
  },
  {
    id: 'openrail',
    spdxId: null,
    name: 'Open RAIL',
    url: 'https://huggingface.co/blog/open_rail',
    terms: open('Use restrictions flow down to every downstream license, hosted services included.'),
  },
  {
    id: 'bigscience-openrail-m',
    spdxId: null,
    name: 'BigScience OpenRAIL-M',
    url: 'https://www.licenses.ai/blog/2022/8/26/bigscience-open-rail-m-license',
    terms: open('Use restrictions flow down; output-trained models inherit them.'),
  },
  {
    id: 'bigcode-openrail-m',
    spdxId: null,
    name: 'BigCode OpenRAIL-M',
    url: 'https://www.bigcode-project.org/docs/pages/bigcode-openrail/',
    terms: open('Use restrictions flow down; output-trained models inherit them.'),
  },
  {
    id: 'creativeml-openrail-m',
    spdxId: null,
    name: 'CreativeML OpenRAIL-M',
    url: 'https://huggingface.co/spaces/CompVis/stable-diffusion-license',
    terms: open('11 prohibited uses flow down; use the latest version where reasonable.'),
  },
  {
    id: 'openrail++',
    spdxId: null,
    name: 'CreativeML OpenRAIL++-M',
    url: 'https://huggingface.co/stabilityai/stable-diffusion-2/blob/main/LICENSE-MODEL',
    terms: open('Prohibited uses flow down.'),
  },
  {
    id: 'bigscience-bloom-rail-1.0',
    spdxId: null,
    name: 'BigScience BLOOM RAIL 1.0',
    url: 'https://huggingface.co/spaces/bigscience/license',
    terms: open('Use restrictions flow down.'),
  },
  {
    id: 'llama2',
    spdxId: null,
    name: 'Llama 2 Community License',
    url: 'https://ai.meta.com/llama/license/',
    terms: conditional(`${llama('2', '2023-07-18')} No training other LLMs on outputs.`),
  },
  {
    id: 'llama3',
    spdxId: null,
    name: 'Meta Llama 3 Community License',
    url: 'https://www.llama.com/llama3/license/',
    terms: conditional(`${llama('3', '2024-04-18')} "Built with Meta Llama 3"; no training other LLMs on outputs.`),
  },
  {
    id: 'llama3.1',
    spdxId: null,
    name: 'Llama 3.1 Community License',
    url: 'https://www.llama.com/llama3_1/license/',
    terms: conditional(`${llama('3.1', '2024-07-23')} "Built with Llama"; derived names start with "Llama".`),
  },
  {
    id: 'llama3.2',
    spdxId: null,
    name: 'Llama 3.2 Community License',
    url: 'https://www.llama.com/llama3_2/license/',
    terms: conditional(
      `${llama('3.2', '2024-09-25')} Multimodal models: no grant to EU-domiciled individuals or EU-headquartered companies.`,
    ),
  },
  {
    id: 'llama3.3',
    spdxId: null,
    name: 'Llama 3.3 Community License',
    url: 'https://www.llama.com/llama3_3/license/',
    terms: conditional(llama('3.3', '2024-12-06')),
  },
  {
    id: 'llama4',
    spdxId: null,
    name: 'Llama 4 Community License',
    url: 'https://www.llama.com/llama4/license/',
    terms: conditional('Commercial use allowed below 700M monthly active users; acceptable use policy with an EU clause.'),
  },
  {
    id: 'gemma',
    spdxId: null,
    name: 'Gemma Terms of Use',
    url: 'https://ai.google.dev/gemma/terms',
    terms: {
      commercialUse: 'yes',
      summary: 'Commercial use allowed; the Prohibited Use Policy flows down, hosting counts as distribution.',
      gated: true,
    },
  },
  {
    id: 'mrl',
    spdxId: null,
    name: 'Mistral AI Research License',
    url: 'https://mistral.ai/licenses/MRL-0.1.md',
    terms: nonCommercial('Research, personal and academic use only.', true),
  },
  {
    id: 'mnpl',
    spdxId: null,
    name: 'Mistral AI Non-Production License',
    url: 'https://mistral.ai/licenses/MNPL-0.1.md',
    terms: nonCommercial('Testing and evaluation only, non-production.', true),
  },
  {
    id: 'tongyi-qianwen',
    spdxId: null,
    name: 'Tongyi Qianwen License',
    url: 'https://github.com/QwenLM/Qwen/blob/main/Tongyi%20Qianwen%20LICENSE%20AGREEMENT',
    terms: conditional('Over 100M monthly active users needs a license from Alibaba; no training other models on outputs.', false),
  },
  {
    id: 'qwen',
    spdxId: null,
    name: 'Qwen License',
    url: 'https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE',
    terms: conditional('Over 100M monthly active users (ongoing) needs a license from Alibaba.', false),
  },
  {
    id: 'qwen-research',
    spdxId: null,
    name: 'Qwen Research License',
    url: 'https://huggingface.co/Qwen/Qwen2.5-3B/blob/main/LICENSE',
    terms: nonCommercial('Research and evaluation only.'),
  },
  {
    id: 'deepseek',
    spdxId: null,
    name: 'DeepSeek License v1.0',
    url: 'https://github.com/deepseek-ai/DeepSeek-V3/blob/main/LICENSE-MODEL',
    terms: open('Use restrictions (including any military use) flow down, SaaS included.'),
  },
  {
    id: 'falcon-llm-license',
    spdxId: null,
    name: 'TII Falcon License 2.0',
    url: 'https://falconllm.tii.ae/falcon-terms-and-conditions.html',
    terms: open('Apache-based; acceptable use policy may be updated.'),
  },
  {
    id: 'stabilityai-ai-community',
    spdxId: null,
    name: 'Stability AI Community License',
    url: 'https://stability.ai/community-license-agreement',
    terms: conditional(
      'Commercial use allowed below US$1M annual revenue from any source, affiliates included; above needs an enterprise license.',
    ),
  },
  {
    id: 'sai-nc-community',
    spdxId: null,
    name: 'Stability AI Non-Commercial Research Community License',
    url: 'https://stability.ai/license',
    terms: nonCommercial('Research only; no hosting for third parties.', true),
  },
  {
    id: 'nvidia-open-model-license',
    spdxId: null,
    name: 'NVIDIA Open Model License',
    url: 'https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-open-model-license/',
    terms: open('Commercial use allowed; the license ends if built-in guardrails are bypassed.'),
  },
  {
    id: 'microsoft-research-license',
    spdxId: null,
    name: 'Microsoft Research License',
    url: null,
    terms: nonCommercial('Research, teaching and demos only.'),
  },
  {
    id: 'other',
    spdxId: null,
    name: 'Other (see the model card)',
    url: null,
    terms: { commercialUse: 'unknown', summary: 'A license the catalog does not know: needs review.', gated: false },
  },
  {
    id: 'unknown',
    spdxId: null,
    name: 'Unknown license',
    url: null,
    terms: { commercialUse: 'unknown', summary: 'No license declared: needs review.', gated: false },
  },
];

const LLAMA_AUP = "Meta's Acceptable Use Policy";
/** `releaseDate` as the threshold is measured on it, e.g. "2023-07-18, the Llama 2 release date". */
const llamaTerms = (releaseDate: string, extra: Partial<LicenseTerms>): Partial<LicenseTerms> => ({
  userThreshold: { monthlyActiveUsers: 700_000_000, measured: `licensee and affiliates, on ${releaseDate}` },
  usePolicy: LLAMA_AUP,
  flowDown: 'give recipients a copy of the license, also when the model ships inside a product or service',
  ...extra,
});
const llama31Output = {
  outputTraining: 'with_obligations' as const,
  outputTrainingNote: 'a model trained on the outputs and distributed must carry the "Llama" name prefix',
};
const rail = (extra: Partial<LicenseTerms> = {}): Partial<LicenseTerms> => ({
  obligations: ['include the license and notices', 'mark changed files'],
  flowDown: 'pass the use restrictions into every downstream license',
  hostingIsDistribution: true,
  outputTraining: 'derivative',
  outputTrainingNote: 'models trained on the outputs are derivatives and inherit the use restrictions',
  usePolicy: 'the attached list of prohibited uses',
  ...extra,
});
const cc = (extra: Partial<LicenseTerms> = {}): Partial<LicenseTerms> => ({
  obligations: ['credit the creator', 'link the license', 'state changes'],
  outputTraining: 'unknown',
  outputTrainingNote: 'the license does not address it',
  ...extra,
});

/** Structured terms read from each license's text; anything uncertain stays `unknown`. */
const STRUCTURED_TERMS: Record<string, Partial<LicenseTerms>> = {
  'apache-2.0': { obligations: ['include the license and the NOTICE file', 'mark changed files'], outputTraining: 'allowed' },
  mit: { obligations: ['keep the copyright and license notice'], outputTraining: 'allowed' },
  'bsd-3-clause': { obligations: ['keep the notice', "no endorsement using the authors' names"], outputTraining: 'allowed' },
  'cc-by-4.0': cc(),
  'cc-by-sa-4.0': cc({ shareAlike: true }),
  'cc-by-nc-4.0': cc(),
  'cc-by-nc-sa-4.0': cc({ shareAlike: true }),
  'cc-by-nc-nd-4.0': cc({ flowDown: 'adaptations may not be shared (whether a fine-tune counts is uncertain)' }),
  'gpl-3.0': { obligations: ['keep the notices'], shareAlike: true, outputTraining: 'unknown' },
  'agpl-3.0': { obligations: ['keep the notices'], shareAlike: true, hostingIsDistribution: true, outputTraining: 'unknown' },
  'lgpl-3.0': { obligations: ['keep the notices'], shareAlike: true, outputTraining: 'unknown' },
  unlicense: { outputTraining: 'allowed' },
  'cc0-1.0': { outputTraining: 'allowed' },
  openrail: rail(),
  'bigscience-openrail-m': rail(),
  'bigcode-openrail-m': rail(),
  'creativeml-openrail-m': rail({
    flowDown: 'pass the use restrictions into every downstream license; use the latest version where reasonable',
  }),
  'openrail++': rail(),
  'bigscience-bloom-rail-1.0': rail({ outputTraining: 'unknown' }),
  llama2: llamaTerms('2023-07-18, the Llama 2 release date', {
    obligations: ['include the notice file'],
    outputTraining: 'prohibited',
    outputTrainingNote: 'no using outputs to improve other large language models',
  }),
  llama3: llamaTerms('2024-04-18, the Llama 3 release date', {
    obligations: ['display "Built with Meta Llama 3"', 'names of derived models start with "Llama 3"'],
    outputTraining: 'prohibited',
    outputTrainingNote: 'no using outputs to improve other large language models',
  }),
  'llama3.1': llamaTerms('2024-07-23, the Llama 3.1 release date', {
    obligations: ['display "Built with Llama"', 'names of derived models start with "Llama"'],
    ...llama31Output,
  }),
  'llama3.2': llamaTerms('2024-09-25, the Llama 3.2 release date', {
    obligations: ['display "Built with Llama"', 'names of derived models start with "Llama"'],
    euMultimodalExclusion: true,
    ...llama31Output,
  }),
  'llama3.3': llamaTerms('2024-12-06, the Llama 3.3 release date', {
    obligations: ['display "Built with Llama"', 'names of derived models start with "Llama"'],
    ...llama31Output,
  }),
  llama4: llamaTerms('the Llama 4 release date', {
    obligations: ['display "Built with Llama"', 'names of derived models start with "Llama"'],
    euMultimodalExclusion: true,
    ...llama31Output,
  }),
  gemma: {
    obligations: ['include the notice file', 'mark modified files'],
    flowDown: 'pass the use restrictions on in your own terms',
    hostingIsDistribution: true,
    usePolicy: "Google's Prohibited Use Policy (which Google may update)",
    outputTraining: 'derivative',
    outputTrainingNote: 'models distilled to behave like Gemma are derivatives bound by the terms',
  },
  mrl: {
    obligations: ['state "Licensed by Mistral AI under the Mistral AI Research License"'],
    outputTraining: 'prohibited',
    outputTrainingNote: 'outputs are research-only too',
  },
  mnpl: { outputTraining: 'unknown' },
  'tongyi-qianwen': {
    userThreshold: { monthlyActiveUsers: 100_000_000, measured: 'ongoing' },
    obligations: ['include the notice', 'mark changes'],
    outputTraining: 'prohibited',
  },
  qwen: {
    userThreshold: { monthlyActiveUsers: 100_000_000, measured: 'ongoing' },
    obligations: ['include the notice'],
    outputTraining: 'with_obligations',
    outputTrainingNote: 'display "Built with Qwen" or "Improved using Qwen" (uncertain: check the license)',
  },
  'qwen-research': { outputTraining: 'unknown' },
  deepseek: {
    obligations: ['include the notices', 'mark changes'],
    flowDown: 'pass the use restrictions on, SaaS included',
    hostingIsDistribution: true,
    usePolicy: 'the prohibited uses, including any military use',
    outputTraining: 'derivative',
    outputTrainingNote: 'distilled models are derivatives and inherit the restrictions',
  },
  'falcon-llm-license': { usePolicy: "TII's acceptable use policy (which TII may update)", outputTraining: 'unknown' },
  'stabilityai-ai-community': {
    revenueThreshold: { annualRevenueUsd: 1_000_000, measured: 'at any time, revenue from any source, affiliates included' },
    obligations: ['include the notice', 'display "Powered by Stability AI"'],
    usePolicy: "Stability AI's acceptable use policy",
    outputTraining: 'prohibited',
    outputTrainingNote: 'no creating or improving foundational generative models',
  },
  'sai-nc-community': { obligations: ['include the notice', 'state changes'], outputTraining: 'prohibited' },
  'nvidia-open-model-license': {
    obligations: [
      'state "Licensed by NVIDIA Corporation under the NVIDIA Open Model License"',
      'do not bypass the built-in guardrails (the license ends if they are)',
    ],
    outputTraining: 'allowed',
  },
  'microsoft-research-license': { obligations: ['keep the notices'], outputTraining: 'unknown' },
};

export const LICENSE_CATALOG: readonly CatalogLicense[] = BASE_CATALOG.map((license) => ({
  ...license,
  terms: { outputTraining: 'unknown', ...license.terms, ...STRUCTURED_TERMS[license.id] },
}));
