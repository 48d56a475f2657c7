import { randomInt } from 'node:crypto';
import { noteJourneyActivity } from '../alerts/activity-facts.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor, YouthActor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import { ensureCheckInCode, findMeetingsByCode, listAttendanceOfYouthAt } from './check-in.repository.ts';
import {
  deleteAttendance,
  findCurrentMembershipOfYouth,
  findGroup,
  findMeeting,
  listMeetings,
  listMembersDuring,
  type Meeting,
  upsertAttendance,
} from './group.repository.ts';
import type { AttendanceStatus, MeetingStatus, RecordSource } from './group.tables.ts';
import { youthAudit } from '../audit/audit-as.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'ruleSets' | 'riskRefresh'>;

/**
 * Checking in (docs/decisions/0015-youth-actions.md): the facilitator's meeting page shows a short
 * code and its QR code; the youth types or scans it on their own side and is recorded as present.
 * The code works in the meeting's check-in window only: from 15 minutes before it begins (people
 * arrive early) until it ends.
 */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 15;

/** Letters and digits that cannot be mistaken for each other when read off a screen (no 0/O, 1/I). */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CHECK_IN_CODE_LENGTH = 6;

export function checkInWindow(meeting: { startsAt: Date; durationMinutes: number }): { opens: Date; closes: Date } {
  return {
    opens: new Date(meeting.startsAt.getTime() - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000),
    closes: new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000),
  };
}

export function checkInOpen(
  meeting: { startsAt: Date; durationMinutes: number; status: MeetingStatus },
  now: Date,
): boolean {
  const { opens, closes } = checkInWindow(meeting);
  return meeting.status !== 'cancelled' && opens <= now && now < closes;
}

function newCode(): string {
  let code = '';
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The code as typed: any case, spaces and dashes left out. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export interface MeetingCheckIn {
  open: boolean;
  opens: Date;
  closes: Date;
  /** Shown only while check-in is open. */
  code: string | null;
}

/**
 * What the meeting's page (and the API) shows for checking in. While the window is open the meeting gets its
 * code, drawn the first time the page is shown, so it exists only for meetings that take place.
 */
export async function meetingCheckIn(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  meetingId: string,
): Promise<MeetingCheckIn & { meeting: Meeting }> {
  const meeting = await findMeeting(deps.db, actor.municipalityId, meetingId);
  if (!meeting) throw new DomainError('not_found');
  const now = deps.clock();
  const window = checkInWindow(meeting);
  if (!checkInOpen(meeting, now)) return { meeting, open: false, ...window, code: null };
  const code = await ensureCheckInCode(deps.db, actor.municipalityId, meeting.id, newCode());
  return { meeting, open: true, ...window, code };
}

export interface CheckedIn {
  meetingId: string;
  groupName: string;
  startsAt: Date;
  /** The youth was already recorded as present: nothing changed. */
  already: boolean;
}

/** The youth's place at the meeting (their journey then), or undefined when they were not in its group. */
async function participantAt(trx: Db, municipalityId: string, meeting: Meeting, youthId: string) {
  const period = { from: meeting.startsAt, to: checkInWindow(meeting).closes };
  return (await listMembersDuring(trx, municipalityId, meeting.groupId, period)).find((p) => p.youthId === youthId);
}

/**
 * Records the youth as present at the meeting whose code they typed, as checked in by the youth.
 * Refused for a code no meeting has, outside the meeting's window, at another group's meeting and
 * for a youth not in the group. Attending is activity (dated at the meeting's start, or now when
 * checking in before it), as the facilitator's attendance is.
 */
export async function checkIn(deps: Deps, youth: YouthActor, typed: string): Promise<CheckedIn> {
  const code = normaliseCode(typed);
  if (code.length !== CHECK_IN_CODE_LENGTH || [...code].some((c) => !CODE_ALPHABET.includes(c))) {
    throw invalidField('code', 'participation.checkIn.refusals.codeFormat', { length: CHECK_IN_CODE_LENGTH });
  }
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const coded = await findMeetingsByCode(trx, youth.municipalityId, code);
    if (coded.length === 0) throw invalidField('code', 'participation.checkIn.refusals.unknownCode');
    const membership = await findCurrentMembershipOfYouth(trx, youth.municipalityId, youth.youthId);
    if (!membership) throw invalidField('code', 'participation.checkIn.refusals.notInGroup');
    const own = coded.filter((m) => m.groupId === membership.groupId);
    const candidate = own.find((m) => checkInOpen(m, now));
    if (!candidate) {
      if (own.length === 0) throw invalidField('code', 'participation.checkIn.refusals.otherGroup');
      if (own.some((m) => m.status === 'cancelled')) {
        throw invalidField('code', 'participation.checkIn.refusals.cancelled');
      }
      throw invalidField('code', 'participation.checkIn.refusals.outsideWindow', {
        minutes: CHECK_IN_OPENS_MINUTES_BEFORE,
      });
    }
    const meeting = await findMeeting(trx, youth.municipalityId, candidate.id, { forUpdate: true });
    if (!meeting || !checkInOpen(meeting, now)) {
      throw invalidField('code', 'participation.checkIn.refusals.outsideWindow', {
        minutes: CHECK_IN_OPENS_MINUTES_BEFORE,
      });
    }
    const participant = await participantAt(trx, youth.municipalityId, meeting, youth.youthId);
    if (!participant) throw invalidField('code', 'participation.checkIn.refusals.notInGroup');
    const result = { meetingId: meeting.id, groupName: candidate.groupName, startsAt: meeting.startsAt };
    const [recorded] = await listAttendanceOfYouthAt(trx, youth.municipalityId, youth.youthId, [meeting.id]);
    if (recorded?.status === 'attended') return { ...result, already: true };

    await upsertAttendance(trx, [
      {
        municipalityId: youth.municipalityId,
        meetingId: meeting.id,
        youthId: youth.youthId,
        journeyId: participant.journeyId,
        status: 'attended',
        note: null,
        recordedBy: null,
        source: 'youth',
        recordedAt: now,
      },
    ]);
    await noteJourneyActivity(
      trx,
      deps,
      youth.municipalityId,
      participant.journeyId,
      meeting.startsAt < now ? meeting.startsAt : now,
    );
    await appendAudit(
      trx,
      youthAudit(youth, 'group.checked_in', {
        groupId: meeting.groupId,
        meetingId: meeting.id,
        journeyId: participant.journeyId,
      }),
    );
    return { ...result, already: false };
  });
}

// ---------------------------------------------------------------------------------------------
// The youth's coming meetings, and afbud
// ---------------------------------------------------------------------------------------------

/** How far ahead the youth's side lists the group's meetings. */
const COMING_DAYS = 28;

export interface OwnMeeting {
  id: string;
  groupName: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  /** What is recorded for the youth at it, and whether they recorded it themselves. */
  status: AttendanceStatus | null;
  source: RecordSource | null;
  note: string | null;
  /** An afbud can be given (or taken back) until the meeting begins. */
  notifiable: boolean;
}

/** The youth's group's meetings still to come (or under way), with what is recorded for them. */
export async function comingMeetingsOfYouth(deps: Pick<AppDeps, 'db' | 'clock'>, youth: YouthActor) {
  const now = deps.clock();
  const membership = await findCurrentMembershipOfYouth(deps.db, youth.municipalityId, youth.youthId);
  if (!membership) return [];
  const group = await findGroup(deps.db, youth.municipalityId, membership.groupId);
  if (!group) return [];
  const meetings = (
    await listMeetings(deps.db, youth.municipalityId, membership.groupId, {
      from: new Date(now.getTime() - 24 * 3_600_000),
      to: new Date(now.getTime() + COMING_DAYS * 24 * 3_600_000),
    })
  ).filter((m) => m.status !== 'cancelled' && checkInWindow(m).closes > now);
  const recorded = new Map(
    (
      await listAttendanceOfYouthAt(
        deps.db,
        youth.municipalityId,
        youth.youthId,
        meetings.map((m) => m.id),
      )
    ).map((a) => [a.meetingId, a]),
  );
  return meetings.map((m): OwnMeeting => ({
    id: m.id,
    groupName: group.name,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    place: m.place,
    status: recorded.get(m.id)?.status ?? null,
    source: recorded.get(m.id)?.source ?? null,
    note: recorded.get(m.id)?.note ?? null,
    notifiable: m.status === 'planned' && m.startsAt > now,
  }));
}

/** The meeting of the youth's group that an afbud is for, while it has not begun. */
async function comingMeetingOfYouth(trx: Db, youth: YouthActor, meetingId: string, now: Date) {
  const meeting = await findMeeting(trx, youth.municipalityId, meetingId, { forUpdate: true });
  if (!meeting) throw new DomainError('not_found');
  const participant = await participantAt(trx, youth.municipalityId, meeting, youth.youthId);
  // Another group's meeting is as unknown to the youth as one that does not exist.
  if (!participant) throw new DomainError('not_found');
  if (meeting.status === 'cancelled') throw invalidField('meetingId', 'participation.afbud.refusals.cancelled');
  if (meeting.status === 'held' || meeting.startsAt <= now) {
    throw invalidField('meetingId', 'participation.afbud.refusals.begun');
  }
  return { meeting, participant };
}

/**
 * The youth says they cannot come to a meeting of their group (afbud), with a reason if they
 * like: "absent with notice", recorded as the youth's own, before the meeting begins. Not
 * activity, and the meeting is not held yet, so no run of missed meetings changes.
 */
export async function notifyMeetingAbsence(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  youth: YouthActor,
  meetingId: string,
  input: { note?: string | null | undefined },
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const { meeting, participant } = await comingMeetingOfYouth(trx, youth, meetingId, now);
    await upsertAttendance(trx, [
      {
        municipalityId: youth.municipalityId,
        meetingId,
        youthId: youth.youthId,
        journeyId: participant.journeyId,
        status: 'absent_with_notice',
        note: input.note ?? null,
        recordedBy: null,
        source: 'youth',
        recordedAt: now,
      },
    ]);
    await appendAudit(
      trx,
      youthAudit(youth, 'group.absence_notified', {
        groupId: meeting.groupId,
        meetingId,
        journeyId: participant.journeyId,
        change: 'recorded',
      }),
    );
  });
}

/** The youth takes back their afbud before the meeting: they can come after all. */
export async function withdrawMeetingAbsence(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  youth: YouthActor,
  meetingId: string,
): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const { meeting, participant } = await comingMeetingOfYouth(trx, youth, meetingId, now);
    if (await deleteAttendance(trx, youth.municipalityId, meetingId, youth.youthId, 'absent_with_notice')) {
      await appendAudit(
        trx,
        youthAudit(youth, 'group.absence_notified', {
          groupId: meeting.groupId,
          meetingId,
          journeyId: participant.journeyId,
          change: 'withdrawn',
        }),
      );
    }
  });
}
