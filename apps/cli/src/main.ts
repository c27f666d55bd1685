#!/usr/bin/env node
import { ConfigError, loadConfig } from '@vetted/config';
import { prepareDatabase } from './prepare-database.js';
import { start } from './start.js';

const USAGE = `usage: vetted <command>
  start     start the database (embedded unless DATABASE_URL is set), API and worker
  migrate   apply pending database migrations and seed the license catalog, then exit`;

const log = (message: string): void => console.log(`[vetted] ${message}`);

async function main(command: string | undefined): Promise<void> {
  switch (command) {
    case 'start':
      return start(loadConfig(), log);
    case 'migrate': {
      const database = await prepareDatabase(loadConfig(), log);
      await database.embedded?.stop();
      return;
    }
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  // Configuration errors are the operator's to fix: the message names the variable, no stack needed.
  console.error(
    `[vetted] ${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  process.exit(1);
});
