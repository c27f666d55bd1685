export * from './license-catalog.js';
export * from './terms-checker.js';
