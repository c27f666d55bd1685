export * from './license-catalog.js';
