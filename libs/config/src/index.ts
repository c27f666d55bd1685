export * from './config.js';
export * from './ip-range.js';
export * from './oidc-config.js';
