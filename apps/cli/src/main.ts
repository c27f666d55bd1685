#!/usr/bin/env node
import { ConfigError, loadConfig } from '@vetted/config';
import { parseArgs } from 'node:util';
import { registryClient } from './registry-client.js';

const USAGE = `usage: vetted <command>
  start     start the database (embedded unless DATABASE_URL is set), API and worker
  migrate   apply pending database migrations and seed the license catalog, then exit
  export --models ns/name[@version] … --out bundle.tar
            write approved versions into a signed bundle for another site (VETTED_URL, VETTED_TOKEN)
  import bundle.tar [--signer <key fingerprint>]
            verify a bundle and land its versions (approved if its signer is trusted here)`;

const log = (message: string): void => console.log(`[vetted] ${message}`);

// Each command loads its module once chosen: `export` and `import` never load the database and storage code,
// and `start` loads only what it runs (bench/startup.mjs).
async function main(command: string | undefined, args: string[]): Promise<void> {
  switch (command) {
    case 'export': {
      const { values } = parseArgs({
        args,
        options: { models: { type: 'string', multiple: true }, out: { type: 'string' } },
        allowPositionals: true,
      });
      if (!values.models?.length || !values.out) return usage();
      const { exportBundle } = await import('./export-command.js');
      return exportBundle(registryClient(), values.models, values.out, log);
    }
    case 'import': {
      const { values, positionals } = parseArgs({ args, options: { signer: { type: 'string' } }, allowPositionals: true });
      if (positionals.length !== 1) return usage();
      const { importBundle } = await import('./import-command.js');
      return importBundle(registryClient(), positionals[0]!, values.signer, log);
    }
    case 'start': {
      const { start } = await import('./start.js');
      return start(loadConfig(), log);
    }
    case 'migrate': {
      const { prepareDatabase } = await import('./prepare-database.js');
      const database = await prepareDatabase(loadConfig(), log);
      await database.embedded?.stop();
      return;
    }
    default:
      return usage();
  }
}

function usage(): void {
  console.error(USAGE);
  process.exitCode = 2;
}

main(process.argv[2], process.argv.slice(3)).catch((error: unknown) => {
  // Configuration errors are the operator's to fix: the message names the variable, no stack needed.
  console.error(
    `[vetted] ${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
