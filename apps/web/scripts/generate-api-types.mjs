// Regenerates src/api/generated/schema.d.ts from the built API (`npm run web:api-types` builds it first).
import { writeFile } from 'node:fs/promises';
import { createApiApp } from '@vetted/api';
import { loadConfig } from '@vetted/config';
import { readOpenApiDocument, renderApiTypes } from './api-types.mjs';

const target = new URL('../src/api/generated/schema.d.ts', import.meta.url);
await writeFile(target, await renderApiTypes(await readOpenApiDocument(createApiApp, loadConfig)));
console.log(`wrote ${target.pathname}`);
