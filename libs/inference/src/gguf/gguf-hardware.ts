import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Llama } from 'node-llama-cpp';
import { detectHardware } from '../hardware-fingerprint.js';
import type { GgufHardware } from './gguf-types.js';

/** What a GGUF result was measured on: the machine, and the llama.cpp build and devices when a backend started. */
export async function ggufHardware(llama?: Llama): Promise<GgufHardware> {
  const hardware = { ...(await detectHardware()), nodeLlamaCppVersion: nodeLlamaCppVersion() };
  if (!llama) return hardware;
  const devices = llama.gpu === false ? [] : await llama.getGpuDeviceNames().catch(() => []);
  return { ...hardware, llamaCppRelease: llama.llamaCppRelease.release, ...(devices.length > 0 && { llamaGpuDevices: devices }) };
}

/** The installed node-llama-cpp's version, read without loading it (its exports hide package.json: found from its entry). */
function nodeLlamaCppVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('node-llama-cpp');
    const manifest: unknown = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8'));
    const version = (manifest as { version?: unknown }).version;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
}
