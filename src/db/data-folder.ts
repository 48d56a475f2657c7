import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { chmod, lstat, mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config.ts';
import { GENERATED_SECRET_FILE } from '../shared/secret.ts';

/**
 * The embedded database's folder (UNGEFLOW_DATA_DIR): PGlite's `pgdata/`, the generated
 * `secret.key` and, while a process uses it, the lock file `ungeflow.pid`. It holds every CPR
 * number and, by default, the key to them, so only its owner may read it: folders 0700, files
 * 0600, whatever the umask the process was started with.
 */

export const LOCK_FILE = 'ungeflow.pid';
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;

/** A reason the data folder cannot be used; the message says what to do, for an operator. */
export class DataFolderError extends Error {}

/** For a command's start-up: a DataFolderError is told to the operator as it is, and ends the process. */
export function exitOnDataFolderError(exitCode: number) {
  return (error: unknown): never => {
    if (!(error instanceof DataFolderError)) throw error;
    console.error(error.message);
    process.exit(exitCode);
  };
}

/** Another live process holds the data folder's lock. */
export class DataFolderInUseError extends DataFolderError {
  constructor(
    readonly dataDir: string,
    readonly pid: number | undefined,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Ungeflow process (pid ${pid ?? 'unknown'}), such as the running server. ` +
        `PGlite's files must not be opened by two processes: stop that process first. ` +
        `If no such process is Ungeflow, delete ${join(dataDir, LOCK_FILE)}.`,
    );
  }
}

export interface EmbeddedFolders {
  /** UNGEFLOW_DATA_DIR: the folder that is made private and locked. */
  dataDir: string;
  /** The database's own folder in it. */
  pgdata: string;
}

/** The folders of the configured embedded database; undefined when the database is PostgreSQL. */
export function embeddedFoldersOf(config: Pick<AppConfig, 'dataDir' | 'database'>): EmbeddedFolders | undefined {
  if (config.database.engine !== 'pglite' || !config.database.dataDir) return undefined;
  return { dataDir: config.dataDir, pgdata: config.database.dataDir };
}

export interface DataFolderLock {
  /** Removes the lock file, if it is still this process's. Safe to call more than once. */
  release(): void;
}

/**
 * Prepares the data folder for the server: makes it private, refuses to start without the key
 * to an existing database, and locks it for this process until it exits.
 */
export async function openDataFolder(
  config: Pick<AppConfig, 'dataDir' | 'database' | 'secret'>,
): Promise<DataFolderLock> {
  const folders = embeddedFoldersOf(config);
  if (!folders) throw new Error('openDataFolder is for the embedded database only');
  // PostgreSQL creates its own files 0600, but PGlite writes the files of a new database, of a
  // loaded backup and, on every start, the relation cache files (pg_internal.init) with
  // world-readable modes the umask does not narrow: openDatabase and restore restrict them
  // after PGlite has opened. The umask covers everything else the process creates.
  process.umask(0o077);
  await mkdir(folders.dataDir, { recursive: true, mode: FOLDER_MODE });
  const lock = lockDataFolder(folders.dataDir);
  try {
    refuseDatabaseWithoutKey(folders, config.secret);
    await restrictToOwner(folders.dataDir);
    return lock;
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Whether the embedded database exists in its folder. */
export function hasEmbeddedDatabase(pgdata: string): boolean {
  return existsSync(join(pgdata, 'PG_VERSION'));
}

/**
 * A new key would be generated when the key file is gone, and every CPR number stored with the
 * old one would be unreadable from then on. That happens when a key moved out of the data
 * folder is not configured, so an existing database without its key stops the start instead.
 */
function refuseDatabaseWithoutKey(folders: EmbeddedFolders, configuredSecret: string | undefined) {
  if (configuredSecret) return;
  const keyFile = join(folders.dataDir, GENERATED_SECRET_FILE);
  if (!hasEmbeddedDatabase(folders.pgdata) || existsSync(keyFile)) return;
  throw new DataFolderError(
    `The embedded database in ${folders.pgdata} has no key: ${keyFile} is missing and neither UNGEFLOW_SECRET_FILE ` +
      `nor UNGEFLOW_SECRET is set. Set UNGEFLOW_SECRET_FILE to the file the key was moved to, or put the file back. ` +
      `A new key would leave every stored CPR number unreadable, so none is generated. ` +
      `(If this database is new and empty, delete ${folders.dataDir} to start afresh.)`,
  );
}

/** Gives every folder under `path` (and `path` itself) mode 0700 and every file 0600. */
export async function restrictToOwner(path: string): Promise<void> {
  let stats;
  try {
    stats = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  // Links are left alone: chmod would follow them out of the folder.
  if (stats.isSymbolicLink()) return;
  const wanted = stats.isDirectory() ? FOLDER_MODE : FILE_MODE;
  if ((stats.mode & 0o777) !== wanted) await chmod(path, wanted);
  if (!stats.isDirectory()) return;
  for (const entry of await readdir(path)) await restrictToOwner(join(path, entry));
}

const heldLocks = new Set<string>();

/**
 * Takes the data folder's lock: the file `ungeflow.pid` with this process's id, created only if
 * it does not exist. A lock left by a process that is no longer alive (a crash, a killed
 * container) is taken over. Throws DataFolderInUseError while another live process holds it.
 *
 * The lock is released on `release()` and in any case when the process exits. Two processes
 * taking over the same stale lock at the same instant could both succeed; a data folder is
 * started by one operator or one service manager, so that is not guarded against.
 */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const file = join(dataDir, LOCK_FILE);
  const key = resolve(file);
  if (heldLocks.has(key)) throw new DataFolderInUseError(dataDir, process.pid);
  for (let attempt = 0; ; attempt++) {
    if (tryCreateLock(file)) break;
    const holder = lockHolder(file);
    // A holder with this process's id is a lock left by an earlier process that had the same id
    // (a container's server is often pid 1 on every start); this process holds none here.
    if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
      throw new DataFolderInUseError(dataDir, holder);
    }
    if (attempt >= 2) throw new DataFolderInUseError(dataDir, holder);
    removeIfExists(file);
  }
  heldLocks.add(key);
  const release = () => {
    process.off('exit', release);
    if (!heldLocks.delete(key)) return;
    if (lockHolder(file) === process.pid) removeIfExists(file);
  };
  process.on('exit', release);
  return { release };
}

/**
 * Creates the lock file with its content in one step: written to a file of this process's
 * own, then linked to the lock's name, which fails if that exists. A lock file is never seen
 * empty, so an empty one is never mistaken for a stale lock.
 */
function tryCreateLock(file: string): boolean {
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, `${process.pid}\n`, { mode: FILE_MODE });
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    removeIfExists(draft);
  }
}

function lockHolder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function removeIfExists(file: string) {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
