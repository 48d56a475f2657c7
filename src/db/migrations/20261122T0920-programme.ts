import { type Kysely, sql } from 'kysely';

/** Placements and their hours, activities, progression measurements and follow-ups. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('placement')
    // No default: the journey service creates the id and puts it on PLACEMENT_STARTED.
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('company_id', 'uuid', (c) => c.notNull().references('company.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('internship', 'paid_hours', 'wage_subsidy')`))
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('planned_end', 'date')
    // Half hours happen; the machine allows 1 to 40 hours a week.
    .addColumn('hours_per_week', sql`numeric(4, 1)`, (c) => c.notNull().check(sql`hours_per_week between 1 and 40`))
    // A company contact person. Deliberately no foreign key: company contacts are a table of
    // their own, added separately; the company feature owns their lifecycle.
    .addColumn('contact_id', 'uuid')
    .addColumn('chosen_by_youth', 'boolean', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text', (c) => c.check(sql`char_length(end_reason) <= 1000`))
    .addColumn('end_cause', 'text', (c) => c.check(sql`end_cause in ('ended', 'exited', 'withdrawn')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('placement_planned_end_after_start', sql`planned_end >= start_date`)
    .addCheckConstraint('placement_ended_has_cause', sql`(ended_at is null) = (end_cause is null)`)
    .execute();
  // The machine allows one current placement per journey; the database agrees.
  await sql`create unique index placement_one_running_per_journey on placement (journey_id) where ended_at is null`.execute(
    db,
  );
  await db.schema
    .createIndex('placement_company_idx')
    .on('placement')
    .columns(['municipality_id', 'company_id', 'ended_at'])
    .execute();

  await db.schema
    .createTable('placement_hours')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('placement_id', 'uuid', (c) => c.notNull().references('placement.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    // ISO weeks: Monday is day 1.
    .addColumn('week_start', 'date', (c) => c.notNull().check(sql`extract(isodow from week_start) = 1`))
    .addColumn('hours', sql`numeric(4, 1)`, (c) => c.notNull().check(sql`hours between 0 and 60`))
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('placement_hours_week_key', ['placement_id', 'week_start'])
    .execute();
  await db.schema
    .createIndex('placement_hours_journey_idx')
    .on('placement_hours')
    .columns(['journey_id', 'week_start'])
    .execute();

  await db.schema
    .createTable('activity')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('conversation', 'mentor_contact', 'other_contact')`),
    )
    .addColumn('conversation_kind', 'text', (c) => c.check(sql`conversation_kind in ('individual', 'group', 'phone')`))
    .addColumn('job_conversation', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.check(sql`char_length(note) <= 2000`))
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('activity_conversation_kind', sql`(kind = 'conversation') = (conversation_kind is not null)`)
    // Only individual conversations can be job conversations (LAB § 31 stk. 3).
    .addCheckConstraint('activity_job_conversation', sql`not job_conversation or conversation_kind = 'individual'`)
    .execute();
  await db.schema.createIndex('activity_journey_idx').on('activity').columns(['journey_id', 'occurred_at']).execute();

  await db.schema
    .createTable('progression_measurement')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('measured_on', 'date', (c) => c.notNull())
    .addColumn('assessed_by', 'text', (c) => c.notNull().check(sql`assessed_by in ('youth', 'caseworker')`))
    .addColumn('belief_in_own_abilities', 'smallint', (c) => c.check(sql`belief_in_own_abilities between 1 and 10`))
    .addColumn('self_rated_health', 'smallint', (c) => c.check(sql`self_rated_health between 1 and 10`))
    .addColumn('network', 'smallint', (c) => c.check(sql`network between 1 and 10`))
    .addColumn('meaning_and_direction', 'smallint', (c) => c.check(sql`meaning_and_direction between 1 and 10`))
    .addColumn('readiness', 'smallint', (c) => c.check(sql`readiness between 1 and 10`))
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint(
      'progression_measurement_some_score',
      sql`coalesce(belief_in_own_abilities, self_rated_health, network, meaning_and_direction, readiness) is not null`,
    )
    .execute();
  await db.schema
    .createIndex('progression_measurement_journey_idx')
    .on('progression_measurement')
    .columns(['journey_id', 'measured_on'])
    .execute();

  await db.schema
    .createTable('follow_up')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('month', 'smallint', (c) => c.notNull().check(sql`month in (3, 6, 12)`))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.check(sql`status in ('in_job', 'in_education', 'back_on_benefit', 'unknown')`),
    )
    .addColumn('recorded_at', 'timestamptz')
    .addColumn('recorded_by', 'uuid', (c) => c.references('app_user.id'))
    .addUniqueConstraint('follow_up_journey_month_key', ['journey_id', 'month'])
    .addCheckConstraint('follow_up_recorded', sql`(status is null) = (recorded_at is null)`)
    .execute();
  // The overview of follow-ups still to be done, by due date.
  await sql`create index follow_up_pending_idx on follow_up (municipality_id, due_on) where status is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('follow_up').execute();
  await db.schema.dropTable('progression_measurement').execute();
  await db.schema.dropTable('activity').execute();
  await db.schema.dropTable('placement_hours').execute();
  await db.schema.dropTable('placement').execute();
}
