export * from './api-key.js';
export * from './cursor.js';
export * from './domain-error.js';
export * from './repo-name.js';
export * from './role.js';
export * from './file-format.js';
export * from './file-path.js';
export * from './manifest.js';
