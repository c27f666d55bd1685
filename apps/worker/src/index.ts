export { createWorker } from './worker.js';
