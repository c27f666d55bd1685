import type { Llama } from 'node-llama-cpp';
import { BenchmarkFailure, errorMessage } from '../benchmark-failure.js';
import type { GgufModelInfo } from './gguf-types.js';

const MIB = 2 ** 20;

/**
 * The model's header as node-llama-cpp reads it (every part of a split model, from the first), before llama.cpp
 * loads anything: what the result reports about the model, and its size for the memory check. An architecture this
 * llama.cpp build does not know fails here, by name, rather than as an unexplained load failure.
 */
export async function readGgufModel(modelPath: string, llama: Llama): Promise<GgufModelInfo> {
  const { readGgufFileInfo, GgufInsights, GgufFileType } = await import('node-llama-cpp');
  const fileInfo = await readGgufFileInfo(modelPath, { sourceType: 'filesystem', logWarnings: false }).catch((error: unknown) => {
    throw new BenchmarkFailure('model_error', `the GGUF header could not be read: ${errorMessage(error)}`);
  });
  const insights = await GgufInsights.from(fileInfo, llama);
  const general = fileInfo.metadata.general;
  if (!insights.isSupportedByLlamaCpp) {
    throw new BenchmarkFailure(
      'model_error',
      `unknown model architecture '${String(general.architecture)}': llama.cpp ${llama.llamaCppRelease.release} does not support it`,
    );
  }
  const fileType = general.file_type === undefined ? undefined : GgufFileType[general.file_type];
  return {
    architecture: String(general.architecture),
    ...(general.name !== undefined && { name: general.name }),
    ...(fileType !== undefined && { fileType }),
    ...(insights.trainContextSize !== undefined && { trainContextSize: insights.trainContextSize }),
    totalLayers: insights.totalLayers,
    parameters: insights.totalParameters,
    sizeMb: Number((insights.modelSize / MIB).toFixed(1)),
  };
}
