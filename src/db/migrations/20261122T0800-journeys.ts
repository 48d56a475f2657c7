import { type Kysely, sql } from 'kysely';

/**
 * Journeys (forløb) with their persisted statechart snapshot, the append-only event log, and the
 * rule decisions made along the way (docs/domain.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('journey')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('returning', 'boolean', (c) => c.notNull())
    .addColumn('referral_source', 'text', (c) =>
      c.notNull().check(sql`referral_source in ('jobcenter', 'uu', 'self', 'other_unit')`),
    )
    .addColumn('referral_reason', 'text', (c) => c.notNull())
    .addColumn('first_contact_at', 'timestamptz', (c) => c.notNull())
    // Denormalised from the snapshot for queries; `open` is what "at most one open journey" means.
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('open', 'boolean', (c) => c.notNull())
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('machine_version', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index journey_one_open_per_youth on journey (youth_id) where open`.execute(db);
  await db.schema.createIndex('journey_youth_idx').on('journey').columns(['municipality_id', 'youth_id']).execute();
  await db.schema.createIndex('journey_stage_idx').on('journey').columns(['municipality_id', 'stage']).execute();

  await db.schema
    .createTable('journey_event')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    // The journey version this event produced: unique, so two writers cannot both append.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addUniqueConstraint('journey_event_seq_key', ['journey_id', 'seq'])
    .execute();
  await sql`
    create function journey_event_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'journey_event is append-only' using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`
    create trigger journey_event_no_update_delete before update or delete on journey_event
    for each row execute function journey_event_append_only()`.execute(db);

  await db.schema
    .createTable('rule_decision')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('event_seq', 'integer', (c) => c.notNull())
    .addColumn('rule_set', 'text', (c) => c.notNull())
    .addColumn('rule_set_version', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('facts', 'jsonb', (c) => c.notNull())
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('rule_decision_journey_idx')
    .on('rule_decision')
    .columns(['journey_id', 'event_seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rule_decision').execute();
  await db.schema.dropTable('journey_event').execute();
  await sql`drop function journey_event_append_only()`.execute(db);
  await db.schema.dropTable('journey').execute();
}
