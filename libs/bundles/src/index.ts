export * from './bundle-index.js';
export * from './bundle-paths.js';
export * from './bundle-reader.js';
export * from './bundle-refused.js';
export * from './bundle-writer.js';
export * from './index-signature.js';
export * from './version-record.js';
