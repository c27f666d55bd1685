import type { Provider } from '@nestjs/common';
import { loadSigningKey } from '@vetted/signing';
import { CONFIG, type Config } from '../infra/config.provider.js';

/** Injection token for the organisation's SigningKey, loaded (or generated) once at start. */
export const SIGNING_KEY = Symbol('SIGNING_KEY');

export const signingKeyProvider: Provider = {
  provide: SIGNING_KEY,
  inject: [CONFIG],
  useFactory: (config: Config) => loadSigningKey({ pem: config.signingKeyPem, dataDir: config.dataDir }),
};
