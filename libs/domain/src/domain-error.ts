/** What went wrong, in terms the HTTP layer maps to a status (see apps/api problem filter). */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'too_large'
  | 'unavailable'
  | 'insufficient_storage'
  | 'rate_limited';

export interface FieldProblem {
  field: string;
  message: string;
}

/** An expected failure with a stable machine-readable code (e.g. `model_not_found`). */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    /** For rate_limited: seconds until the client may try again. */
    readonly retryAfterSeconds?: number,
    /** Extra members of the problem document (RFC 9457 extensions), e.g. the findings that block an approval. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(message);
  }

  static invalid(fields: FieldProblem[], code = 'validation_failed'): DomainError {
    const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return new DomainError('invalid', code, `Invalid request: ${summary}`, fields);
  }

  static notFound(code: string, message: string): DomainError {
    return new DomainError('not_found', code, message);
  }

  static conflict(code: string, message: string): DomainError {
    return new DomainError('conflict', code, message);
  }
}
