import { type Kysely, sql } from 'kysely';

/**
 * The next day each open journey's risk verdict can change without a new event, so the nightly
 * sweep reads only the journeys due; and the rule set version each sweep ran with, so a new
 * version of the rules makes the next sweep look at every journey again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('journey').addColumn('risk_check_on', 'date').execute();
  await sql`create index journey_risk_check_idx on journey (risk_check_on) where open`.execute(db);
  await db.schema.alterTable('sweep_run').addColumn('rule_set_version', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sweep_run').dropColumn('rule_set_version').execute();
  await sql`drop index journey_risk_check_idx`.execute(db);
  await db.schema.alterTable('journey').dropColumn('risk_check_on').execute();
}
