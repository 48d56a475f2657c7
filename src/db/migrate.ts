import { loadConfig } from '../config.ts';
import { describeDatabase, openDatabase } from './database.ts';
import { migrateToLatest } from './migrator.ts';
import { waitForDatabase } from './readiness.ts';

// `npm run db:migrate`: migrates the configured database and exits non-zero on failure. Like the
// server, it waits up to DATABASE_WAIT_SECONDS for a database that is starting.
const config = loadConfig(process.env);
const db = await openDatabase(config.database);
try {
  await waitForDatabase(db, {
    waitSeconds: config.databaseWaitSeconds,
    target: describeDatabase(config.database),
    log: (message) => console.error(message),
  });
  const results = await migrateToLatest(db);
  for (const r of results ?? []) console.log(`${r.status}: ${r.migrationName}`);
  if (!results?.length) console.log('Database is up to date.');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
