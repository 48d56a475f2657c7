import { type Kysely, sql } from 'kysely';

/**
 * Passivity risk: the facts the risk rules read are kept current on the journey row as events
 * and activity are recorded, so the nightly sweep reads one narrow set of columns instead of
 * aggregating every activity table (docs/decisions/0001-embedded-postgresql-by-default.md: aggregate first, join afterwards).
 * Alerts have a lifecycle with a history; at most one alert per journey and code is not resolved.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('journey')
    .addColumn('placement_state', 'text')
    .addColumn('first_conversation_at', 'timestamptz')
    .addColumn('visitation_at', 'timestamptz')
    .addColumn('group_joined_at', 'timestamptz')
    .addColumn('ever_placed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('placed_since', 'timestamptz')
    .addColumn('placement_hours_per_week', 'real')
    .addColumn('placement_ended_at', 'timestamptz')
    .addColumn('expected_return', 'date')
    .addColumn('missed_meetings_in_row', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('conversations_first_6m', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_progression_at', 'timestamptz')
    .addColumn('next_follow_up_due', 'date')
    .execute();
  await sql`create index journey_open_idx on journey (municipality_id) where open`.execute(db);

  await db.schema
    .createTable('alert')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('info', 'low', 'medium', 'high')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'acknowledged', 'snoozed', 'resolved')`),
    )
    .addColumn('for_leader', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('assigned_to', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('escalated_at', 'timestamptz')
    .addColumn('snoozed_until', 'date')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('explanation', 'jsonb', (c) => c.notNull())
    .addColumn('facts', 'jsonb', (c) => c.notNull())
    .addColumn('rule_set_version', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The rule of docs/domain.md, "The rules": at most one alert per journey and code that is not resolved.
  await sql`create unique index alert_one_unresolved on alert (journey_id, code) where status <> 'resolved'`.execute(
    db,
  );
  await sql`create index alert_inbox_idx on alert (municipality_id, status, severity) where status <> 'resolved'`.execute(
    db,
  );

  await db.schema
    .createTable('alert_history')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('alert_id', 'uuid', (c) => c.notNull().references('alert.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    // null: the system (a sweep or the rules after an event)
    .addColumn('actor_id', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('alert_history_alert_idx').on('alert_history').column('alert_id').execute();

  // New alerts for a municipality's webhook, written with the alert and delivered afterwards with
  // retries, so a receiver that is down loses nothing.
  await db.schema
    .createTable('webhook_delivery')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('alert_id', 'uuid', (c) => c.notNull().references('alert.id'))
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .execute();
  await sql`create index webhook_delivery_pending_idx on webhook_delivery (next_attempt_at) where delivered_at is null`.execute(
    db,
  );

  // When each municipality's leaders last got the alert digest.
  await db.schema
    .createTable('alert_digest')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull())
    .addColumn('alerts', 'integer', (c) => c.notNull())
    .addColumn('mails', 'integer', (c) => c.notNull())
    .execute();

  // A system table: one row per sweep over all municipalities (like kysely's migration table).
  await db.schema
    .createTable('sweep_run')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('journeys', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resolved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sweep_run').execute();
  await db.schema.dropTable('webhook_delivery').execute();
  await db.schema.dropTable('alert_digest').execute();
  await db.schema.dropTable('alert_history').execute();
  await db.schema.dropTable('alert').execute();
  await sql`drop index journey_open_idx`.execute(db);
  await db.schema
    .alterTable('journey')
    .dropColumn('placement_state')
    .dropColumn('first_conversation_at')
    .dropColumn('visitation_at')
    .dropColumn('group_joined_at')
    .dropColumn('ever_placed')
    .dropColumn('placed_since')
    .dropColumn('placement_hours_per_week')
    .dropColumn('placement_ended_at')
    .dropColumn('expected_return')
    .dropColumn('missed_meetings_in_row')
    .dropColumn('conversations_first_6m')
    .dropColumn('last_progression_at')
    .dropColumn('next_follow_up_due')
    .execute();
}
