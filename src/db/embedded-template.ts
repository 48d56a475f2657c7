import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import { migrateToLatest } from './migrator.ts';
import type { Database } from './schema.ts';

/**
 * A new embedded database starts as a copy of a migrated, empty one made once per installation
 * (`npm install` makes it; see scripts/embedded-template.ts), not by running initdb and every
 * migration again: creating the cluster is most of a first start's wait, and of every test file's
 * set-up. The copy is named by the PGlite version and the migrations' source, so a template made
 * before an upgrade or a new migration is never used; without a matching one a new database is
 * created as before.
 */
const CACHE_FOLDER = fileURLToPath(new URL('../../node_modules/.cache/ungeflow/', import.meta.url));
const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations/', import.meta.url));
const PGLITE_PACKAGE = fileURLToPath(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url));

/** What makes two new databases identical: the engine's version and every migration's text. */
async function templateKey(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(await readFile(PGLITE_PACKAGE));
  for (const name of (await readdir(MIGRATIONS_FOLDER)).sort()) {
    hash.update(name);
    hash.update(await readFile(join(MIGRATIONS_FOLDER, name)));
  }
  return hash.digest('hex').slice(0, 16);
}

async function templateFile(): Promise<string> {
  return join(CACHE_FOLDER, `embedded-${await templateKey()}.tar`);
}

/** The template for the current migrations, as PGlite's `loadDataDir` takes it; undefined when there is none. */
export async function embeddedTemplate(): Promise<Blob | undefined> {
  const file = await templateFile();
  if (!existsSync(file)) return undefined;
  return new Blob([await readFile(file)]);
}

/**
 * Makes the template for the current migrations unless it exists, and removes older ones. Safe
 * to run from several processes at once: each writes its own file and renames it into place.
 */
export async function ensureEmbeddedTemplate(): Promise<{ file: string; made: boolean }> {
  const file = await templateFile();
  if (existsSync(file)) return { file, made: false };
  await mkdir(CACHE_FOLDER, { recursive: true });
  const pglite = await PGlite.create();
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  try {
    await migrateToLatest(db);
    const tarball = await pglite.dumpDataDir('none');
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await tarball.arrayBuffer()));
    await rename(partial, file);
  } finally {
    await db.destroy();
  }
  for (const name of await readdir(CACHE_FOLDER)) {
    const path = join(CACHE_FOLDER, name);
    if (name.startsWith('embedded-') && path !== file && !name.endsWith('.partial')) {
      await rm(path, { force: true });
    }
  }
  return { file, made: true };
}
