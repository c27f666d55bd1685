/** An RFC 9457 problem as the API sends it. */
export interface Problem {
  status: number;
  code: string;
  title: string;
  detail: string;
  errors?: { field?: string; message?: string }[];
}

/** A request the API refused, or one that never reached it (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: { field?: string; message?: string }[] = [],
  ) {
    super(message);
  }

  static fromResponse(status: number, body: unknown): ApiError {
    if (isProblem(body)) return new ApiError(status, body.code, body.detail || body.title, body.errors ?? []);
    return new ApiError(status, 'http_error', `The server answered ${status}`);
  }
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === 'object' && body !== null && typeof (body as Problem).code === 'string' && typeof (body as Problem).detail === 'string'
  );
}

/** Turns an openapi-fetch result into its data, or throws the API's problem as an ApiError. */
export async function dataOf<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (error) {
    throw new ApiError(0, 'network_error', `The server could not be reached (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!result.response.ok) throw ApiError.fromResponse(result.response.status, result.error);
  return result.data as T;
}

/** The message to show for any error a query or mutation produced. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    // The API's detail often names the fields already ("Invalid request: repo: must be…"): say each once.
    const fields = error.fieldErrors
      .map((e) => [e.field, e.message].filter(Boolean).join(': '))
      .filter((text) => text !== '' && !error.message.includes(text));
    return fields.length > 0 ? `${error.message} (${fields.join('; ')})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
