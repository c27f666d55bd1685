import { loadConfig } from '@vetted/config';
import { verifyStoreAtStart } from '@vetted/storage';
import { createWorker } from './worker.js';

const config = loadConfig();
await verifyStoreAtStart(config);
await createWorker(config);
