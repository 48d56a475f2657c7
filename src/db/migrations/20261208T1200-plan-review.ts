import type { Kysely } from 'kysely';

/**
 * The day the caseworker and the youth go through the plan together again ("næste gennemgang").
 * Optional: a plan that has none has no review deadline on "I dag" or the caseload.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan_content').addColumn('review_on', 'date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('plan_content').dropColumn('review_on').execute();
}
