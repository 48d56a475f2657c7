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
  // The sweep's other question: which alerts must be looked at whatever their journey's day.
  await sql`create index alert_escalation_due_idx on alert (opened_at) where status <> 'resolved' and escalated_at is null`.execute(
    db,
  );
  await sql`create index alert_snooze_due_idx on alert (snoozed_until) where status = 'snoozed'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index alert_snooze_due_idx`.execute(db);
  await sql`drop index alert_escalation_due_idx`.execute(db);
  await db.schema.alterTable('sweep_run').dropColumn('rule_set_version').execute();
  await sql`drop index journey_risk_check_idx`.execute(db);
  await db.schema.alterTable('journey').dropColumn('risk_check_on').execute();
}
