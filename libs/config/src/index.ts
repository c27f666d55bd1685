export * from './config.js';
export * from './ip-range.js';
