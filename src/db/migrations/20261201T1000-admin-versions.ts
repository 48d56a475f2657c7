import type { Kysely } from 'kysely';

/**
 * Optimistic concurrency for what administrators change: a user's version, and the version of a
 * municipality's settings. A change names the version it was made against, so two administrators
 * editing at once cannot silently overwrite each other.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('app_user')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('municipality')
    .addColumn('settings_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('municipality').dropColumn('settings_version').execute();
  await db.schema.alterTable('app_user').dropColumn('version').execute();
}
