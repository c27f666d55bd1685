export * from './file-filter.js';
export * from './hub-client.js';
export * from './hub-error.js';
export * from './model-card.js';
export * from './retrying-fetch.js';
