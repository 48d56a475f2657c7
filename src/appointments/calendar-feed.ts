import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import ical from 'ical-generator';
import { appendAudit } from '../audit/audit.repository.ts';
import { auditAs } from '../audit/audit-as.ts';
import type { Actor, RequestOrigin } from '../auth/actor.ts';
import type { AppDeps } from '../deps.ts';
import { listFacilitatedMeetings } from '../groups/group.repository.ts';
import { addDays } from '../shared/days.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { hashToken } from '../shared/crypto.ts';
import type { Lang } from '../shared/i18n.ts';
import { t } from '../shared/texts.ts';
import {
  type Appointment,
  findCalendarFeedByHash,
  findCalendarFeedOfUser,
  listAppointments,
  replaceCalendarFeed,
} from './appointment.repository.ts';

/** The path of a feed's address; the token is its secret. */
export const feedPath = (token: string) => `/kalender/${token}.ics`;

/**
 * The secret address of each user's calendar feed, derived from the server's secret and the feed's
 * salt with HMAC: the database keeps the salt and the address's hash, so the address can be shown
 * to its user again and again, while a copy of the database alone gives no one a working address.
 * Renewing draws a new salt.
 */
export class CalendarFeedKey {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', secret, 'ungeflow', 'calendar-feed-v1', 32));
  }

  tokenOf(feed: { userId: string; salt: string }): string {
    return createHmac('sha256', this.#key).update(`${feed.userId}:${feed.salt}`).digest('base64url');
  }
}

type Deps = Pick<AppDeps, 'db' | 'clock' | 'calendarFeedKey' | 'config'>;

/** The user's feed address, or null when they have none yet. */
export async function calendarFeedOf(deps: Deps, actor: Actor): Promise<{ url: string; createdAt: Date } | null> {
  const feed = await findCalendarFeedOfUser(deps.db, actor.municipalityId, actor.userId);
  if (!feed) return null;
  return { url: `${deps.config.publicUrl}${feedPath(deps.calendarFeedKey.tokenOf(feed))}`, createdAt: feed.createdAt };
}

/** Gives the user a new feed address; the old one, if any, stops working at once. */
export async function renewCalendarFeed(deps: Deps, actor: Actor): Promise<{ url: string; createdAt: Date }> {
  const now = deps.clock();
  const salt = randomBytes(16).toString('base64url');
  const token = deps.calendarFeedKey.tokenOf({ userId: actor.userId, salt });
  await deps.db.transaction().execute(async (trx) => {
    await replaceCalendarFeed(
      trx,
      { userId: actor.userId, municipalityId: actor.municipalityId, salt, tokenHash: hashToken(token) },
      now,
    );
    await auditAs(trx, actor, 'calendar.feed_renewed', null, {});
  });
  return { url: `${deps.config.publicUrl}${feedPath(token)}`, createdAt: now };
}

/** How far back and ahead the feed reaches: Outlook keeps what it has read before. */
const FEED_PAST_DAYS = 30;
const FEED_COMING_DAYS = 180;

/** The first name only: the feed leaves Ungeflow for a calendar server, so it says no more. */
export const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? '';

function locationOf(appointment: Appointment, lang: Lang): string {
  switch (appointment.mode) {
    case 'in_person':
      return appointment.place ?? '';
    case 'phone':
    case 'video':
      return t(lang, `appointments.modes.${appointment.mode}`);
  }
}

/**
 * The feed at this secret address as iCalendar (RFC 5545), or undefined when there is no such
 * feed: the holder's planned and held appointments and the meetings of the groups they facilitate,
 * from a month back to half a year ahead. An appointment names the youth by first name and the
 * kind of meeting only: no CPR number, no surname, no note. Reading it is audited under the
 * feed's user, with the youth it showed.
 */
export async function calendarOfAddress(
  deps: Deps,
  token: string,
  origin: RequestOrigin,
  lang: Lang,
): Promise<string | undefined> {
  const now = deps.clock();
  const today = danishDate(now);
  const range = {
    from: startOfDanishDay(addDays(today, -FEED_PAST_DAYS)),
    to: startOfDanishDay(addDays(today, FEED_COMING_DAYS)),
  };
  return deps.db.transaction().execute(async (trx) => {
    const feed = await findCalendarFeedByHash(trx, hashToken(token));
    if (!feed) return undefined;
    const appointments = await listAppointments(
      trx,
      feed.municipalityId,
      { caseworkerId: feed.userId, ...range, statuses: ['planned', 'held'] },
      2000,
    );
    const meetings = await listFacilitatedMeetings(trx, feed.municipalityId, feed.userId, range);
    await appendAudit(trx, {
      municipalityId: feed.municipalityId,
      userId: feed.userId,
      action: 'calendar.feed_read',
      details: {
        appointments: appointments.length,
        meetings: meetings.length,
        youthIds: [...new Set(appointments.map((a) => a.youth.id))],
      },
      ip: origin.ip,
      requestId: origin.requestId,
    });

    const calendar = ical({
      name: t(lang, 'appointments.feed.name'),
      prodId: { company: 'Ungeflow', product: 'Ungeflow', language: lang.toUpperCase() },
      // Outlook and others read this as how often to fetch the feed again.
      ttl: 15 * 60,
    });
    for (const a of appointments) {
      calendar.createEvent({
        id: `appointment-${a.id}@ungeflow`,
        start: a.startsAt,
        end: new Date(a.startsAt.getTime() + a.durationMinutes * 60_000),
        stamp: a.updatedAt,
        sequence: a.version - 1,
        summary: t(lang, 'appointments.feed.summary', {
          kind: t(lang, `appointments.kinds.${a.kind}`),
          name: firstNameOf(a.youth.name),
        }),
        location: locationOf(a, lang),
      });
    }
    for (const m of meetings) {
      calendar.createEvent({
        id: `group-meeting-${m.id}@ungeflow`,
        start: m.startsAt,
        end: new Date(m.startsAt.getTime() + m.durationMinutes * 60_000),
        stamp: m.updatedAt,
        sequence: m.version - 1,
        summary: t(lang, 'appointments.feed.groupMeeting', { group: m.groupName }),
        location: m.place,
      });
    }
    return calendar.toString();
  });
}
