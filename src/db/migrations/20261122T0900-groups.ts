import { type Kysely, sql } from 'kysely';

/** Network groups, their members, meetings and attendance. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('network_group')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('facilitator_id', 'uuid', (c) => c.notNull().references('app_user.id'))
    // ISO weekday, 1 = Monday.
    .addColumn('weekday', 'integer', (c) => c.notNull().check(sql`weekday between 1 and 7`))
    .addColumn('start_time', 'text', (c) => c.notNull().check(sql`start_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().defaultTo(120))
    .addColumn('place', 'text', (c) => c.notNull())
    // 6-8 youth is the model, up to 12 (Rockwool Fonden: Hvad er NExTWORK? and the NExTWORK evaluation summary (2025)).
    .addColumn('capacity', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(8)
        .check(sql`capacity between 1 and 12`),
    )
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('group_membership')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('group_id', 'uuid', (c) => c.notNull().references('network_group.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    // member while in the programme; alumni after exit, when the youth stays in the group.
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .defaultTo('member')
        .check(sql`role in ('member', 'alumni')`),
    )
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull())
    .addColumn('left_at', 'timestamptz')
    .execute();
  // A youth is in at most one group at a time.
  await sql`create unique index group_membership_one_current on group_membership (youth_id) where left_at is null`.execute(
    db,
  );
  await db.schema
    .createIndex('group_membership_group_idx')
    .on('group_membership')
    .columns(['group_id', 'left_at'])
    .execute();
  await db.schema.createIndex('group_membership_journey_idx').on('group_membership').column('journey_id').execute();

  await db.schema
    .createTable('group_meeting')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('group_id', 'uuid', (c) => c.notNull().references('network_group.id'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_minutes', 'integer', (c) => c.notNull().check(sql`duration_minutes between 15 and 480`))
    .addColumn('place', 'text', (c) => c.notNull())
    // held: attendance has been taken. A meeting is never deleted once held.
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('planned')
        .check(sql`status in ('planned', 'held', 'cancelled')`),
    )
    .addColumn('note', 'text')
    // The weekly slot the group's schedule produced this meeting for; null when added by hand. It
    // stays when the meeting is moved or cancelled, so generating again does not bring it back.
    .addColumn('scheduled_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    // One meeting of a group at a time; generating the schedule twice creates nothing new.
    .addUniqueConstraint('group_meeting_group_starts_key', ['group_id', 'starts_at'])
    .addUniqueConstraint('group_meeting_group_slot_key', ['group_id', 'scheduled_at'])
    .execute();
  await db.schema
    .createIndex('group_meeting_municipality_idx')
    .on('group_meeting')
    .columns(['municipality_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('group_attendance')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('group_meeting.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    // The journey the youth was a member through at the meeting: its activity is what attendance touches.
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('attended', 'absent_with_notice', 'absent')`))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('app_user.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('group_attendance_meeting_youth_key', ['meeting_id', 'youth_id'])
    .execute();
  await db.schema.createIndex('group_attendance_youth_idx').on('group_attendance').column('youth_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('group_attendance').execute();
  await db.schema.dropTable('group_meeting').execute();
  await db.schema.dropTable('group_membership').execute();
  await db.schema.dropTable('network_group').execute();
}
