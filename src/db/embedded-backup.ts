import { mkdir, open, readdir, readFile, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type EmbeddedFolders, hasEmbeddedDatabase, lockDataFolder, restrictToOwner } from './data-folder.ts';

/**
 * Backup and restore of the embedded database: PGlite's data folder as one gzipped tarball.
 * Both take the data folder's lock, so they refuse while the server (or another backup) has
 * the folder open; PGlite's files are one process's at a time.
 *
 * The archive holds `pgdata/` only, never `secret.key`: whoever has both reads every CPR
 * number, so the key is kept apart from the backups (see the README).
 */

/** Why a backup or restore did nothing; the message says what to do, for an operator. */
export class BackupRefusal extends Error {}

/** Writes the embedded database to `to` (a .tar.gz), readable by its owner only. */
export async function backupEmbedded(folders: EmbeddedFolders, to: string): Promise<{ bytes: number }> {
  if (!hasEmbeddedDatabase(folders.pgdata)) {
    throw new BackupRefusal(`There is no embedded database in ${folders.pgdata} to back up.`);
  }
  const lock = lockDataFolder(folders.dataDir);
  try {
    const pglite = await PGlite.create({ dataDir: folders.pgdata });
    let archive: Blob;
    try {
      archive = await pglite.dumpDataDir('gzip');
    } finally {
      await pglite.close();
    }
    // Opening rewrites a few files world-readable (see src/db/data-folder.ts).
    await restrictToOwner(folders.pgdata);
    const bytes = new Uint8Array(await archive.arrayBuffer());
    await writeAtomically(to, bytes);
    return { bytes: bytes.length };
  } finally {
    lock.release();
  }
}

/**
 * A half-written backup must never stand where a good one is expected: the archive is written
 * and flushed to a temporary file next to `to`, then renamed over it in one step.
 */
async function writeAtomically(to: string, bytes: Uint8Array) {
  const temporary = join(dirname(to), `.${basename(to)}.${process.pid}.tmp`);
  const file = await open(temporary, 'wx', 0o600);
  try {
    await file.writeFile(bytes);
    await file.sync();
  } catch (error) {
    await file.close();
    await unlink(temporary);
    throw error;
  }
  await file.close();
  await rename(temporary, to).catch(async (error: unknown) => {
    await unlink(temporary);
    throw error;
  });
  const folder = await open(dirname(to), 'r');
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}

/**
 * Replaces the embedded database with the one in the archive `from`. An existing database is
 * replaced only with `force`, and then kept beside it as `pgdata.before-restore-<time>` rather
 * than deleted. The archive is opened as a database in a folder of its own first; only when that
 * works is it moved into place.
 */
export async function restoreEmbedded(
  folders: EmbeddedFolders,
  from: string,
  options: { force: boolean; now: Date },
): Promise<{ keptAs: string | undefined }> {
  let archive: Buffer;
  try {
    archive = await readFile(from);
  } catch (error) {
    throw new BackupRefusal(`Cannot read ${from} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  await mkdir(folders.dataDir, { recursive: true, mode: 0o700 });
  const lock = lockDataFolder(folders.dataDir);
  try {
    const existing = await hasFiles(folders.pgdata);
    const keptAs = `${folders.pgdata}.before-restore-${options.now.toISOString().replace(/[-:]/g, '').slice(0, 15)}`;
    if (existing && !options.force) {
      throw new BackupRefusal(
        `There is already a database in ${folders.pgdata}. To replace it with ${from}, run again with --force; ` +
          `the current database is then kept as ${keptAs}.`,
      );
    }

    // Holding the lock, a folder of this name can only be left by a restore that was interrupted.
    const staging = `${folders.pgdata}.restoring`;
    await rm(staging, { recursive: true, force: true });
    try {
      await openAsUngeflowDatabase(staging, archive, from);
      await restrictToOwner(staging);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }

    if (existing) await rename(folders.pgdata, keptAs);
    else await rmdir(folders.pgdata).catch(ignoreMissing);
    await rename(staging, folders.pgdata);
    return { keptAs: existing ? keptAs : undefined };
  } finally {
    lock.release();
  }
}

/** Loads the archive into `folder` and checks it is an Ungeflow database, then closes it. */
async function openAsUngeflowDatabase(folder: string, archive: Buffer, from: string) {
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({ dataDir: folder, loadDataDir: new Blob([new Uint8Array(archive)]) });
  } catch (error) {
    throw new BackupRefusal(
      `${from} could not be opened as an embedded database (${(error as Error).message}); nothing was changed.`,
    );
  }
  try {
    await pglite.query('select count(*) from kysely_migration');
  } catch {
    throw new BackupRefusal(`${from} holds a database, but not Ungeflow's; nothing was changed.`);
  } finally {
    await pglite.close();
  }
}

async function hasFiles(folder: string): Promise<boolean> {
  try {
    return (await readdir(folder)).length > 0;
  } catch (error) {
    ignoreMissing(error);
    return false;
  }
}

function ignoreMissing(error: unknown) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}
