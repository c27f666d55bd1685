#!/usr/bin/env node
import { ConfigError, loadConfig } from '@vetted/config';
import { parseArgs } from 'node:util';
import { exportBundle } from './export-command.js';
import { importBundle } from './import-command.js';
import { prepareDatabase } from './prepare-database.js';
import { registryClient } from './registry-client.js';
import { start } from './start.js';

const USAGE = `usage: vetted <command>
  start     start the database (embedded unless DATABASE_URL is set), API and worker
  migrate   apply pending database migrations and seed the license catalog, then exit
  export --models ns/name[@version] … --out bundle.tar
            write approved versions into a signed bundle for another site (VETTED_URL, VETTED_TOKEN)
  import bundle.tar [--signer <key fingerprint>]
            verify a bundle and land its versions (approved if its signer is trusted here)`;

const log = (message: string): void => console.log(`[vetted] ${message}`);

async function main(command: string | undefined, args: string[]): Promise<void> {
  switch (command) {
    case 'export': {
      const { values } = parseArgs({
        args,
        options: { models: { type: 'string', multiple: true }, out: { type: 'string' } },
        allowPositionals: true,
      });
      if (!values.models?.length || !values.out) return usage();
      return exportBundle(registryClient(), values.models, values.out, log);
    }
    case 'import': {
      const { values, positionals } = parseArgs({ args, options: { signer: { type: 'string' } }, allowPositionals: true });
      if (positionals.length !== 1) return usage();
      return importBundle(registryClient(), positionals[0]!, values.signer, log);
    }
    case 'start':
      return start(loadConfig(), log);
    case 'migrate': {
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
