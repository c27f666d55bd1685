import type { Config } from '@vetted/config';

/** Injection token for the typed configuration parsed once at start-up. */
export const CONFIG = Symbol('CONFIG');
export type { Config };
