import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateSigningKeyPem, type SigningKey, signingKeyFromPem } from './signing-key.js';

export const SIGNING_KEY_FILE = 'signing-key.pem';

/**
 * The configured key, else the one in `<dataDir>/signing-key.pem`, generated there (0600) on first
 * start. Two processes starting together both use whichever file won the exclusive create.
 */
export async function loadSigningKey(options: { pem: string | undefined; dataDir: string }): Promise<SigningKey> {
  if (options.pem) return signingKeyFromPem(options.pem);
  const file = path.join(options.dataDir, SIGNING_KEY_FILE);
  await mkdir(options.dataDir, { recursive: true });
  try {
    await writeFile(file, generateSigningKeyPem(), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  await chmod(file, 0o600);
  return signingKeyFromPem(await readFile(file, 'utf8'));
}
