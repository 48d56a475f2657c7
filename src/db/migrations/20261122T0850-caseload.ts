import { type Kysely, sql } from 'kysely';

/**
 * Each journey has a responsible caseworker (a leader reassigns caseloads) and the time of the
 * youth's last recorded activity, kept current as activity is recorded, so caseload lists and
 * the passivity rules read one column instead of aggregating every activity table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('journey')
    .addColumn('caseworker_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('last_activity_at', 'timestamptz')
    .execute();
  await sql`update journey set caseworker_id = created_by`.execute(db);
  await db.schema
    .alterTable('journey')
    .alterColumn('caseworker_id', (c) => c.setNotNull())
    .execute();
  await db.schema
    .createIndex('journey_caseworker_idx')
    .on('journey')
    .columns(['municipality_id', 'caseworker_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('journey').dropColumn('last_activity_at').dropColumn('caseworker_id').execute();
}
