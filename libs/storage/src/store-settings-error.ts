import { ConfigError } from '@vetted/config';

/** The S3 settings do not work; the message names the setting to fix, in one line. */
export class StoreSettingsError extends ConfigError {}
