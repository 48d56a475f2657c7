import type { Kysely } from 'kysely';

/**
 * The login rate limit's counters. They live in the database rather than in each process, so
 * that the limit holds for a client however many instances stand behind the proxy. A client has
 * one row per rate-limited route; a window that is over is restarted in place.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_limit_window')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rate_limit_window_expires_idx').on('rate_limit_window').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limit_window').execute();
}
