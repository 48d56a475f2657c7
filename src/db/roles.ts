import { sql } from 'kysely';
import type { AppConfig } from '../config.ts';
import { type Db, openDatabase } from './database.ts';
import { migrateToLatest } from './migrator.ts';

/** The tables the server's role may read and add to, but never change or empty. */
const appendOnlyTables = ['audit_log'] as const;

/**
 * What the server's role may do, granted by the owner after every migration so new tables are
 * covered: read and write the application's tables, except the audit log, which it may only read
 * and add to. It owns nothing, so it cannot switch off a table's triggers either; the one change
 * to audit rows it can ask for is audit_log_pseudonymise(), which runs with the owner's rights.
 */
export async function grantServerRole(owner: Db, role: string): Promise<void> {
  const r = sql.id(role);
  await sql`grant usage on schema public to ${r}`.execute(owner);
  await sql`grant select, insert, update, delete on all tables in schema public to ${r}`.execute(owner);
  await sql`grant usage, select on all sequences in schema public to ${r}`.execute(owner);
  for (const table of appendOnlyTables) {
    await sql`revoke update, delete, truncate on ${sql.table(table)} from ${r}`.execute(owner);
  }
  // Only migrations touch their own bookkeeping.
  await sql`revoke insert, update, delete, truncate on kysely_migration, kysely_migration_lock from ${r}`.execute(
    owner,
  );
}

/** The role a PostgreSQL URL logs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username) || 'postgres';
}

/**
 * Brings the database to the latest version. With MIGRATION_DATABASE_URL, as the owner role,
 * which then grants the server's role (DATABASE_URL's) its rights; otherwise as the server's role.
 */
export async function migrateDatabase(config: AppConfig, db: Db): Promise<Awaited<ReturnType<typeof migrateToLatest>>> {
  if (!config.migrationUrl || config.database.engine !== 'postgres') return migrateToLatest(db);
  const owner = await openDatabase({ engine: 'postgres', url: config.migrationUrl, poolSize: 1 });
  try {
    const results = await migrateToLatest(owner);
    await grantServerRole(owner, roleOf(config.database.url));
    return results;
  } finally {
    await owner.destroy();
  }
}
