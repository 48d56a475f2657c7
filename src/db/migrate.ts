import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest } from './migrator.ts';

// `npm run db:migrate`: migrates the configured database and exits non-zero on failure.
const config = loadConfig(process.env);
const db = await openDatabase(config.database);
try {
  const results = await migrateToLatest(db);
  for (const r of results ?? []) console.log(`${r.status}: ${r.migrationName}`);
  if (!results?.length) console.log('Database is up to date.');
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
