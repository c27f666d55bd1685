/**
 * The compiled child entry. From src/ (tests import the source) and from dist/ this is the same built file;
 * the bundler replaces this module so the bundle finds the child bundled beside it.
 */
export const benchmarkChildScript = new URL('../dist/benchmark-child.js', import.meta.url);
