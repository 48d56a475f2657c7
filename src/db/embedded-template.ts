import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import { migrateToLatest } from './migrator.ts';
import type { Database } from './schema.ts';

/**
 * A new embedded database starts as a copy of a migrated, empty one made once per installation
 * (`npm install` makes it, see scripts/embedded-template.ts) rather than by initdb and every
 * migration again, which is most of a first start's wait and of every test file's set-up.
 * See docs/decisions/0001-embedded-postgresql-by-default.md.
 *
 * The template is a cluster PGlite has shut down cleanly (its control file says "shut down"), so
 * a copy starts without crash recovery. A copy of a running cluster (PGlite's dumpDataDir) would
 * start with recovery, whose progress timer PostgreSQL leaves armed in the WebAssembly module
 * after close: the process would never exit.
 *
 * Its folder, under node_modules/.cache/ungeflow, is named by the PGlite version and the
 * migrations' source, so a template made before an upgrade or a new migration is never used;
 * without a matching one a new database is created as before. It holds the cluster twice:
 * `pgdata/` to copy into a new data folder, and `pgdata.tar` to load into memory.
 */
const CACHE_FOLDER = fileURLToPath(new URL('../../node_modules/.cache/ungeflow/', import.meta.url));
const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations/', import.meta.url));
const PGLITE_PACKAGE = fileURLToPath(new URL('../../node_modules/@electric-sql/pglite/package.json', import.meta.url));
const PREFIX = 'embedded-';
const PARTIAL = '.partial';

let folderOfThisVersion: Promise<string> | undefined;

/** The template's folder for this PGlite and these migrations (whether it exists or not). */
export function embeddedTemplateFolder(): Promise<string> {
  folderOfThisVersion ??= (async () => {
    const hash = createHash('sha256');
    const pglite = JSON.parse(await readFile(PGLITE_PACKAGE, 'utf8')) as { version: string };
    hash.update(`pglite ${pglite.version}\n`);
    for (const name of (await readdir(MIGRATIONS_FOLDER)).sort()) {
      hash.update(`${name}\n`);
      hash.update(await readFile(join(MIGRATIONS_FOLDER, name)));
    }
    return join(CACHE_FOLDER, `${PREFIX}${hash.digest('hex').slice(0, 16)}`);
  })();
  return folderOfThisVersion;
}

/**
 * The template as PGlite's `loadDataDir` takes it, for a new in-memory database; undefined
 * without a matching template.
 */
export async function embeddedTemplateTarball(): Promise<Blob | undefined> {
  const folder = await embeddedTemplateFolder();
  try {
    return new Blob([await readFile(join(folder, 'pgdata.tar'))], { type: 'application/x-tar' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Copies the template into `pgdata`, a folder without a database yet; false without a matching
 * template. PG_VERSION, by which PGlite (and hasEmbeddedDatabase) tell a database is there, is
 * copied last, so a copy that was cut short is taken for no database and made again.
 */
export async function copyEmbeddedTemplate(pgdata: string): Promise<boolean> {
  const source = join(await embeddedTemplateFolder(), 'pgdata');
  if (!existsSync(source)) return false;
  await cp(source, pgdata, { recursive: true, force: true, filter: (from) => from !== join(source, 'PG_VERSION') });
  await copyFile(join(source, 'PG_VERSION'), join(pgdata, 'PG_VERSION'));
  return true;
}

/**
 * Makes the template for the current migrations unless it exists, and removes older ones. Safe
 * to run from several processes at once: each makes its own folder and renames it into place.
 */
export async function ensureEmbeddedTemplate(): Promise<{ folder: string; made: boolean }> {
  const folder = await embeddedTemplateFolder();
  if (existsSync(folder)) return { folder, made: false };
  await mkdir(CACHE_FOLDER, { recursive: true });
  const partial = `${folder}.${process.pid}-${randomBytes(4).toString('hex')}${PARTIAL}`;
  try {
    const pgdata = join(partial, 'pgdata');
    await mkdir(pgdata, { recursive: true });
    const pglite = await PGlite.create({ dataDir: pgdata });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    try {
      await migrateToLatest(db);
    } finally {
      // Closing shuts the cluster down cleanly (a shutdown checkpoint): only then is it copied.
      await db.destroy();
    }
    await writeFile(join(partial, 'pgdata.tar'), await tarball(pgdata));
    await rename(partial, folder);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    // Another process renamed its identical template into place first.
    if (existsSync(folder)) return { folder, made: false };
    throw error;
  }
  for (const name of await readdir(CACHE_FOLDER)) {
    const path = join(CACHE_FOLDER, name);
    if (name.startsWith(PREFIX) && path !== folder && !name.endsWith(PARTIAL)) {
      await rm(path, { recursive: true, force: true });
    }
  }
  return { folder, made: true };
}

/**
 * A ustar archive of a folder, with paths relative to it, as PGlite's `loadDataDir` reads it.
 * The paths of a PostgreSQL cluster are short; a longer one than the format's 99 characters
 * (without its prefix field) is refused rather than cut.
 */
async function tarball(root: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  const walk = async (relative: string) => {
    for (const entry of (await readdir(join(root, relative), { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      const stats = await stat(join(root, path));
      if (entry.isDirectory()) {
        parts.push(tarHeader(`${path}/`, 0, stats, '5'));
        await walk(path);
      } else if (entry.isFile()) {
        const data = await readFile(join(root, path));
        parts.push(tarHeader(path, data.length, stats, '0'), data, Buffer.alloc((512 - (data.length % 512)) % 512));
      }
    }
  };
  await walk('');
  // The end of the archive: two empty records.
  parts.push(Buffer.alloc(1024));
  return Buffer.concat(parts);
}

function tarHeader(name: string, size: number, stats: { mode: number; mtimeMs: number }, type: '0' | '5'): Buffer {
  if (Buffer.byteLength(name) > 99)
    throw new Error(`A path in the embedded database is too long for its template: ${name}`);
  const header = Buffer.alloc(512);
  const octal = (value: number, width: number) => Math.floor(value).toString(8).padStart(width, '0');
  header.write(name, 0);
  header.write(octal(stats.mode & 0o7777, 7), 100);
  header.write(octal(0, 7), 108); // uid
  header.write(octal(0, 7), 116); // gid
  header.write(octal(size, 11), 124);
  header.write(octal(stats.mtimeMs / 1000, 11), 136);
  header.write(' '.repeat(8), 148); // the checksum counts its own field as spaces
  header.write(type, 156);
  header.write('ustar\u000000', 257);
  const checksum = header.reduce((sum, byte) => sum + byte, 0);
  header.write(`${octal(checksum, 6)}\u0000 `, 148);
  return header;
}
