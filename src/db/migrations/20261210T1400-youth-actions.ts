import { type Kysely, sql } from 'kysely';

/**
 * What the young person does on their own side (Mit forløb): checking in at a group meeting,
 * reporting afbud, and reporting hours worked (docs/decisions/0015-youth-actions.md).
 *
 * - An attendance row says who recorded it: `source` 'staff' (recorded_by the user) or 'youth'
 *   (the youth checked in or reported afbud themselves, recorded_by null).
 * - A meeting gets its check-in code when its facilitator first shows it, in the check-in window.
 * - An appointment can carry the youth's afbud: when, and their optional reason.
 * - Hours the youth reports wait in `hours_report` until the caseworker confirms or corrects them;
 *   only then are they written to `placement_hours`, which the risk rules read, with source 'youth'.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('group_attendance')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('staff'))
    .execute();
  await db.schema
    .alterTable('group_attendance')
    .alterColumn('recorded_by', (c) => c.dropNotNull())
    .execute();
  await sql`alter table group_attendance add constraint group_attendance_source_check
    check ((source = 'staff' and recorded_by is not null) or (source = 'youth' and recorded_by is null))`.execute(db);

  await db.schema.alterTable('group_meeting').addColumn('check_in_code', 'text').execute();
  // Codes are drawn at random and not unique forever: a check-in looks among the meetings whose
  // window is open now, where two alike are next to impossible (and the youth's own group wins).
  await db.schema
    .createIndex('group_meeting_check_in_code_idx')
    .on('group_meeting')
    .columns(['municipality_id', 'check_in_code'])
    .where(sql.ref('check_in_code'), 'is not', null)
    .execute();

  await db.schema
    .alterTable('appointment')
    .addColumn('notified_absence_at', 'timestamptz')
    .addColumn('notified_absence_note', 'text')
    .execute();

  await db.schema
    .alterTable('placement_hours')
    .addColumn('source', 'text', (c) =>
      c
        .notNull()
        .defaultTo('staff')
        .check(sql`source in ('staff', 'youth')`),
    )
    .execute();

  await db.schema
    .createTable('hours_report')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('placement_id', 'uuid', (c) => c.notNull().references('placement.id'))
    .addColumn('journey_id', 'uuid', (c) => c.notNull().references('journey.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('week_start', 'date', (c) => c.notNull().check(sql`extract(isodow from week_start) = 1`))
    .addColumn('hours', sql`numeric(4, 1)`, (c) => c.notNull().check(sql`hours between 0 and 60`))
    .addColumn('note', 'text')
    .addColumn('reported_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('reported')
        .check(sql`status in ('reported', 'confirmed', 'corrected')`),
    )
    .addColumn('confirmed_hours', sql`numeric(4, 1)`, (c) => c.check(sql`confirmed_hours between 0 and 60`))
    .addColumn('decided_by', 'uuid', (c) => c.references('app_user.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('hours_report_week_key', ['placement_id', 'week_start'])
    .addCheckConstraint(
      'hours_report_decided_check',
      sql`(status = 'reported') = (decided_by is null and decided_at is null and confirmed_hours is null)`,
    )
    .execute();
  await db.schema
    .createIndex('hours_report_journey_idx')
    .on('hours_report')
    .columns(['journey_id', 'status'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('hours_report').execute();
  await db.schema.alterTable('placement_hours').dropColumn('source').execute();
  await db.schema
    .alterTable('appointment')
    .dropColumn('notified_absence_at')
    .dropColumn('notified_absence_note')
    .execute();
  await db.schema.dropIndex('group_meeting_check_in_code_idx').execute();
  await db.schema.alterTable('group_meeting').dropColumn('check_in_code').execute();
  await sql`delete from group_attendance where source = 'youth'`.execute(db);
  await sql`alter table group_attendance drop constraint group_attendance_source_check`.execute(db);
  await db.schema
    .alterTable('group_attendance')
    .alterColumn('recorded_by', (c) => c.setNotNull())
    .execute();
  await db.schema.alterTable('group_attendance').dropColumn('source').execute();
}
