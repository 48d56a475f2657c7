import { loadConfig } from '../config.ts';
import { openCommandDatabase } from './command-database.ts';
import { migrateDatabase } from './roles.ts';

// `npm run db:migrate`: migrates the configured database and exits non-zero on failure. Like the
// server, it waits up to DATABASE_WAIT_SECONDS for a database that is starting.
const config = loadConfig(process.env);
try {
  const { db, close } = await openCommandDatabase(config, { migrate: false });
  try {
    const results = await migrateDatabase(config, db);
    for (const r of results ?? []) console.log(`${r.status}: ${r.migrationName}`);
    if (!results?.length) console.log('Database is up to date.');
  } finally {
    await close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
