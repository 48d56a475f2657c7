import type { FastifyBaseLogger } from 'fastify';
import { auditAsYouth } from '../audit/audit-as.ts';
import type { YouthActor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import type { Messenger } from '../messages/messenger.ts';
import { releaseAdvisoryLock, tryAdvisoryLock } from '../alerts/sweep-run.repository.ts';
import { danishDate, danishLocalTime, startOfDanishDay } from '../shared/clock.ts';
import { addDays } from '../shared/days.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { t } from '../shared/texts.ts';
import { dateTimeFormat } from '../shared/formats.ts';
import { findYouthById } from '../youth/youth.repository.ts';
import { firstNameOf } from '../youth-login/youth-login.service.ts';
import type { InvitationChannel } from '../youth-login/youth-login.tables.ts';
import {
  deleteReminderChoice,
  type DueReminder,
  findReminderChoice,
  linkReminderMessage,
  listDueReminders,
  saveReminderChoice,
  takeReminder,
} from './reminder.repository.ts';

/** Where a reminder's link leads: the youth's start page, which logs them in first if need be. */
const MY_JOURNEY_PATH = '/mit-forloeb';

/** The advisory lock key of a reminder run ("REMINDER" in ASCII, as a bigint). */
export const REMINDER_LOCK_KEY = 0x52454d494e444552n;

// ---------------------------------------------------------------------------------------------
// The youth's choice (Mit forløb)
// ---------------------------------------------------------------------------------------------

/** What the youth's reminder page shows: their choice, and where a reminder could go. */
export interface OwnReminders {
  channel: InvitationChannel | null;
  phone: string | null;
  email: string | null;
}

export async function ownReminders(deps: Pick<AppDeps, 'db'>, youth: YouthActor): Promise<OwnReminders> {
  const person = await findYouthById(deps.db, youth.municipalityId, youth.youthId);
  if (!person || person.anonymisedAt) throw new DomainError('not_found');
  const choice = await findReminderChoice(deps.db, youth.municipalityId, youth.youthId);
  // A choice whose phone or e-mail is gone is shown as what it is: no reminders reach the youth.
  const reachable = choice && (choice.channel === 'sms' ? person.phone : person.email);
  return { channel: reachable ? choice.channel : null, phone: person.phone, email: person.email };
}

/**
 * The youth says yes (by SMS or e-mail, among the contact details on file) or no to reminders the
 * day before. Audited as the youth's own change; saving what was already chosen changes nothing.
 */
export async function chooseReminders(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  youth: YouthActor,
  input: { channel: InvitationChannel | 'none'; lang: Lang },
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const person = await findYouthById(trx, youth.municipalityId, youth.youthId);
    if (!person || person.anonymisedAt) throw new DomainError('not_found');
    const before = await findReminderChoice(trx, youth.municipalityId, youth.youthId);
    if (input.channel === 'none') {
      if (await deleteReminderChoice(trx, youth.municipalityId, youth.youthId)) {
        await auditAsYouth(trx, youth, 'youth_reminders.changed', { reminders: 'off' });
      }
      return;
    }
    if (input.channel === 'sms' && !person.phone) throw invalidField('channel', 'myjourney.reminders.noPhone');
    if (input.channel === 'email' && !person.email) throw invalidField('channel', 'myjourney.reminders.noEmail');
    if (before?.channel === input.channel && before.lang === input.lang) return;
    await saveReminderChoice(trx, { ...youth, channel: input.channel, lang: input.lang, now });
    await auditAsYouth(trx, youth, 'youth_reminders.changed', { reminders: input.channel, lang: input.lang });
  });
}

// ---------------------------------------------------------------------------------------------
// Sending: the scheduler, every minute
// ---------------------------------------------------------------------------------------------

export interface ReminderDeps {
  db: Db;
  clock: () => Date;
  messenger: Messenger;
  publicUrl: string;
  /** 'HH:MM', Danish local time: REMINDERS_AT. */
  remindersAt: string;
  log?: FastifyBaseLogger;
}

/**
 * The meetings and appointments whose reminders are due at `now`: from `remindersAt` on the Danish
 * wall clock until midnight, those of the next Danish day (a server that was down at the time
 * catches up until the day is over). Undefined before `remindersAt`.
 */
export function reminderPeriod(now: Date, remindersAt: string): { day: string; from: Date; to: Date } | undefined {
  const today = danishDate(now);
  if (now < danishLocalTime(today, remindersAt)) return undefined;
  const day = addDays(today, 1);
  return { day, from: startOfDanishDay(day), to: startOfDanishDay(addDays(day, 1)) };
}

export interface ReminderRun {
  sent: number;
  failed: number;
  /** Not sent: the youth has no phone or e-mail for the channel they chose any longer. */
  unreachable: number;
}

/**
 * Sends the reminders that are due, once each. Every instance may call this. Under an advisory lock,
 * one instance at a time takes the due reminders on: each gets its unique row, committed before
 * any message leaves, so neither a second instance nor a restart sends it again. The messages are
 * then sent with no connection held (on PGlite, the one connection every request waits for). A
 * message that fails is recorded as failed in the outbox and not tried again: the youth is never
 * sent the same reminder twice (docs/decisions/0018-reminders-the-day-before.md).
 */
export async function sendDueReminders(deps: ReminderDeps): Promise<ReminderRun | { skipped: true }> {
  const now = deps.clock();
  const period = reminderPeriod(now, deps.remindersAt);
  const run: ReminderRun = { sent: 0, failed: 0, unreachable: 0 };
  if (!period) return run;
  const taken = await deps.db.connection().execute(async (conn) => {
    if (!(await tryAdvisoryLock(conn, REMINDER_LOCK_KEY))) return undefined;
    try {
      const mine: Array<DueReminder & { reminderId: string }> = [];
      for (const due of await listDueReminders(conn, period)) {
        const reminderId = await takeReminder(conn, { ...due, now });
        // Taken on already, by another instance or before a restart.
        if (reminderId) mine.push({ ...due, reminderId });
      }
      return mine;
    } finally {
      await releaseAdvisoryLock(conn, REMINDER_LOCK_KEY);
    }
  });
  if (!taken) return { skipped: true };
  for (const due of taken) run[await sendReminder(deps, due, now)] += 1;
  if (taken.length > 0) deps.log?.info({ reminders: run }, 'reminders sent');
  return run;
}

async function sendReminder(
  deps: ReminderDeps,
  due: DueReminder & { reminderId: string },
  now: Date,
): Promise<keyof ReminderRun> {
  const to = due.channel === 'sms' ? due.phone : due.email;
  if (!to) return 'unreachable';
  const { sent, messageId } = await deps.messenger.send(
    deps.db,
    { channel: due.channel, to, ...reminderText(due, `${deps.publicUrl}${MY_JOURNEY_PATH}`) },
    { municipalityId: due.municipalityId, youthId: due.youthId, kind: 'reminder' },
    now,
  );
  await linkReminderMessage(deps.db, due.reminderId, messageId);
  return sent ? 'sent' : 'failed';
}

/**
 * The reminder's words: the first name, the day and time, the place (or that it is by phone or
 * video), and the link to Mit forløb. Never the group's name, the kind of appointment or its note:
 * a message can be read on a locked phone's screen, and those can say more than the youth wants
 * shown (docs/decisions/0018-reminders-the-day-before.md).
 */
export function reminderText(due: DueReminder, link: string): { subject: string; text: string } {
  const lang = due.lang;
  const how = due.mode === 'phone' || due.mode === 'video' ? due.mode : due.place ? 'place' : 'none';
  const values = {
    name: firstNameOf(due.youthName),
    day: longDay(due.startsAt, lang),
    time: clockTime(due.startsAt, lang),
    how,
    place: due.place ?? '',
    link,
  };
  const key = due.channel === 'sms' ? 'myjourney.reminders.message.sms' : 'myjourney.reminders.message.email';
  return {
    subject: t(lang, 'myjourney.reminders.message.subject'),
    // Without a place, the sentence about it is left out, and so is the space before it.
    text: t(lang, key, values).replace(/ {2,}/g, ' '),
  };
}

function longDay(instant: Date, lang: Lang): string {
  return dateTimeFormat(lang, {
    timeZone: 'Europe/Copenhagen',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(instant);
}

function clockTime(instant: Date, lang: Lang): string {
  return dateTimeFormat(lang, {
    timeZone: 'Europe/Copenhagen',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}
