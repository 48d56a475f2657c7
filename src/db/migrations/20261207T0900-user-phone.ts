import type { Kysely } from 'kysely';

/**
 * A caseworker's phone number, optional: the printed plan tells the youth to ring only when there
 * is a number to ring, and otherwise to write.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('phone', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').dropColumn('phone').execute();
}
