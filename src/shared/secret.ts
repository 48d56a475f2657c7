import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The file in the data folder that holds the generated secret. */
export const GENERATED_SECRET_FILE = 'secret.key';

/**
 * The secret the CPR keys are derived from. A configured one (UNGEFLOW_SECRET or the file
 * UNGEFLOW_SECRET_FILE names) wins; for the embedded default only, a secret is generated once
 * into the data folder (readable by the owner only) and reused on every later start. Losing that
 * file makes stored CPR numbers unreadable.
 */
export async function resolveSecret(configured: string | undefined, dataDir: string): Promise<string> {
  if (configured) return configured;
  const file = join(dataDir, GENERATED_SECRET_FILE);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}
