export * from './blob-store.js';
export * from './disk-blob-store.js';
export * from './hashing-stream.js';
export * from './s3-blob-store.js';
export * from './create-blob-store.js';
export * from './verify-blobs.js';
export * from './verify-store.js';
export * from './verify-store-at-start.js';
