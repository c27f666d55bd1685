import { parse } from 'yaml';

export const MODEL_CARD_MAX_BYTES = 1024 * 1024;

export interface ModelCard {
  readme: string;
  frontMatter: Record<string, unknown>;
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

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/**
 * Splits a README into its YAML front matter and text. Bounded: the card is capped in size and YAML
 * aliases are limited, so a hostile card cannot blow up memory; broken YAML gives empty front matter.
 */
export function parseModelCard(readme: string): ModelCard {
  const text = readme.length > MODEL_CARD_MAX_BYTES ? readme.slice(0, MODEL_CARD_MAX_BYTES) : readme;
  const match = text.match(FRONT_MATTER);
  if (!match) return { readme: text, frontMatter: {} };
  try {
    const parsed: unknown = parse(match[1]!, { maxAliasCount: 50, uniqueKeys: false });
    const frontMatter = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    return { readme: text, frontMatter };
  } catch {
    return { readme: text, frontMatter: {} };
  }
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
