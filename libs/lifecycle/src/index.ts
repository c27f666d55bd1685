export * from './audit.repository.js';
export * from './domain-event.js';
export * from './event.repository.js';
export * from './version-lifecycle.js';
export * from './version-status.js';
export * from './actor-names.js';
