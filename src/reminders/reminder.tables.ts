import type { Generated } from 'kysely';
import type { Lang } from '../shared/i18n.ts';
import type { InvitationChannel } from '../youth-login/youth-login.tables.ts';

/** What a reminder is about: a meeting of the youth's network group, or an appointment. */
export type ReminderSubject = 'group_meeting' | 'appointment';

/** The youth's "yes, remind me the day before" (no row: no reminders, the default). */
export interface YouthReminderChoiceTable {
  youth_id: string;
  municipality_id: string;
  channel: InvitationChannel;
  /** The language of the page the youth chose it on: the reminders are written in it. */
  lang: Lang;
  chosen_at: Date;
}

/** A reminder the scheduler has taken on: once per youth, meeting or appointment, and start time. */
export interface YouthReminderTable {
  id: Generated<string>;
  municipality_id: string;
  youth_id: string;
  subject: ReminderSubject;
  subject_id: string;
  starts_at: Date;
  channel: InvitationChannel;
  taken_at: Date;
  message_id: string | null;
}

export interface ReminderTables {
  youth_reminder_choice: YouthReminderChoiceTable;
  youth_reminder: YouthReminderTable;
}
