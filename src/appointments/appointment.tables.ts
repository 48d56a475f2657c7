import type { Generated } from 'kysely';
import type { ConversationMode } from '../../machines/events.ts';

/**
 * What an appointment is for: an individual job conversation (LAB § 31 stk. 3), another
 * conversation with the youth, or another meeting (with a company, a home visit, ...).
 */
export const appointmentKinds = ['job_conversation', 'conversation', 'other_meeting'] as const;
export type AppointmentKind = (typeof appointmentKinds)[number];

export const appointmentStatuses = ['planned', 'held', 'cancelled'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

/** A booked meeting with a youth (docs/domain.md, glossary, "aftale"). */
export interface AppointmentTable {
  id: Generated<string>;
  municipality_id: string;
  youth_id: string;
  journey_id: string;
  /** Who holds it: the calendar feed and "I dag" are theirs. */
  caseworker_id: string;
  kind: AppointmentKind;
  /** How it is held: in person (at `place`), by phone or by video, as a conversation's mode. */
  mode: ConversationMode;
  starts_at: Date;
  duration_minutes: number;
  place: string | null;
  note: string | null;
  status: Generated<AppointmentStatus>;
  held_at: Date | null;
  /** The youth's afbud: when they said they cannot come, and their reason if they gave one. */
  notified_absence_at: Generated<Date | null>;
  notified_absence_note: Generated<string | null>;
  created_by: string;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** A user's calendar feed: found by the hash of its secret address, which is never stored. */
export interface CalendarFeedTable {
  user_id: string;
  municipality_id: string;
  /** Renewing the feed draws a new salt, so the old address stops working. */
  salt: string;
  token_hash: string;
  created_at: Generated<Date>;
}

export interface AppointmentTables {
  appointment: AppointmentTable;
  calendar_feed: CalendarFeedTable;
}
