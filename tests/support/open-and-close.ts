/**
 * A command that opens a new embedded database, migrates it and closes it, and then has nothing
 * left to do: run by tests/process/embedded-template.test.ts, which expects it to exit on its own.
 *
 *   node --import tsx tests/support/open-and-close.ts [data folder]
 *
 * Without a folder the database is in memory. Prints what it found as one line of JSON.
 */
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrator.ts';

const db = await openDatabase({ engine: 'pglite', dataDir: process.argv[2] });
// Before migrating: a database copied from the template has every migration already.
const { rows } = await sql<{ exists: boolean }>`select to_regclass('kysely_migration') is not null as exists`.execute(
  db,
);
const migrated = (await migrateToLatest(db)) ?? [];
await db.destroy();
// What would keep the process alive now that the database is closed: a timer must not be among it.
const pending = process.getActiveResourcesInfo();
console.log(JSON.stringify({ fromTemplate: rows[0]?.exists === true, migrationsRun: migrated.length, pending }));
