export * from './job-queue.js';
export * from './jobs.js';
