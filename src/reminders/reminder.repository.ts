import type { ConversationMode } from '../../machines/events.ts';
import type { Db } from '../db/database.ts';
import type { Lang } from '../shared/i18n.ts';
import type { InvitationChannel } from '../youth-login/youth-login.tables.ts';
import type { ReminderSubject } from './reminder.tables.ts';

/** The youth's choice: reminders by SMS or e-mail, in a language; undefined when they want none. */
export interface ReminderChoice {
  channel: InvitationChannel;
  lang: Lang;
  chosenAt: Date;
}

export async function findReminderChoice(
  db: Db,
  municipalityId: string,
  youthId: string,
): Promise<ReminderChoice | undefined> {
  const row = await db
    .selectFrom('youth_reminder_choice')
    .select(['channel', 'lang', 'chosen_at'])
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .executeTakeFirst();
  return row ? { channel: row.channel, lang: row.lang, chosenAt: row.chosen_at } : undefined;
}

export async function saveReminderChoice(
  db: Db,
  choice: { municipalityId: string; youthId: string; channel: InvitationChannel; lang: Lang; now: Date },
): Promise<void> {
  await db
    .insertInto('youth_reminder_choice')
    .values({
      youth_id: choice.youthId,
      municipality_id: choice.municipalityId,
      channel: choice.channel,
      lang: choice.lang,
      chosen_at: choice.now,
    })
    .onConflict((oc) =>
      oc.column('youth_id').doUpdateSet({ channel: choice.channel, lang: choice.lang, chosen_at: choice.now }),
    )
    .execute();
}

/** Whether there was a choice to remove. */
export async function deleteReminderChoice(db: Db, municipalityId: string, youthId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('youth_reminder_choice')
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** A meeting or appointment a youth who asked for reminders has in the period, not yet reminded of. */
export interface DueReminder {
  municipalityId: string;
  youthId: string;
  youthName: string;
  phone: string | null;
  email: string | null;
  channel: InvitationChannel;
  lang: Lang;
  subject: ReminderSubject;
  subjectId: string;
  startsAt: Date;
  /** Where the youth meets; null for an appointment by phone or video. */
  place: string | null;
  /** How an appointment is held; null for a group meeting. */
  mode: ConversationMode | null;
}

/**
 * The reminders due for meetings and appointments that begin in the period, across municipalities:
 * for youth who asked for them and are not anonymised, in a journey that is not closed; a meeting of
 * the group the youth is in now, planned (not cancelled), without anything recorded for the youth
 * (an afbud); an appointment planned, without the youth's afbud; and no reminder taken on yet for
 * it at this start time.
 */
export async function listDueReminders(db: Db, period: { from: Date; to: Date }): Promise<DueReminder[]> {
  const meetings = await db
    .selectFrom('group_meeting')
    .innerJoin('group_membership', (join) =>
      join
        .onRef('group_membership.group_id', '=', 'group_meeting.group_id')
        .onRef('group_membership.municipality_id', '=', 'group_meeting.municipality_id')
        .on('group_membership.left_at', 'is', null),
    )
    .innerJoin('journey', 'journey.id', 'group_membership.journey_id')
    .innerJoin('youth', 'youth.id', 'group_membership.youth_id')
    .innerJoin('youth_reminder_choice', 'youth_reminder_choice.youth_id', 'youth.id')
    .select([
      'group_meeting.municipality_id',
      'youth.id as youth_id',
      'youth.name',
      'youth.phone',
      'youth.email',
      'youth_reminder_choice.channel',
      'youth_reminder_choice.lang',
      'group_meeting.id as subject_id',
      'group_meeting.starts_at',
      'group_meeting.place',
    ])
    .where('group_meeting.status', '=', 'planned')
    .where('group_meeting.starts_at', '>=', period.from)
    .where('group_meeting.starts_at', '<', period.to)
    .where('journey.stage', '!=', 'closed')
    .where('youth.anonymised_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('group_attendance')
            .select('group_attendance.id')
            .whereRef('group_attendance.meeting_id', '=', 'group_meeting.id')
            .whereRef('group_attendance.youth_id', '=', 'youth.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('youth_reminder')
            .select('youth_reminder.id')
            .whereRef('youth_reminder.youth_id', '=', 'youth.id')
            .where('youth_reminder.subject', '=', 'group_meeting')
            .whereRef('youth_reminder.subject_id', '=', 'group_meeting.id')
            .whereRef('youth_reminder.starts_at', '=', 'group_meeting.starts_at'),
        ),
      ),
    )
    .execute();

  const appointments = await db
    .selectFrom('appointment')
    .innerJoin('journey', 'journey.id', 'appointment.journey_id')
    .innerJoin('youth', 'youth.id', 'appointment.youth_id')
    .innerJoin('youth_reminder_choice', 'youth_reminder_choice.youth_id', 'youth.id')
    .select([
      'appointment.municipality_id',
      'youth.id as youth_id',
      'youth.name',
      'youth.phone',
      'youth.email',
      'youth_reminder_choice.channel',
      'youth_reminder_choice.lang',
      'appointment.id as subject_id',
      'appointment.starts_at',
      'appointment.place',
      'appointment.mode',
    ])
    .where('appointment.status', '=', 'planned')
    .where('appointment.notified_absence_at', 'is', null)
    .where('appointment.starts_at', '>=', period.from)
    .where('appointment.starts_at', '<', period.to)
    .where('journey.stage', '!=', 'closed')
    .where('youth.anonymised_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('youth_reminder')
            .select('youth_reminder.id')
            .whereRef('youth_reminder.youth_id', '=', 'youth.id')
            .where('youth_reminder.subject', '=', 'appointment')
            .whereRef('youth_reminder.subject_id', '=', 'appointment.id')
            .whereRef('youth_reminder.starts_at', '=', 'appointment.starts_at'),
        ),
      ),
    )
    .execute();

  const due = (
    row: (typeof meetings)[number] | (typeof appointments)[number],
    subject: ReminderSubject,
    mode: DueReminder['mode'],
  ): DueReminder => ({
    municipalityId: row.municipality_id,
    youthId: row.youth_id,
    youthName: row.name,
    phone: row.phone,
    email: row.email,
    channel: row.channel,
    lang: row.lang,
    subject,
    subjectId: row.subject_id,
    startsAt: row.starts_at,
    place: mode === null || mode === 'in_person' ? row.place : null,
    mode,
  });
  return [
    ...meetings.map((m) => due(m, 'group_meeting', null)),
    ...appointments.map((a) => due(a, 'appointment', a.mode)),
  ].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/**
 * Takes the reminder on: true when this call wrote it, false when it was already taken (by another
 * instance, or before a restart). The unique key decides; the caller commits before sending.
 */
export async function takeReminder(
  db: Db,
  reminder: {
    municipalityId: string;
    youthId: string;
    subject: ReminderSubject;
    subjectId: string;
    startsAt: Date;
    channel: InvitationChannel;
    now: Date;
  },
): Promise<string | undefined> {
  const row = await db
    .insertInto('youth_reminder')
    .values({
      municipality_id: reminder.municipalityId,
      youth_id: reminder.youthId,
      subject: reminder.subject,
      subject_id: reminder.subjectId,
      starts_at: reminder.startsAt,
      channel: reminder.channel,
      taken_at: reminder.now,
    })
    .onConflict((oc) => oc.constraint('youth_reminder_once_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function linkReminderMessage(db: Db, reminderId: string, messageId: string): Promise<void> {
  await db.updateTable('youth_reminder').set({ message_id: messageId }).where('id', '=', reminderId).execute();
}
