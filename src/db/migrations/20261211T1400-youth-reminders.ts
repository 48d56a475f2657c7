import { type Kysely, sql } from 'kysely';

/**
 * Reminders the day before (Påmindelser, docs/decisions/0018-reminders-the-day-before.md).
 *
 * - `youth_reminder_choice`: the youth's own choice on Mit forløb. A row means "yes, remind me",
 *   by SMS or e-mail, in the language of the page they chose it on; no row means no reminders
 *   (the default).
 * - `youth_reminder`: every reminder the scheduler has taken on, one per youth, meeting or
 *   appointment and start time. The unique key is what makes a reminder go out once, whichever
 *   instance sends it and however often the scheduler runs: it is written, and committed, before
 *   the message leaves. A meeting moved to another time is a new reminder.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('youth_reminder_choice')
    .addColumn('youth_id', 'uuid', (c) => c.primaryKey().references('youth.id'))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms', 'email')`))
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('da', 'en')`))
    .addColumn('chosen_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('youth_reminder')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('municipality_id', 'uuid', (c) => c.notNull().references('municipality.id'))
    .addColumn('youth_id', 'uuid', (c) => c.notNull().references('youth.id'))
    .addColumn('subject', 'text', (c) => c.notNull().check(sql`subject in ('group_meeting', 'appointment')`))
    .addColumn('subject_id', 'uuid', (c) => c.notNull())
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms', 'email')`))
    .addColumn('taken_at', 'timestamptz', (c) => c.notNull())
    /** The message in the outbox, once it has been tried; null while it is on its way. */
    .addColumn('message_id', 'uuid', (c) => c.references('outgoing_message.id').onDelete('set null'))
    .addUniqueConstraint('youth_reminder_once_key', ['youth_id', 'subject', 'subject_id', 'starts_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('youth_reminder').execute();
  await db.schema.dropTable('youth_reminder_choice').execute();
}
