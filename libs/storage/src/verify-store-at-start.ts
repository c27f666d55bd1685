import type { Config } from '@vetted/config';
import { StoreSettingsError } from './store-settings-error.js';
import { verifyStore } from './verify-store.js';

/**
 * The store check of a process's entry point (API, worker): settings that cannot work stop the process with one
 * line naming the setting and exit code 1 — an operator's mistake, so no stack trace. Other errors propagate.
 */
export async function verifyStoreAtStart(config: Pick<Config, 'storage' | 'storageCheckTimeoutMs'>): Promise<void> {
  try {
    await verifyStore(config.storage, config.storageCheckTimeoutMs);
  } catch (error) {
    if (!(error instanceof StoreSettingsError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
