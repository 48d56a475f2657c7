import { type Kysely, sql } from 'kysely';

/**
 * Appointments with a youth (docs/domain.md, glossary, "aftale"), and each user's calendar feed.
 *
 * - An appointment is booked for a time, held in person (at a place), by phone or by video, and is
 *   of a kind: an individual job conversation (LAB § 31), another conversation, or another meeting.
 *   It is planned until it is held (then it is the recorded conversation or contact) or cancelled.
 * - A calendar feed is found by the hash of its secret address; the address itself is derived from
 *   the server's secret and the feed's salt (src/appointments/calendar-feed.ts), never stored.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('appointment')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    /** Who holds it. */
    .addColumn('caseworker_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('job_conversation', 'conversation', 'other_meeting')`),
    )
    .addColumn('mode', 'text', (c) => c.notNull().check(sql`mode in ('in_person', 'phone', 'video')`))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes between 5 and 480`))
    .addColumn('place', 'text')
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('planned')
        .check(sql`status in ('planned', 'held', 'cancelled')`),
    )
    .addColumn('held_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // A meeting in person happens somewhere.
    .addCheckConstraint('appointment_place_in_person', sql`mode <> 'in_person' or place is not null`)
    .execute();
  await db.schema
    .createIndex('appointment_caseworker_idx')
    .on('appointment')
    .columns(['municipality_id', 'caseworker_id', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('appointment_youth_idx')
    .on('appointment')
    .columns(['municipality_id', 'youth_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('calendar_feed')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('app_user.id'))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_feed').execute();
  await db.schema.dropTable('appointment').execute();
}
