import { parse } from 'yaml';

export const MODEL_CARD_MAX_BYTES = 1024 * 1024;

/** Front matter bigger or deeper than this is refused: the catalog reads a handful of keys from it. */
const MAX_FRONT_MATTER_NODES = 10_000;
const MAX_FRONT_MATTER_DEPTH = 32;

/** A problem with a card, for the reviewer: the card is kept (without what was wrong), never refused. Shaped like a scan finding. */
export interface CardFinding {
  severity: 'warning';
  /** `card_too_large`, `card_yaml_invalid`, `card_yaml_too_complex`, `card_invalid_characters`, `license_mismatch`. */
  code: string;
  message: string;
  evidence?: Record<string, unknown>;
}

export interface ModelCard {
  readme: string;
  frontMatter: Record<string, unknown>;
  findings: CardFinding[];
}

/** The keys of a card's YAML front matter that the catalog uses. */
export interface CardFields {
  license: string | undefined;
  licenseName: string | undefined;
  licenseLink: string | undefined;
  pipelineTag: string | undefined;
  libraryName: string | undefined;
  tags: string[];
  baseModel: string[];
  datasets: string[];
  language: string[];
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
/** What PostgreSQL cannot store in text or JSON: NUL and unpaired UTF-16 surrogates. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what must be found
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Splits a README into its YAML front matter and text. Bounded: at most MODEL_CARD_MAX_BYTES of text are
 * kept, YAML aliases and the front matter's size are limited, so a hostile card cannot blow up memory.
 * Whatever is wrong (too long, broken or too complex YAML, NUL characters) is a finding, never an error.
 * `fileBytes` is the README's full size when only its first bytes were read.
 */
export function parseModelCard(readme: string | Buffer, fileBytes?: number): ModelCard {
  const bytes = typeof readme === 'string' ? Buffer.from(readme, 'utf8') : readme;
  const findings: CardFinding[] = [];
  const size = Math.max(fileBytes ?? 0, bytes.length);
  let end = bytes.length;
  if (size > MODEL_CARD_MAX_BYTES) {
    end = utf8Boundary(bytes, MODEL_CARD_MAX_BYTES);
    findings.push({
      severity: 'warning',
      code: 'card_too_large',
      message: `README.md is ${size} bytes; the card keeps only its first ${end} bytes`,
      evidence: { bytes: size, kept: end },
    });
  }
  const decoded = bytes.subarray(0, end).toString('utf8');
  const text = decoded.replace(UNSTORABLE, '\uFFFD');
  if (text !== decoded) {
    findings.push({
      severity: 'warning',
      code: 'card_invalid_characters',
      message: 'README.md contains NUL or unpaired surrogate characters; the card shows them as �',
    });
  }
  const match = text.match(FRONT_MATTER);
  if (!match) return { readme: text, frontMatter: {}, findings };
  const frontMatter = readFrontMatter(match[1]!);
  if ('problem' in frontMatter) return { readme: text, frontMatter: {}, findings: [...findings, frontMatter.problem] };
  return { readme: text, frontMatter: frontMatter.value, findings };
}

function readFrontMatter(yaml: string): { value: Record<string, unknown> } | { problem: CardFinding } {
  let parsed: unknown;
  try {
    parsed = parse(yaml, { maxAliasCount: 50, uniqueKeys: false });
  } catch (error) {
    if (error instanceof ReferenceError) return { problem: tooComplex('it uses too many YAML aliases') };
    const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '').slice(0, 200) : String(error);
    return { problem: invalid(`it is not valid YAML (${reason})`) };
  }
  if (parsed === null || parsed === undefined) return { value: {} };
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return { problem: invalid('it is not a mapping of keys to values') };
  const complexity = complexityProblem(parsed);
  if (complexity) return { problem: tooComplex(complexity) };
  // Through JSON: what the column stores is what the reader gets (NaN → null, no undefined).
  return { value: storable(JSON.parse(JSON.stringify(parsed)) as Record<string, unknown>) };
}

const invalid = (reason: string): CardFinding => ({
  severity: 'warning',
  code: 'card_yaml_invalid',
  message: `The front matter of README.md was ignored: ${reason}`,
});

const tooComplex = (reason: string): CardFinding => ({
  severity: 'warning',
  code: 'card_yaml_too_complex',
  message: `The front matter of README.md was ignored: ${reason}`,
});

/** Counts nodes depth-first and stops early; an alias cycle shows up as too deep. */
function complexityProblem(root: object): string | undefined {
  let nodes = 0;
  const visit = (value: unknown, depth: number): string | undefined => {
    nodes += 1;
    if (nodes > MAX_FRONT_MATTER_NODES) return `it has more than ${MAX_FRONT_MATTER_NODES} values`;
    if (depth > MAX_FRONT_MATTER_DEPTH) return `it nests deeper than ${MAX_FRONT_MATTER_DEPTH} levels`;
    if (value === null || typeof value !== 'object') return undefined;
    for (const child of Array.isArray(value) ? value : Object.values(value)) {
      const problem = visit(child, depth + 1);
      if (problem) return problem;
    }
    return undefined;
  };
  return visit(root, 0);
}

/** YAML escapes (`"\0"`) can put into strings what PostgreSQL refuses to store. */
function storable<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [storable(key), storable(item)])) as T;
}

/** The largest cut at or before `limit` that does not split a UTF-8 character (the bytes may stop mid-character). */
function utf8Boundary(bytes: Buffer, limit: number): number {
  const end = Math.min(limit, bytes.length);
  let lead = end - 1;
  while (lead > Math.max(0, end - 4) && (bytes[lead]! & 0xc0) === 0x80) lead -= 1;
  if (lead < 0) return 0;
  const first = bytes[lead]!;
  const length = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return lead + length <= end ? end : lead;
}

export function cardFields(frontMatter: Record<string, unknown>): CardFields {
  const text = (key: string): string | undefined => (typeof frontMatter[key] === 'string' ? frontMatter[key] : undefined);
  const list = (key: string): string[] => {
    const value = frontMatter[key];
    const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return items.filter((item): item is string => typeof item === 'string');
  };
  return {
    license: text('license'),
    licenseName: text('license_name'),
    licenseLink: text('license_link'),
    pipelineTag: text('pipeline_tag'),
    libraryName: text('library_name'),
    tags: list('tags'),
    baseModel: list('base_model'),
    datasets: list('datasets'),
    language: list('language'),
  };
}
