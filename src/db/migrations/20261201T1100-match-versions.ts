import type { Kysely } from 'kysely';

/**
 * A version for each youth's wishes and each company's interest at a match event, so that two
 * caseworkers entering them at the same event cannot overwrite each other unnoticed: a write
 * names the version it was made against and a stale one is refused. One version per youth and
 * per company (not the event's), so colleagues entering different youth do not block each other.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('match_event_youth')
    .addColumn('wishes_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('match_event_company')
    .addColumn('interests_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('match_event_company').dropColumn('interests_version').execute();
  await db.schema.alterTable('match_event_youth').dropColumn('wishes_version').execute();
}
