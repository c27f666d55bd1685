import { createApiApp } from '@vetted/api';
import { loadConfig } from '@vetted/config';
import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { readOpenApiDocument, renderApiTypes } from '../apps/web/scripts/api-types.mjs';

it("keeps the web app's API types in step with the API's OpenAPI document", async () => {
  const committed = await readFile(new URL('../apps/web/src/api/generated/schema.d.ts', import.meta.url), 'utf8');
  const current = await renderApiTypes(await readOpenApiDocument(createApiApp, loadConfig));
  // On failure: `npm run web:api-types` regenerates them; then fix what no longer type-checks in apps/web.
  expect(committed === current, 'apps/web/src/api/generated/schema.d.ts is stale: run `npm run web:api-types`').toBe(true);
});
