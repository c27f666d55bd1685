import type { ByteSource } from './byte-source.js';
import { type Finding, FormatError, type Inspection } from './finding.js';
import { readJson } from './json-parse.js';
import { type TensorFacts, TensorTally, totalBytes } from './tensor-facts.js';

/** `model.safetensors.index.json`: which shard file holds each tensor of a sharded checkpoint. */
export interface SafetensorsIndex {
  /** Tensor name → shard file name, relative to the index's folder. */
  weightMap: Map<string, string>;
  /** The distinct shard names, in first-seen order. */
  shards: string[];
  /** `metadata.total_size`: the bytes of all tensors, when stated. */
  totalSize?: number;
}

/** One shard as its inspection saw it. */
export interface InspectedShard {
  path: string;
  facts: TensorFacts;
  tensorNames: string[];
}

export interface ShardSetInput {
  indexPath: string;
  index: SafetensorsIndex;
  /** Every file path of the version. */
  files: readonly string[];
  /** The shards that were inspected successfully (a failed inspection reports itself). */
  shards: readonly InspectedShard[];
}

export type ShardSetFacts = TensorFacts & { shardCount: number };

const MAX_LISTED_NAMES = 10;

export async function readSafetensorsIndex(source: ByteSource): Promise<SafetensorsIndex> {
  const { value, duplicateKeys } = await readJson(source);
  if (duplicateKeys.length > 0) {
    throw new FormatError('safetensors_index_duplicate_key', 'The index repeats a key: readers disagree on which one counts', {
      keys: duplicateKeys,
    });
  }
  return safetensorsIndexFromValue(value);
}

export function safetensorsIndexFromValue(value: unknown): SafetensorsIndex {
  const index = asObject(value);
  const weightMap = asObject(index?.weight_map);
  if (!index || !weightMap) throw new FormatError('safetensors_index_invalid', 'The index has no weight_map object');
  const map = new Map<string, string>();
  for (const [tensor, shard] of Object.entries(weightMap)) {
    if (typeof shard !== 'string' || !isPlainFileName(shard)) {
      throw new FormatError(
        'safetensors_index_bad_shard',
        `Tensor ${tensor.slice(0, 200)} maps to something that is not a file name beside the index`,
        {
          tensor: tensor.slice(0, 200),
          shard: String(shard).slice(0, 200),
        },
      );
    }
    map.set(tensor, shard);
  }
  const totalSize = asObject(index.metadata)?.total_size;
  return {
    weightMap: map,
    shards: [...new Set(map.values())],
    ...(Number.isSafeInteger(totalSize) && (totalSize as number) >= 0 ? { totalSize: totalSize as number } : {}),
  };
}

/**
 * Sums the shards of a sharded checkpoint and checks them against the index: every listed shard is in the
 * version, every tensor is where the index says, nothing unlisted hides in a shard.
 */
export function inspectShardSet({ indexPath, index, files, shards }: ShardSetInput): Inspection<ShardSetFacts> {
  const folder = indexPath.includes('/') ? indexPath.slice(0, indexPath.lastIndexOf('/') + 1) : '';
  const present = new Set(files);
  const inspected = new Map(shards.map((shard) => [shard.path, shard]));
  const findings: Finding[] = [];
  const tally = new TensorTally();
  let allInspected = true;
  const tensorsByShard = new Map<string, string[]>();
  for (const [tensor, shard] of index.weightMap) {
    const list = tensorsByShard.get(shard);
    if (list) list.push(tensor);
    else tensorsByShard.set(shard, [tensor]);
  }

  const missing = index.shards.filter((shard) => !present.has(folder + shard));
  if (missing.length > 0) {
    findings.push({
      severity: 'critical',
      code: 'shard_missing',
      message: `${indexPath} lists ${missing.length} shard file(s) the version does not contain: the model cannot load`,
      evidence: { index: indexPath, shards: missing.slice(0, MAX_LISTED_NAMES), count: missing.length },
    });
  }

  for (const shardName of index.shards) {
    const shard = inspected.get(folder + shardName);
    if (!shard) {
      allInspected = false;
      continue;
    }
    tally.addFacts(shard.facts);
    const held = new Set(shard.tensorNames);
    const indexed = tensorsByShard.get(shardName) ?? [];
    const indexedHere = new Set(indexed);
    const absent = indexed.filter((tensor) => !held.has(tensor));
    if (absent.length > 0) {
      findings.push({
        severity: 'critical',
        code: 'tensor_missing',
        message: `${shard.path} lacks ${absent.length} tensor(s) the index places in it`,
        evidence: { shard: shard.path, tensors: absent.slice(0, MAX_LISTED_NAMES), count: absent.length },
      });
    }
    const unlisted = shard.tensorNames.filter((tensor) => !indexedHere.has(tensor));
    if (unlisted.length > 0) {
      findings.push({
        severity: 'warning',
        code: 'tensor_not_indexed',
        message: `${shard.path} holds ${unlisted.length} tensor(s) the index does not place there`,
        evidence: { shard: shard.path, tensors: unlisted.slice(0, MAX_LISTED_NAMES), count: unlisted.length },
      });
    }
  }

  const facts: ShardSetFacts = { ...tally.facts(), shardCount: index.shards.length };
  if (allInspected && index.totalSize !== undefined && index.totalSize !== totalBytes(facts)) {
    findings.push({
      severity: 'warning',
      code: 'index_total_size_mismatch',
      message: `${indexPath} states ${index.totalSize} bytes of tensors; the shards hold ${totalBytes(facts)}`,
      evidence: { index: indexPath, stated: index.totalSize, actual: totalBytes(facts) },
    });
  }
  return { facts, findings };
}

/** A shard must sit beside its index: no folders, no `..`, no drive or device tricks. */
function isPlainFileName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name.length > 0 && name.length <= 255 && name !== '.' && name !== '..' && !/[/\\:\u0000-\u001f]/.test(name);
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
