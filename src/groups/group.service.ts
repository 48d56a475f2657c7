import { barriers as barrierCodes, type Barrier, type Category } from '../../machines/events.ts';
import { restore, stageOf } from '../../machines/journey.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { noteJourneyActivity } from '../alerts/activity-facts.ts';
import { danishDate, danishWeekOf, startOfDanishDay } from '../shared/clock.ts';
import { addDays } from '../shared/days.ts';
import { DomainError } from '../shared/errors.ts';
import type { Text } from '../shared/i18n.ts';
import { isUniqueViolation } from '../shared/pg-errors.ts';
import { findUser } from '../users/users.repository.ts';
import {
  type Attendance,
  countMembers,
  deleteAttendance,
  deleteComingMeetings,
  endAlumniMemberships,
  findGroup,
  findJourneyGroup,
  findMeeting,
  type Group,
  type GroupChanges,
  type GroupListItem,
  insertGroup,
  insertMeeting,
  insertMeetingsIfAbsent,
  type JourneyGroup,
  listAttendance,
  listCurrentMembers,
  listGroups,
  listMeetings,
  listMembersDuring,
  lockGroup,
  type Meeting,
  type MeetingChanges,
  type MeetingParticipant,
  type MembershipRole,
  updateGroup,
  updateMeeting,
  upsertAttendance,
} from './group.repository.ts';
import { weeklySlots } from './group.schedule.ts';
import { DEFAULT_CAPACITY, WEEKS_GENERATED_AHEAD } from './group.schemas.ts';
import type { AttendanceStatus } from './group.tables.ts';
import { auditAs } from '../audit/audit-as.ts';
import { texts } from '../shared/texts.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'ruleSets'>;

/**
 * Group and meeting screens show youth by name: each youth shown is logged as read, so the log
 * answers "who has seen this youth's data" (docs/domain.md, "The data").
 */
async function auditYouthShown(db: Db, actor: Actor, youthIds: Iterable<string>, details: Record<string, unknown>) {
  for (const youthId of new Set(youthIds)) await auditAs(db, actor, 'youth.read', youthId, details);
}

const fieldError = (field: string, message: Text) => ({ field, message });

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

export interface MemberView {
  youth: { id: string; name: string };
  journeyId: string;
  role: MembershipRole;
  joinedAt: Date;
  stage: string;
  category: Category | null;
  barriers: Barrier[];
  returning: boolean;
}

export interface Composition {
  byCategory: Record<Category | 'undecided', number>;
  byBarrier: Record<Barrier, number>;
  byBarrierCount: { none: number; one: number; two: number; threeOrMore: number };
  returning: number;
}

export interface GroupView extends Group {
  memberCount: number;
  alumniCount: number;
  members: MemberView[];
  composition: Composition;
  thisWeek: Meeting[];
  nextMeeting: Meeting | null;
}

/**
 * The group's mix: NExTWORK wants the youth of a group "broadly composed with regard to the
 * extent of their barriers" (Rockwool Fonden: Hvad er NExTWORK?, p. 8) and drawn from the whole target group: returning
 * youth, activity-ready, and education-ready with barriers (Rockwool Fonden: Hvad er NExTWORK? and Ny virksomhedsrettet ungeindsats (2019)).
 */
function compositionOf(members: readonly MemberView[]): Composition {
  const composition: Composition = {
    byCategory: { obviously_education_ready: 0, education_ready: 0, job_ready: 0, activity_ready: 0, undecided: 0 },
    byBarrier: Object.fromEntries(barrierCodes.map((b) => [b, 0])) as Record<Barrier, number>,
    byBarrierCount: { none: 0, one: 0, two: 0, threeOrMore: 0 },
    returning: 0,
  };
  for (const member of members) {
    if (member.role !== 'member') continue;
    composition.byCategory[member.category ?? 'undecided'] += 1;
    for (const barrier of member.barriers) composition.byBarrier[barrier] += 1;
    const count = member.barriers.length;
    const bucket = count === 0 ? 'none' : count === 1 ? 'one' : count === 2 ? 'two' : 'threeOrMore';
    composition.byBarrierCount[bucket] += 1;
    if (member.returning) composition.returning += 1;
  }
  return composition;
}

async function nextMeetingOf(db: Db, municipalityId: string, groupId: string, now: Date): Promise<Meeting | null> {
  const coming = await listMeetings(db, municipalityId, groupId, { from: now, status: 'planned' });
  return coming[0] ?? null;
}

async function summaryOf(db: Db, actor: Actor, groupId: string, now: Date): Promise<GroupListItem> {
  const group = await findGroup(db, actor.municipalityId, groupId);
  if (!group) throw new DomainError('not_found');
  const next = await nextMeetingOf(db, actor.municipalityId, groupId, now);
  return {
    ...group,
    memberCount: await countMembers(db, actor.municipalityId, groupId),
    nextMeetingAt: next?.startsAt ?? null,
  };
}

/** The facilitator is an active caseworker or leader of the municipality. */
async function checkFacilitator(db: Db, actor: Actor, facilitatorId: string): Promise<void> {
  const user = await findUser(db, actor.municipalityId, facilitatorId);
  if (!user || !user.active || (user.role !== 'caseworker' && user.role !== 'leader')) {
    throw new DomainError('validation_failed', {
      fieldErrors: [fieldError('facilitatorId', texts('groups.refusals.unknownFacilitator'))],
    });
  }
}

/**
 * Room in a group is the leader's decision, as placing a youth in a full one is: 6-8 youth is the
 * model, up to 12 when a leader decides so (Rockwool Fonden: Hvad er NExTWORK?, p. 5; the NExTWORK evaluation summary (2025)).
 */
const capacityIsLeaders = (message: Text) =>
  new DomainError('forbidden', { fieldErrors: [fieldError('capacity', message)] });

/** The fields of `input` whose value differs from the group's. */
function changesTo(current: Group, input: { [K in keyof GroupChanges]?: GroupChanges[K] | undefined }): GroupChanges {
  const changes: GroupChanges = {};
  if (input.name !== undefined && input.name !== current.name) changes.name = input.name;
  if (input.facilitatorId !== undefined && input.facilitatorId !== current.facilitator.id) {
    changes.facilitatorId = input.facilitatorId;
  }
  if (input.weekday !== undefined && input.weekday !== current.weekday) changes.weekday = input.weekday;
  if (input.startTime !== undefined && input.startTime !== current.startTime) changes.startTime = input.startTime;
  if (input.durationMinutes !== undefined && input.durationMinutes !== current.durationMinutes) {
    changes.durationMinutes = input.durationMinutes;
  }
  if (input.place !== undefined && input.place !== current.place) changes.place = input.place;
  if (input.capacity !== undefined && input.capacity !== current.capacity) changes.capacity = input.capacity;
  if (input.active !== undefined && input.active !== current.active) changes.active = input.active;
  return changes;
}

/** Creates the meetings of the group's schedule for `weeks` weeks from now; returns the new ones. */
function generateFromSchedule(db: Db, group: Group, weeks: number, now: Date): Promise<Meeting[]> {
  return insertMeetingsIfAbsent(
    db,
    weeklySlots(group, now, weeks).map((slot) => ({
      municipalityId: group.municipalityId,
      groupId: group.id,
      startsAt: slot,
      durationMinutes: group.durationMinutes,
      place: group.place,
      note: null,
      scheduledAt: slot,
    })),
    now,
  );
}

export async function createGroup(
  deps: Deps,
  actor: Actor,
  input: {
    name: string;
    facilitatorId: string;
    weekday: number;
    startTime: string;
    durationMinutes: number;
    place: string;
    capacity: number;
    active: boolean;
  },
): Promise<GroupListItem> {
  // A caseworker may start a group of the usual size (or smaller); more room is the leader's call.
  if (input.capacity > DEFAULT_CAPACITY && actor.role !== 'leader') {
    throw capacityIsLeaders(texts('groups.refusals.capacityAboveDefault', { capacity: DEFAULT_CAPACITY }));
  }
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    await checkFacilitator(trx, actor, input.facilitatorId);
    const id = await insertGroup(trx, { municipalityId: actor.municipalityId, ...input });
    const group = await findGroup(trx, actor.municipalityId, id);
    if (!group) throw new DomainError('not_found');
    const meetings = group.active ? await generateFromSchedule(trx, group, WEEKS_GENERATED_AHEAD, now) : [];
    await auditAs(trx, actor, 'group.created', null, { groupId: id, name: group.name });
    if (meetings.length > 0) {
      await auditAs(trx, actor, 'group.meetings_changed', null, {
        groupId: id,
        change: 'generated',
        weeks: WEEKS_GENERATED_AHEAD,
        created: meetings.length,
      });
    }
    return summaryOf(trx, actor, id, now);
  });
}

export async function findGroups(
  deps: Deps,
  actor: Actor,
  filter: { active?: boolean | undefined },
  page: { page: number; pageSize: number },
): Promise<{ items: GroupListItem[]; total: number }> {
  return listGroups(
    deps.db,
    actor.municipalityId,
    filter,
    { limit: page.pageSize, offset: (page.page - 1) * page.pageSize },
    deps.clock(),
  );
}

/**
 * The group the journey's youth is in now (member, or alumni after exit), or undefined: read the
 * same way for the youth's page and for the printed plan (findJourneyGroup).
 */
export function groupOfJourney(deps: Deps, actor: Actor, journeyId: string): Promise<JourneyGroup | undefined> {
  return findJourneyGroup(deps.db, actor.municipalityId, journeyId);
}

export async function readGroup(deps: Deps, actor: Actor, groupId: string): Promise<GroupView> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const group = await findGroup(trx, actor.municipalityId, groupId);
    if (!group) throw new DomainError('not_found');
    const members: MemberView[] = (await listCurrentMembers(trx, actor.municipalityId, groupId)).map((m) => {
      const snapshot = restore({ machineVersion: m.journey.machineVersion, snapshot: m.journey.snapshot as never });
      return {
        youth: m.youth,
        journeyId: m.journey.id,
        role: m.role,
        joinedAt: m.joinedAt,
        stage: stageOf(snapshot),
        category: snapshot.context.category,
        barriers: snapshot.context.barriers,
        returning: m.journey.returning,
      };
    });
    const week = danishWeekOf(now);
    const thisWeek = await listMeetings(trx, actor.municipalityId, groupId, week);
    const nextMeeting = await nextMeetingOf(trx, actor.municipalityId, groupId, now);
    await auditYouthShown(
      trx,
      actor,
      members.map((m) => m.youth.id),
      { via: 'group', groupId },
    );
    return {
      ...group,
      memberCount: members.filter((m) => m.role === 'member').length,
      alumniCount: members.filter((m) => m.role === 'alumni').length,
      members,
      composition: compositionOf(members),
      thisWeek,
      nextMeeting,
    };
  });
}

export async function changeGroup(
  deps: Deps,
  actor: Actor,
  groupId: string,
  input: { version: number } & { [K in keyof GroupChanges]?: GroupChanges[K] | undefined },
): Promise<GroupListItem> {
  const now = deps.clock();
  const { version } = input;
  return deps.db.transaction().execute(async (trx) => {
    // Locked like an assignment does, so members cannot join while capacity or activity changes.
    if (!(await lockGroup(trx, actor.municipalityId, groupId))) throw new DomainError('not_found');
    const current = await findGroup(trx, actor.municipalityId, groupId);
    if (!current) throw new DomainError('not_found');
    // Only what differs is a change: a form may send every field as it stands.
    if (current.version !== version) {
      throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
    }
    const changes = changesTo(current, input);
    if (changes.capacity !== undefined && actor.role !== 'leader') {
      throw capacityIsLeaders(texts('groups.refusals.capacityLeadersOnly'));
    }
    if (changes.facilitatorId !== undefined) await checkFacilitator(trx, actor, changes.facilitatorId);
    const memberCount = await countMembers(trx, actor.municipalityId, groupId);
    if (changes.capacity !== undefined && changes.capacity < memberCount) {
      throw new DomainError('validation_failed', {
        fieldErrors: [fieldError('capacity', texts('groups.refusals.capacityBelowMembers', { members: memberCount }))],
      });
    }
    const deactivating = changes.active === false && current.active;
    const reactivating = changes.active === true && !current.active;
    if (deactivating && memberCount > 0) {
      throw new DomainError('conflict', {
        fieldErrors: [fieldError('active', texts('groups.refusals.stillMembers', { members: memberCount }))],
      });
    }
    if (!(await updateGroup(trx, actor.municipalityId, groupId, version, changes, now))) {
      throw new DomainError('version_conflict', { extra: { currentVersion: current.version + 1 } });
    }
    await auditAs(trx, actor, 'group.updated', null, { groupId, fields: Object.keys(changes) });

    const updated = await findGroup(trx, actor.municipalityId, groupId);
    if (!updated) throw new DomainError('not_found');
    const scheduleChanged =
      updated.weekday !== current.weekday ||
      updated.startTime !== current.startTime ||
      updated.durationMinutes !== current.durationMinutes ||
      updated.place !== current.place;
    if (deactivating) {
      // A closed group meets no more; alumni have nowhere to stay.
      const removed = await deleteComingMeetings(trx, actor.municipalityId, groupId, now, { onlyUntouched: false });
      for (const youthId of await endAlumniMemberships(trx, actor.municipalityId, groupId, now)) {
        await auditAs(trx, actor, 'group.membership_changed', youthId, {
          groupId,
          change: 'left',
          reason: 'group_closed',
        });
      }
      await auditAs(trx, actor, 'group.meetings_changed', null, { groupId, change: 'group_closed', removed });
    } else if (updated.active && (scheduleChanged || reactivating)) {
      // The coming meetings follow the new schedule; those a user moved or added by hand stay.
      const removed = await deleteComingMeetings(trx, actor.municipalityId, groupId, now, { onlyUntouched: true });
      const created = await generateFromSchedule(trx, updated, Math.max(WEEKS_GENERATED_AHEAD, removed), now);
      await auditAs(trx, actor, 'group.meetings_changed', null, {
        groupId,
        change: reactivating ? 'group_reopened' : 'schedule_changed',
        removed,
        created: created.length,
      });
    }
    return summaryOf(trx, actor, groupId, now);
  });
}

// ---------------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------------

const groupClosed = () =>
  new DomainError('conflict', {
    fieldErrors: [fieldError('active', texts('groups.refusals.closed'))],
  });

const meetingTaken = () =>
  new DomainError('conflict', {
    fieldErrors: [fieldError('startsAt', texts('groups.refusals.meetingTaken'))],
  });

export async function generateMeetings(
  deps: Deps,
  actor: Actor,
  groupId: string,
  weeks: number,
): Promise<{ created: number; items: Meeting[] }> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const group = await findGroup(trx, actor.municipalityId, groupId);
    if (!group) throw new DomainError('not_found');
    if (!group.active) throw groupClosed();
    const created = await generateFromSchedule(trx, group, weeks, now);
    await auditAs(trx, actor, 'group.meetings_changed', null, {
      groupId,
      change: 'generated',
      weeks,
      created: created.length,
    });
    const last = weeklySlots(group, now, weeks).at(-1) ?? now;
    const items = await listMeetings(trx, actor.municipalityId, groupId, {
      from: now,
      to: startOfDanishDay(addDays(danishDate(last), 1)),
    });
    return { created: created.length, items };
  });
}

export async function addMeeting(
  deps: Deps,
  actor: Actor,
  groupId: string,
  input: {
    startsAt: string;
    durationMinutes?: number | undefined;
    place?: string | undefined;
    note?: string | null | undefined;
  },
): Promise<Meeting> {
  const now = deps.clock();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const group = await findGroup(trx, actor.municipalityId, groupId);
      if (!group) throw new DomainError('not_found');
      if (!group.active) throw groupClosed();
      const meeting = await insertMeeting(
        trx,
        {
          municipalityId: actor.municipalityId,
          groupId,
          startsAt: new Date(input.startsAt),
          durationMinutes: input.durationMinutes ?? group.durationMinutes,
          place: input.place ?? group.place,
          note: input.note ?? null,
          scheduledAt: null,
        },
        now,
      );
      await auditAs(trx, actor, 'group.meetings_changed', null, {
        groupId,
        meetingId: meeting.id,
        change: 'added',
        startsAt: meeting.startsAt.toISOString(),
      });
      return meeting;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw meetingTaken();
    throw error;
  }
}

export async function findGroupMeetings(
  deps: Deps,
  actor: Actor,
  groupId: string,
  range: { from?: string | undefined; to?: string | undefined },
): Promise<Meeting[]> {
  const from = range.from ?? danishDate(deps.clock());
  return deps.db.transaction().execute(async (trx) => {
    if (!(await findGroup(trx, actor.municipalityId, groupId))) throw new DomainError('not_found');
    return listMeetings(trx, actor.municipalityId, groupId, {
      from: startOfDanishDay(from),
      // `to` is the last day shown, so the range ends when the next day begins.
      to: range.to ? startOfDanishDay(addDays(range.to, 1)) : undefined,
    });
  });
}

type MeetingChangeKind = 'moved' | 'cancelled' | 'reinstated' | 'updated';

export async function changeMeeting(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  input: {
    version: number;
    startsAt?: string | undefined;
    durationMinutes?: number | undefined;
    place?: string | undefined;
    status?: 'planned' | 'cancelled' | undefined;
    note?: string | null | undefined;
  },
): Promise<Meeting> {
  const now = deps.clock();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const current = await findMeeting(trx, actor.municipalityId, meetingId, { forUpdate: true });
      if (!current) throw new DomainError('not_found');
      if (current.version !== input.version) {
        throw new DomainError('version_conflict', { extra: { currentVersion: current.version } });
      }
      const changes: MeetingChanges = {};
      const startsAt = input.startsAt !== undefined ? new Date(input.startsAt) : undefined;
      if (startsAt && startsAt.getTime() !== current.startsAt.getTime()) changes.startsAt = startsAt;
      if (input.durationMinutes !== undefined && input.durationMinutes !== current.durationMinutes) {
        changes.durationMinutes = input.durationMinutes;
      }
      if (input.place !== undefined && input.place !== current.place) changes.place = input.place;
      if (input.status !== undefined && input.status !== current.status) changes.status = input.status;
      // Once attendance is taken the meeting happened where and when it did: only its note changes.
      if (current.status === 'held' && Object.keys(changes).length > 0) {
        throw new DomainError('conflict', {
          fieldErrors: [fieldError(Object.keys(changes)[0] ?? 'status', texts('groups.refusals.meetingHeld'))],
        });
      }
      if (input.note !== undefined && input.note !== current.note) changes.note = input.note;

      const updated = await updateMeeting(trx, actor.municipalityId, meetingId, input.version, changes, now);
      if (!updated) throw new DomainError('version_conflict', { extra: { currentVersion: current.version + 1 } });
      const change: MeetingChangeKind =
        changes.status === 'cancelled'
          ? 'cancelled'
          : changes.status === 'planned'
            ? 'reinstated'
            : changes.startsAt
              ? 'moved'
              : 'updated';
      await auditAs(trx, actor, 'group.meetings_changed', null, {
        groupId: current.groupId,
        meetingId,
        change,
        fields: Object.keys(changes),
        ...(changes.startsAt ? { from: current.startsAt.toISOString(), to: changes.startsAt.toISOString() } : {}),
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw meetingTaken();
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Attendance
// ---------------------------------------------------------------------------------------------

export interface AttendanceView {
  youth: { id: string; name: string };
  journeyId: string;
  /** Null for a youth recorded at the meeting whose membership was later dated to miss it. */
  role: MembershipRole | null;
  status: AttendanceStatus | null;
  note: string | null;
  recordedBy: { id: string; name: string } | null;
  /** The youth recorded it themselves: checked in, or reported afbud (Mit forløb). */
  recordedByYouth: boolean;
  recordedAt: Date | null;
}

export interface MeetingView extends Meeting {
  group: { id: string; name: string };
  attendance: AttendanceView[];
}

function meetingPeriod(meeting: Meeting): { from: Date; to: Date } {
  return { from: meeting.startsAt, to: new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000) };
}

function attendanceViews(participants: readonly MeetingParticipant[], recorded: readonly Attendance[]) {
  const byYouth = new Map(recorded.map((a) => [a.youthId, a]));
  const views: AttendanceView[] = participants.map((p) => {
    const entry = byYouth.get(p.youthId);
    byYouth.delete(p.youthId);
    return {
      youth: { id: p.youthId, name: p.youthName },
      journeyId: p.journeyId,
      role: p.role,
      status: entry?.status ?? null,
      note: entry?.note ?? null,
      recordedBy: entry?.recordedBy ?? null,
      recordedByYouth: entry?.source === 'youth',
      recordedAt: entry?.recordedAt ?? null,
    };
  });
  // What was recorded is always shown, also for a youth no longer counted as a member then.
  for (const entry of byYouth.values()) {
    views.push({
      youth: entry.youth,
      journeyId: entry.journeyId,
      role: null,
      status: entry.status,
      note: entry.note,
      recordedBy: entry.recordedBy,
      recordedByYouth: entry.source === 'youth',
      recordedAt: entry.recordedAt,
    });
  }
  return views;
}

async function meetingViewOf(db: Db, actor: Actor, meeting: Meeting): Promise<MeetingView> {
  const group = await findGroup(db, actor.municipalityId, meeting.groupId);
  if (!group) throw new DomainError('not_found');
  const participants = await listMembersDuring(db, actor.municipalityId, meeting.groupId, meetingPeriod(meeting));
  const recorded = await listAttendance(db, actor.municipalityId, meeting.id);
  return { ...meeting, group: { id: group.id, name: group.name }, attendance: attendanceViews(participants, recorded) };
}

export async function readMeeting(deps: Deps, actor: Actor, meetingId: string): Promise<MeetingView> {
  return deps.db.transaction().execute(async (trx) => {
    const meeting = await findMeeting(trx, actor.municipalityId, meetingId);
    if (!meeting) throw new DomainError('not_found');
    const view = await meetingViewOf(trx, actor, meeting);
    await auditYouthShown(
      trx,
      actor,
      view.attendance.map((a) => a.youth.id),
      { via: 'group_meeting', groupId: meeting.groupId, meetingId },
    );
    return view;
  });
}

/**
 * Records the attendance of the whole group at one meeting, all or nothing. Each youth must have
 * been in the group at the meeting's time; alumni may attend too. Attending counts as activity on
 * the youth's journey at the time of the meeting; an absence does not (docs/domain.md, "The rules", passive).
 * Taking attendance marks the meeting held: it took place, whoever came.
 */
export async function recordAttendance(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  entries: ReadonlyArray<{ youthId: string; status: AttendanceStatus; note?: string | null | undefined }>,
): Promise<MeetingView> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const meeting = await findMeeting(trx, actor.municipalityId, meetingId, { forUpdate: true });
    if (!meeting) throw new DomainError('not_found');
    if (meeting.status === 'cancelled') {
      throw new DomainError('validation_failed', {
        fieldErrors: [fieldError('entries', texts('groups.refusals.meetingCancelled'))],
      });
    }
    if (meeting.startsAt > now) {
      throw new DomainError('validation_failed', {
        fieldErrors: [fieldError('entries', texts('groups.refusals.meetingNotBegun'))],
      });
    }
    const participants = new Map(
      (await listMembersDuring(trx, actor.municipalityId, meeting.groupId, meetingPeriod(meeting))).map((p) => [
        p.youthId,
        p,
      ]),
    );
    const problems: Array<{ field: string; message: Text }> = [];
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
      if (seen.has(entry.youthId)) {
        problems.push(fieldError(`entries.${i}.youthId`, texts('groups.refusals.youthListedTwice')));
      } else if (!participants.has(entry.youthId)) {
        problems.push(fieldError(`entries.${i}.youthId`, texts('groups.refusals.youthNotInGroup')));
      }
      seen.add(entry.youthId);
    });
    if (problems.length > 0) throw new DomainError('validation_failed', { fieldErrors: problems });

    const recorded = entries.map((entry) => {
      const participant = participants.get(entry.youthId);
      if (!participant) throw new DomainError('validation_failed');
      return { ...entry, journeyId: participant.journeyId };
    });
    await upsertAttendance(
      trx,
      recorded.map((e) => ({
        municipalityId: actor.municipalityId,
        meetingId,
        youthId: e.youthId,
        journeyId: e.journeyId,
        status: e.status,
        note: e.note ?? null,
        recordedBy: actor.userId,
        recordedAt: now,
      })),
    );
    let current = meeting;
    if (meeting.status !== 'held') {
      const held = await updateMeeting(trx, actor.municipalityId, meetingId, meeting.version, { status: 'held' }, now);
      if (!held) throw new DomainError('version_conflict', { extra: { currentVersion: meeting.version + 1 } });
      current = held;
    }
    for (const entry of recorded) {
      // Attendance is activity; an absence is not, but it changes the run of missed meetings.
      await noteJourneyActivity(
        trx,
        deps,
        actor.municipalityId,
        entry.journeyId,
        entry.status === 'attended' ? meeting.startsAt : null,
      );
      await auditAs(trx, actor, 'group.attendance_recorded', entry.youthId, {
        groupId: meeting.groupId,
        meetingId,
        journeyId: entry.journeyId,
        status: entry.status,
      });
    }
    const view = await meetingViewOf(trx, actor, current);
    await auditYouthShown(
      trx,
      actor,
      view.attendance.map((a) => a.youth.id).filter((id) => !seen.has(id)),
      { via: 'group_meeting', groupId: meeting.groupId, meetingId },
    );
    return view;
  });
}

/**
 * The meeting a notified absence (afbud) is recorded at, and the youth's place in the group then.
 * An afbud comes before the meeting: once it has begun, the attendance of the whole group is taken
 * instead (where "absent with notice" is one of the choices).
 */
async function comingMeetingOfMember(trx: Db, actor: Actor, meetingId: string, youthId: string, now: Date) {
  const meeting = await findMeeting(trx, actor.municipalityId, meetingId, { forUpdate: true });
  if (!meeting) throw new DomainError('not_found');
  if (meeting.status === 'cancelled') {
    throw new DomainError('validation_failed', {
      fieldErrors: [fieldError('youthId', texts('groups.refusals.meetingCancelled'))],
    });
  }
  if (meeting.status === 'held' || meeting.startsAt <= now) {
    throw new DomainError('validation_failed', {
      fieldErrors: [fieldError('youthId', texts('groups.refusals.meetingBegun'))],
    });
  }
  const participant = (
    await listMembersDuring(trx, actor.municipalityId, meeting.groupId, meetingPeriod(meeting))
  ).find((p) => p.youthId === youthId);
  if (!participant) {
    throw new DomainError('validation_failed', {
      fieldErrors: [fieldError('youthId', texts('groups.refusals.youthNotInGroup'))],
    });
  }
  return { meeting, participant };
}

/**
 * Records that the youth has said in advance they cannot come to a meeting (afbud): "absent with
 * notice" at a meeting still to come, shown on its attendance and kept when the attendance is
 * taken. It is not activity, and as the meeting is not held yet it changes no run of missed meetings.
 */
export async function recordNotifiedAbsence(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  youthId: string,
  input: { note?: string | null | undefined },
): Promise<MeetingView> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { meeting, participant } = await comingMeetingOfMember(trx, actor, meetingId, youthId, now);
    await upsertAttendance(trx, [
      {
        municipalityId: actor.municipalityId,
        meetingId,
        youthId,
        journeyId: participant.journeyId,
        status: 'absent_with_notice',
        note: input.note ?? null,
        recordedBy: actor.userId,
        recordedAt: now,
      },
    ]);
    await auditAs(trx, actor, 'group.absence_notified', youthId, {
      groupId: meeting.groupId,
      meetingId,
      journeyId: participant.journeyId,
      change: 'recorded',
    });
    return meetingViewOf(trx, actor, meeting);
  });
}

/** Takes back a notified absence before the meeting (the youth can come after all). */
export async function withdrawNotifiedAbsence(
  deps: Deps,
  actor: Actor,
  meetingId: string,
  youthId: string,
): Promise<MeetingView> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const { meeting, participant } = await comingMeetingOfMember(trx, actor, meetingId, youthId, now);
    if (await deleteAttendance(trx, actor.municipalityId, meetingId, youthId, 'absent_with_notice')) {
      await auditAs(trx, actor, 'group.absence_notified', youthId, {
        groupId: meeting.groupId,
        meetingId,
        journeyId: participant.journeyId,
        change: 'withdrawn',
      });
    }
    return meetingViewOf(trx, actor, meeting);
  });
}
