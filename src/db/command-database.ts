import { type AppConfig, ConfigError, loadConfig } from '../config.ts';
import { exitOnDataFolderError, openDataFolder } from './data-folder.ts';
import { type Db, describeDatabase, openDatabase } from './database.ts';
import { migrateDatabase } from './roles.ts';
import { waitForDatabase } from './readiness.ts';

/**
 * The database for a command (`npm run db:migrate`, `sweep`, `municipality:create`, ...), opened
 * as the server opens it: the embedded database's folder locked for this process (a running
 * server, or another command, has it: the command stops with exit code 2 and says so), a
 * starting PostgreSQL waited for, and migrated. `close()` closes it and releases the folder.
 */
export async function openCommandDatabase(
  config: AppConfig,
  options: { migrate?: boolean } = {},
): Promise<{ db: Db; close: () => Promise<void> }> {
  const folder =
    config.database.engine === 'pglite' ? await openDataFolder(config).catch(exitOnDataFolderError(2)) : undefined;
  const db = await openDatabase(config.database);
  const close = async () => {
    await db.destroy();
    folder?.release();
  };
  try {
    await waitForDatabase(db, {
      waitSeconds: config.databaseWaitSeconds,
      target: describeDatabase(config.database),
      log: (message) => console.error(message),
    });
    if (options.migrate !== false) await migrateDatabase(config, db);
    return { db, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Runs a command's work on the database the server uses (the same configuration: DATABASE_URL or
 * the embedded data folder), migrated to the latest version, so an empty database works straight
 * away. A configuration or database error is printed and answers exit code 1; otherwise the
 * work's own exit code.
 */
export async function withCommandDatabase(work: (db: Db, config: AppConfig) => Promise<number>): Promise<number> {
  const FAILED = 1;
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return FAILED;
  }
  let opened;
  try {
    opened = await openCommandDatabase(config);
    return await work(opened.db, config);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return FAILED;
  } finally {
    await opened?.close();
  }
}
