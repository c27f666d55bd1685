interface ApiApp {
  getHttpAdapter(): { getInstance(): { inject(request: { method: 'GET'; url: string }): Promise<{ statusCode: number; body: string }> } };
  close(): Promise<void>;
}

/** The API's OpenAPI document, read from a configured (not started) API app. */
export function readOpenApiDocument<C extends object>(
  createApiApp: (config: C) => Promise<ApiApp>,
  loadConfig: (env: Record<string, string>) => C,
): Promise<Record<string, unknown>>;

/** The TypeScript declarations of the API's paths, as openapi-typescript writes them. */
export function renderApiTypes(document: Record<string, unknown>): Promise<string>;
