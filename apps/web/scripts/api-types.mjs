import openapiTS, { astToString } from 'openapi-typescript';

const BANNER = `// Generated from the API's OpenAPI document by \`npm run web:api-types\`. Do not edit.\n\n`;

/** Placeholder: building the OpenAPI document never opens a database connection. */
const UNUSED_DATABASE_URL = 'postgresql://unused@127.0.0.1:9/unused';

/** The API's OpenAPI document, read from a configured (not started) API app. */
export async function readOpenApiDocument(createApiApp, loadConfig) {
  const app = await createApiApp({ ...loadConfig({}), databaseUrl: UNUSED_DATABASE_URL, logLevel: 'error' });
  try {
    const reply = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/openapi.json' });
    if (reply.statusCode !== 200) throw new Error(`GET /openapi.json answered ${reply.statusCode}`);
    return JSON.parse(reply.body);
  } finally {
    await app.close();
  }
}

/** The TypeScript declarations of the API's paths, as openapi-typescript writes them. */
export async function renderApiTypes(document) {
  return BANNER + astToString(await openapiTS(document, { silent: true }));
}
