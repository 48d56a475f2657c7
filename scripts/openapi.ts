/**
 * Writes the API's OpenAPI document, as GET /api/openapi.json serves it, to a file, so that it can
 * be linted (`npm run api:lint`) and turned into client types (`npm run api:types`) without a
 * running server or a database of one's own.
 *
 *   npx tsx scripts/openapi.ts build/openapi.json
 *
 * The app is built on an empty in-memory PGlite with a throwaway secret: the document depends on
 * the routes alone, never on data or configuration.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';

const SECRET = 'openapi-document-only-secret-0123456789';

/** The OpenAPI document of the app's routes. */
export async function openApiDocument(): Promise<Record<string, unknown>> {
  const db = await openDatabase({ engine: 'pglite', dataDir: undefined });
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent', UNGEFLOW_SECRET: SECRET }),
    db,
    secret: SECRET,
  });
  try {
    await app.ready();
    return app.swagger() as unknown as Record<string, unknown>;
  } finally {
    await app.close();
    await db.destroy();
  }
}

/** The document as written to a file: two-space JSON with a final newline. */
export function serialiseDocument(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: tsx scripts/openapi.ts <file>');
    process.exit(2);
  }
  const path = resolve(target);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, serialiseDocument(await openApiDocument()));
  console.log(`wrote ${target}`);
}
