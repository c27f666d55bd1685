/** Injection token for the typed configuration parsed once at start-up. */
export const CONFIG = Symbol('CONFIG');

/** Injection token for the blob store (disk or S3) weight files are read from and written to. */
export const BLOB_STORE = Symbol('BLOB_STORE');
