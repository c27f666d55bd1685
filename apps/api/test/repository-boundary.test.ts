import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const RULE = '@typescript-eslint/no-restricted-imports';

let eslint: ESLint;

beforeAll(() => {
  // The project's own config; fixtures are not files of the TypeScript project, so type-aware rules are off.
  eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}eslint.config.js`, overrideConfig: tseslint.configs.disableTypeChecked });
});

/** The messages of the Prisma boundary rule for `source` as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${root}${filePath}` });
  return result!.messages.filter((message) => message.ruleId === RULE).map((message) => message.message);
}

const usesPrismaService = `import { PrismaService } from '../infra/prisma.service.js';

export class Widgets {
  constructor(private readonly db: PrismaService) {}

  count(): Promise<number> {
    return this.db.model.count();
  }
}
`;

const usesPrismaClient = `import { Prisma, PrismaClient } from '@vetted/db';

export const anyNull = Prisma.AnyNull;
export const count = (db: PrismaClient): Promise<number> => db.model.count();
`;

const typesOnly = `import type { PrismaClient } from '@vetted/db';
import { type ModelVersion, type Prisma, putFile } from '@vetted/db';
import type { PrismaService } from '../infra/prisma.service.js';

export type Clients = PrismaClient | PrismaService | Prisma.TransactionClient;
export type Row = ModelVersion;
export const put = putFile;
`;

describe('only repositories touch Prisma (eslint.config.js)', () => {
  it('refuses PrismaService in a service', async () => {
    const errors = await boundaryErrors('apps/api/src/models/widget.service.ts', usesPrismaService);
    expect(errors).toEqual([expect.stringContaining('Only *.repository.ts files (and infra) touch the database')]);
  });

  it('refuses PrismaClient and Prisma values outside repositories, in the worker too', async () => {
    expect(await boundaryErrors('apps/worker/src/scans/widget-scanner.ts', usesPrismaClient)).toHaveLength(2);
    expect(await boundaryErrors('apps/api/src/models/model.service.ts', usesPrismaClient)).toHaveLength(2);
  });

  it('lets repositories, infra and module files use them', async () => {
    expect(await boundaryErrors('apps/api/src/models/widget.repository.ts', usesPrismaService)).toEqual([]);
    expect(await boundaryErrors('apps/worker/src/scans/widget.repository.ts', usesPrismaClient)).toEqual([]);
    expect(await boundaryErrors('apps/worker/src/infra/transactions.ts', usesPrismaClient)).toEqual([]);
    expect(await boundaryErrors('apps/worker/src/worker.module.ts', usesPrismaClient)).toEqual([]);
  });

  it('allows type-only imports anywhere', async () => {
    expect(await boundaryErrors('apps/api/src/models/widget.service.ts', typesOnly)).toEqual([]);
  });
});
