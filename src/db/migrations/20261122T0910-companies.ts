import { type Kysely, sql } from 'kysely';

/**
 * The company network: companies, their contact persons, network meetings and match events.
 *
 * Rows that point at another municipality-owned row carry `municipality_id` in the foreign key
 * too, so the database itself refuses a reference across municipalities (and the schema can be
 * distributed by municipality without change, docs/architecture.md).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('company')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cvr', 'text', (c) => c.notNull().check(sql`cvr ~ '^[0-9]{8}$'`))
    .addColumn('industry', 'text')
    .addColumn('address', 'text')
    .addColumn('placement_capacity', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(1)
        .check(sql`placement_capacity >= 0`),
    )
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('company_municipality_cvr_key', ['municipality_id', 'cvr'])
    .addUniqueConstraint('company_municipality_id_key', ['municipality_id', 'id'])
    .execute();

  await db.schema
    .createTable('company_contact')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('company_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    // A removed contact stays (placements may name it) but is no longer offered.
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('company_contact_company_fkey', ['municipality_id', 'company_id'], 'company', [
      'municipality_id',
      'id',
    ])
    .execute();
  await db.schema.createIndex('company_contact_company_idx').on('company_contact').column('company_id').execute();

  // The company network meets 5-6 times a year (NExTWORK: Vejen til uddannelse går gennem job! (2018)).
  await db.schema
    .createTable('company_meeting')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('company_meeting_municipality_id_key', ['municipality_id', 'id'])
    .execute();
  await db.schema
    .createIndex('company_meeting_held_on_idx')
    .on('company_meeting')
    .columns(['municipality_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('company_meeting_attendance')
    .addColumn('municipality_id', 'uuid', (c) => c.notNull())
    .addColumn('meeting_id', 'uuid', (c) => c.notNull())
    .addColumn('company_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('company_meeting_attendance_pkey', ['meeting_id', 'company_id'])
    .addForeignKeyConstraint(
      'company_meeting_attendance_meeting_fkey',
      ['municipality_id', 'meeting_id'],
      'company_meeting',
      ['municipality_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('company_meeting_attendance_company_fkey', ['municipality_id', 'company_id'], 'company', [
      'municipality_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('company_meeting_attendance_company_idx')
    .on('company_meeting_attendance')
    .column('company_id')
    .execute();

  // Match events: youth meet several companies, state wishes; companies state interest (Rockwool Fonden: Hvad er NExTWORK?; NExTWORK: Vejen til uddannelse går gennem job! (2018); the NExTWORK evaluation summary (2025)).
  await db.schema
    .createTable('match_event')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('match_event_municipality_id_key', ['municipality_id', 'id'])
    .execute();
  await db.schema
    .createIndex('match_event_held_on_idx')
    .on('match_event')
    .columns(['municipality_id', 'held_on'])
    .execute();

  await db.schema
    .createTable('match_event_company')
    .addColumn('municipality_id', 'uuid', (c) => c.notNull())
    .addColumn('match_event_id', 'uuid', (c) => c.notNull())
    .addColumn('company_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('match_event_company_pkey', ['match_event_id', 'company_id'])
    .addForeignKeyConstraint(
      'match_event_company_event_fkey',
      ['municipality_id', 'match_event_id'],
      'match_event',
      ['municipality_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint('match_event_company_company_fkey', ['municipality_id', 'company_id'], 'company', [
      'municipality_id',
      'id',
    ])
    .execute();
  await db.schema
    .createIndex('match_event_company_company_idx')
    .on('match_event_company')
    .column('company_id')
    .execute();

  await db.schema
    .createTable('match_event_youth')
    .addColumn('municipality_id', 'uuid', (c) => c.notNull())
    .addColumn('match_event_id', 'uuid', (c) => c.notNull())
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addPrimaryKeyConstraint('match_event_youth_pkey', ['match_event_id', 'journey_id'])
    .addForeignKeyConstraint(
      'match_event_youth_event_fkey',
      ['municipality_id', 'match_event_id'],
      'match_event',
      ['municipality_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema.createIndex('match_event_youth_journey_idx').on('match_event_youth').column('journey_id').execute();

  // A youth's wishes, ranked 1..n; only companies taking part in the event. Taking a youth or a
  // company off the event removes what was recorded for them.
  await db.schema
    .createTable('match_wish')
    .addColumn('municipality_id', 'uuid', (c) => c.notNull())
    .addColumn('match_event_id', 'uuid', (c) => c.notNull())
    .addColumn('journey_id', 'uuid', (c) => c.notNull())
    .addColumn('company_id', 'uuid', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull().check(sql`rank >= 1`))
    .addPrimaryKeyConstraint('match_wish_pkey', ['match_event_id', 'journey_id', 'company_id'])
    .addUniqueConstraint('match_wish_rank_key', ['match_event_id', 'journey_id', 'rank'])
    .addForeignKeyConstraint(
      'match_wish_youth_fkey',
      ['match_event_id', 'journey_id'],
      'match_event_youth',
      ['match_event_id', 'journey_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'match_wish_company_fkey',
      ['match_event_id', 'company_id'],
      'match_event_company',
      ['match_event_id', 'company_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();

  // A company's interest in youth of the same event.
  await db.schema
    .createTable('match_interest')
    .addColumn('municipality_id', 'uuid', (c) => c.notNull())
    .addColumn('match_event_id', 'uuid', (c) => c.notNull())
    .addColumn('company_id', 'uuid', (c) => c.notNull())
    .addColumn('journey_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('match_interest_pkey', ['match_event_id', 'company_id', 'journey_id'])
    .addForeignKeyConstraint(
      'match_interest_company_fkey',
      ['match_event_id', 'company_id'],
      'match_event_company',
      ['match_event_id', 'company_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .addForeignKeyConstraint(
      'match_interest_youth_fkey',
      ['match_event_id', 'journey_id'],
      'match_event_youth',
      ['match_event_id', 'journey_id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'match_interest',
    'match_wish',
    'match_event_youth',
    'match_event_company',
    'match_event',
    'company_meeting_attendance',
    'company_meeting',
    'company_contact',
    'company',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
