export * from './dsse.js';
export * from './key-file.js';
export * from './model-statement.js';
export * from './signature-check.js';
export * from './signing-key.js';
export * from './sigstore-bundle.js';
export * from './statement-signer.js';
export * from './status-statement.js';
