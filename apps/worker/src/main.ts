import { loadConfig } from '@vetted/config';
import { compileWasmBaselineOnly } from '@vetted/db';
import { verifyStoreAtStart } from '@vetted/storage';
import { createWorker } from './worker.js';

compileWasmBaselineOnly();
const config = loadConfig();
await verifyStoreAtStart(config);
await createWorker(config);
