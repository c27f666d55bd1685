import type { ByteSource } from './byte-source.js';
import { chatTemplateFindings, type ConfigFacts, configFactsFromValue, remoteCodeFindings } from './config-json.js';
import type { Finding, Inspection } from './finding.js';
import { type JsonLimits, readJson } from './json-parse.js';

export type JsonFileFacts = {
  bytes: number;
  /** Only for a `config.json`. */
  config?: ConfigFacts;
  remoteCode: boolean;
  chatTemplate: boolean;
};

/**
 * Any JSON file of a repository (config.json, tokenizer.json, tokenizer_config.json, generation_config.json,
 * index files…): bounded parse, then what it says that a reviewer must know. Throws FormatError when it is not
 * JSON within the limits.
 */
export async function inspectJsonFile(source: ByteSource, path: string, limits?: JsonLimits): Promise<Inspection<JsonFileFacts>> {
  const { value, duplicateKeys } = await readJson(source, limits);
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  const remoteCode = remoteCodeFindings(fileName, value);
  const chatTemplate = chatTemplateFindings(fileName, value);
  const findings: Finding[] = [...remoteCode, ...chatTemplate];
  if (duplicateKeys.length > 0) {
    findings.push({
      severity: 'warning',
      code: 'json_duplicate_key',
      message: `${fileName} repeats keys in one object: readers disagree on which value counts`,
      evidence: { file: fileName, keys: duplicateKeys },
    });
  }
  const facts: JsonFileFacts = { bytes: source.size, remoteCode: remoteCode.length > 0, chatTemplate: chatTemplate.length > 0 };
  if (fileName === 'config.json') facts.config = configFactsFromValue(value);
  return { facts, findings };
}
