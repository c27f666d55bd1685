import { loadConfig } from '@vetted/config';
import { createWorker } from './worker.js';

await createWorker(loadConfig());
