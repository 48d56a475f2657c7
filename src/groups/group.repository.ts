import { type Selectable, sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type {
  AttendanceStatus,
  GroupMeetingTable,
  GroupMembershipTable,
  MeetingStatus,
  NetworkGroupTable,
  RecordSource,
} from './group.tables.ts';

// ---------------------------------------------------------------------------------------------
// Groups
// ---------------------------------------------------------------------------------------------

export interface Group {
  id: string;
  municipalityId: string;
  name: string;
  facilitator: { id: string; name: string };
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** 'HH:MM', Danish local time. */
  startTime: string;
  durationMinutes: number;
  place: string;
  capacity: number;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

type GroupRow = Selectable<NetworkGroupTable> & { facilitator_name: string };

function groupRowToGroup(row: GroupRow): Group {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    name: row.name,
    facilitator: { id: row.facilitator_id, name: row.facilitator_name },
    weekday: row.weekday,
    startTime: row.start_time,
    durationMinutes: row.duration_minutes,
    place: row.place,
    capacity: row.capacity,
    active: row.active,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function groupsOf(db: Db, municipalityId: string) {
  return db
    .selectFrom('network_group')
    .innerJoin('app_user', 'app_user.id', 'network_group.facilitator_id')
    .selectAll('network_group')
    .select('app_user.name as facilitator_name')
    .where('network_group.municipality_id', '=', municipalityId);
}

export interface NewGroup {
  municipalityId: string;
  name: string;
  facilitatorId: string;
  weekday: number;
  startTime: string;
  durationMinutes: number;
  place: string;
  capacity: number;
  active: boolean;
}

export async function insertGroup(db: Db, group: NewGroup): Promise<string> {
  const row = await db
    .insertInto('network_group')
    .values({
      municipality_id: group.municipalityId,
      name: group.name,
      facilitator_id: group.facilitatorId,
      weekday: group.weekday,
      start_time: group.startTime,
      duration_minutes: group.durationMinutes,
      place: group.place,
      capacity: group.capacity,
      active: group.active,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findGroup(db: Db, municipalityId: string, id: string): Promise<Group | undefined> {
  const row = await groupsOf(db, municipalityId).where('network_group.id', '=', id).executeTakeFirst();
  return row ? groupRowToGroup(row) : undefined;
}

/**
 * Locks a group's row for the rest of the transaction, so that two assignments to the same group
 * count its members one after the other.
 */
export async function lockGroup(
  db: Db,
  municipalityId: string,
  id: string,
): Promise<{ id: string; capacity: number; active: boolean } | undefined> {
  return db
    .selectFrom('network_group')
    .select(['id', 'capacity', 'active'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export interface GroupListItem extends Group {
  /** Current members (alumni not counted). */
  memberCount: number;
  nextMeetingAt: Date | null;
}

export async function listGroups(
  db: Db,
  municipalityId: string,
  filter: { active?: boolean | undefined },
  page: { limit: number; offset: number },
  now: Date,
): Promise<{ items: GroupListItem[]; total: number }> {
  let query = groupsOf(db, municipalityId);
  if (filter.active !== undefined) query = query.where('network_group.active', '=', filter.active);
  const rows = await query
    .select((eb) => [
      eb
        .selectFrom('group_membership')
        .select((sub) => sub.fn.countAll<string>().as('n'))
        .whereRef('group_membership.group_id', '=', 'network_group.id')
        .where('group_membership.left_at', 'is', null)
        .where('group_membership.role', '=', 'member')
        .as('member_count'),
      eb
        .selectFrom('group_meeting')
        .select((sub) => sub.fn.min('group_meeting.starts_at').as('t'))
        .whereRef('group_meeting.group_id', '=', 'network_group.id')
        .where('group_meeting.status', '=', 'planned')
        .where('group_meeting.starts_at', '>=', now)
        .as('next_meeting_at'),
    ])
    .orderBy('network_group.name')
    .orderBy('network_group.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  let countQuery = db.selectFrom('network_group').where('municipality_id', '=', municipalityId);
  if (filter.active !== undefined) countQuery = countQuery.where('active', '=', filter.active);
  const count = await countQuery.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  return {
    items: rows.map((row) => ({
      ...groupRowToGroup(row),
      memberCount: Number(row.member_count ?? 0),
      // min() of timestamptz comes back as a Date on both engines, or null without rows.
      nextMeetingAt: row.next_meeting_at ? new Date(row.next_meeting_at) : null,
    })),
    total: Number(count.total),
  };
}

export interface GroupChanges {
  name?: string;
  facilitatorId?: string;
  weekday?: number;
  startTime?: string;
  durationMinutes?: number;
  place?: string;
  capacity?: number;
  active?: boolean;
}

/** Applies the changes when the stored version is still `expectedVersion`; false otherwise. */
export async function updateGroup(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  changes: GroupChanges,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('network_group')
    .set((eb) => ({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.facilitatorId !== undefined && { facilitator_id: changes.facilitatorId }),
      ...(changes.weekday !== undefined && { weekday: changes.weekday }),
      ...(changes.startTime !== undefined && { start_time: changes.startTime }),
      ...(changes.durationMinutes !== undefined && { duration_minutes: changes.durationMinutes }),
      ...(changes.place !== undefined && { place: changes.place }),
      ...(changes.capacity !== undefined && { capacity: changes.capacity }),
      ...(changes.active !== undefined && { active: changes.active }),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

// ---------------------------------------------------------------------------------------------
// Memberships
// ---------------------------------------------------------------------------------------------

export type MembershipRole = 'member' | 'alumni';

export interface Membership {
  id: string;
  groupId: string;
  journeyId: string;
  youthId: string;
  role: MembershipRole;
  joinedAt: Date;
  leftAt: Date | null;
}

function membershipRowToMembership(row: Selectable<GroupMembershipTable>): Membership {
  return {
    id: row.id,
    groupId: row.group_id,
    journeyId: row.journey_id,
    youthId: row.youth_id,
    role: row.role,
    joinedAt: row.joined_at,
    leftAt: row.left_at,
  };
}

/** Members counted against the group's capacity: current and not alumni. */
export async function countMembers(db: Db, municipalityId: string, groupId: string): Promise<number> {
  const row = await db
    .selectFrom('group_membership')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('left_at', 'is', null)
    .where('role', '=', 'member')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The youth's current membership in any group (a youth is in at most one group at a time). */
export async function findCurrentMembershipOfYouth(
  db: Db,
  municipalityId: string,
  youthId: string,
): Promise<Membership | undefined> {
  const row = await db
    .selectFrom('group_membership')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return row ? membershipRowToMembership(row) : undefined;
}

/** The group a journey's youth meets with now, with what the plan says about it. */
export interface JourneyGroup {
  id: string;
  name: string;
  /** member while in the programme; alumni after exit, when the youth stays in the group. */
  role: MembershipRole;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** 'HH:MM' */
  startTime: string;
  place: string;
  facilitatorName: string;
}

/**
 * The group a journey's youth is in now: a membership that has not ended, as member or as alumni
 * after exit (docs/domain.md, glossary, "opfølgning"). The youth's page and the printed plan both
 * read it, so the page and the letter never disagree about the group.
 */
export async function findJourneyGroup(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<JourneyGroup | undefined> {
  const row = await db
    .selectFrom('group_membership')
    .innerJoin('network_group', 'network_group.id', 'group_membership.group_id')
    .innerJoin('app_user', 'app_user.id', 'network_group.facilitator_id')
    .select([
      'network_group.id',
      'network_group.name',
      'group_membership.role',
      'network_group.weekday',
      'network_group.start_time',
      'network_group.place',
      'app_user.name as facilitator_name',
    ])
    .where('group_membership.municipality_id', '=', municipalityId)
    .where('group_membership.journey_id', '=', journeyId)
    .where('group_membership.left_at', 'is', null)
    .orderBy('group_membership.joined_at', 'desc')
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        name: row.name,
        role: row.role,
        weekday: row.weekday,
        startTime: row.start_time,
        place: row.place,
        facilitatorName: row.facilitator_name,
      }
    : undefined;
}

export async function findCurrentMembershipOfJourney(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<Membership | undefined> {
  const row = await db
    .selectFrom('group_membership')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return row ? membershipRowToMembership(row) : undefined;
}

export async function insertMembership(
  db: Db,
  membership: { municipalityId: string; groupId: string; journeyId: string; youthId: string; joinedAt: Date },
): Promise<Membership> {
  const row = await db
    .insertInto('group_membership')
    .values({
      municipality_id: membership.municipalityId,
      group_id: membership.groupId,
      journey_id: membership.journeyId,
      youth_id: membership.youthId,
      role: 'member',
      joined_at: membership.joinedAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return membershipRowToMembership(row);
}

export async function endMembership(db: Db, municipalityId: string, id: string, leftAt: Date): Promise<void> {
  await db
    .updateTable('group_membership')
    .set({ left_at: leftAt })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('left_at', 'is', null)
    .execute();
}

export async function makeAlumni(db: Db, municipalityId: string, id: string): Promise<void> {
  await db
    .updateTable('group_membership')
    .set({ role: 'alumni' })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .execute();
}

/** Ends every current alumni membership of a group (when the group stops). Returns the youth ids. */
export async function endAlumniMemberships(
  db: Db,
  municipalityId: string,
  groupId: string,
  leftAt: Date,
): Promise<string[]> {
  const rows = await db
    .updateTable('group_membership')
    .set({ left_at: leftAt })
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('role', '=', 'alumni')
    .where('left_at', 'is', null)
    .returning('youth_id')
    .execute();
  return rows.map((r) => r.youth_id);
}

export interface CurrentMember {
  membershipId: string;
  role: MembershipRole;
  joinedAt: Date;
  youth: { id: string; name: string };
  journey: {
    id: string;
    stage: string;
    returning: boolean;
    machineVersion: number;
    snapshot: Record<string, unknown>;
  };
}

/** The group's current members and alumni, with their youth and journey. */
export async function listCurrentMembers(db: Db, municipalityId: string, groupId: string): Promise<CurrentMember[]> {
  const rows = await db
    .selectFrom('group_membership')
    .innerJoin('youth', 'youth.id', 'group_membership.youth_id')
    .innerJoin('journey', 'journey.id', 'group_membership.journey_id')
    .select([
      'group_membership.id',
      'group_membership.role',
      'group_membership.joined_at',
      'youth.id as youth_id',
      'youth.name as youth_name',
      'journey.id as journey_id',
      'journey.stage',
      'journey.returning',
      'journey.machine_version',
      'journey.snapshot',
    ])
    .where('group_membership.municipality_id', '=', municipalityId)
    .where('group_membership.group_id', '=', groupId)
    .where('group_membership.left_at', 'is', null)
    .orderBy('group_membership.role', 'desc')
    .orderBy('youth.name')
    .orderBy('youth.id')
    .execute();
  return rows.map((r) => ({
    membershipId: r.id,
    role: r.role,
    joinedAt: r.joined_at,
    youth: { id: r.youth_id, name: r.youth_name },
    journey: {
      id: r.journey_id,
      stage: r.stage,
      returning: r.returning,
      machineVersion: r.machine_version,
      snapshot: r.snapshot,
    },
  }));
}

export interface MeetingParticipant {
  youthId: string;
  youthName: string;
  journeyId: string;
  role: MembershipRole;
}

/**
 * Everyone who was in the group at some point during [from, to): joined before it ended and had
 * not left when it began. For a meeting still to come, these are the current members.
 */
export async function listMembersDuring(
  db: Db,
  municipalityId: string,
  groupId: string,
  period: { from: Date; to: Date },
): Promise<MeetingParticipant[]> {
  const rows = await db
    .selectFrom('group_membership')
    .innerJoin('youth', 'youth.id', 'group_membership.youth_id')
    .select([
      'group_membership.youth_id',
      'youth.name',
      'group_membership.journey_id',
      'group_membership.role',
      'group_membership.joined_at',
    ])
    .where('group_membership.municipality_id', '=', municipalityId)
    .where('group_membership.group_id', '=', groupId)
    .where('group_membership.joined_at', '<', period.to)
    .where((eb) =>
      eb.or([eb('group_membership.left_at', 'is', null), eb('group_membership.left_at', '>', period.from)]),
    )
    .orderBy('youth.name')
    .orderBy('group_membership.youth_id')
    .orderBy('group_membership.joined_at', 'desc')
    .execute();
  // A youth who left and came back within the period is listed once, by the latest membership.
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.youth_id) && seen.add(r.youth_id))
    .map((r) => ({ youthId: r.youth_id, youthName: r.name, journeyId: r.journey_id, role: r.role }));
}

// ---------------------------------------------------------------------------------------------
// Meetings
// ---------------------------------------------------------------------------------------------

export interface Meeting {
  id: string;
  groupId: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  status: MeetingStatus;
  note: string | null;
  /** The weekly slot of the schedule it was generated for; null when added by hand. */
  scheduledAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function meetingRowToMeeting(row: Selectable<GroupMeetingTable>): Meeting {
  return {
    id: row.id,
    groupId: row.group_id,
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    place: row.place,
    status: row.status,
    note: row.note,
    scheduledAt: row.scheduled_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface NewMeeting {
  municipalityId: string;
  groupId: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  note: string | null;
  scheduledAt: Date | null;
}

/**
 * Inserts the meetings that do not exist yet: one already at the same time, or generated for the
 * same weekly slot, is left as it is (the unique constraints decide). Returns the new ones.
 */
export async function insertMeetingsIfAbsent(db: Db, meetings: readonly NewMeeting[], now: Date): Promise<Meeting[]> {
  if (meetings.length === 0) return [];
  const rows = await db
    .insertInto('group_meeting')
    .values(
      meetings.map((m) => ({
        municipality_id: m.municipalityId,
        group_id: m.groupId,
        starts_at: m.startsAt,
        duration_minutes: m.durationMinutes,
        place: m.place,
        note: m.note,
        scheduled_at: m.scheduledAt,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .execute();
  return rows.map(meetingRowToMeeting).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Inserts one meeting; a meeting of the group at the same time is a unique violation. */
export async function insertMeeting(db: Db, meeting: NewMeeting, now: Date): Promise<Meeting> {
  const row = await db
    .insertInto('group_meeting')
    .values({
      municipality_id: meeting.municipalityId,
      group_id: meeting.groupId,
      starts_at: meeting.startsAt,
      duration_minutes: meeting.durationMinutes,
      place: meeting.place,
      note: meeting.note,
      scheduled_at: meeting.scheduledAt,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return meetingRowToMeeting(row);
}

export async function findMeeting(
  db: Db,
  municipalityId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<Meeting | undefined> {
  let query = db
    .selectFrom('group_meeting')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? meetingRowToMeeting(row) : undefined;
}

/** A group's meetings starting in [from, to), either end open, in time order. */
export async function listMeetings(
  db: Db,
  municipalityId: string,
  groupId: string,
  range: { from?: Date | undefined; to?: Date | undefined; status?: MeetingStatus | undefined },
): Promise<Meeting[]> {
  let query = db
    .selectFrom('group_meeting')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId);
  if (range.from) query = query.where('starts_at', '>=', range.from);
  if (range.to) query = query.where('starts_at', '<', range.to);
  if (range.status) query = query.where('status', '=', range.status);
  const rows = await query.orderBy('starts_at').execute();
  return rows.map(meetingRowToMeeting);
}

export interface MeetingChanges {
  startsAt?: Date;
  durationMinutes?: number;
  place?: string;
  status?: MeetingStatus;
  note?: string | null;
}

/** Applies the changes when the stored version is still `expectedVersion`; undefined otherwise. */
export async function updateMeeting(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  changes: MeetingChanges,
  now: Date,
): Promise<Meeting | undefined> {
  const row = await db
    .updateTable('group_meeting')
    .set((eb) => ({
      ...(changes.startsAt !== undefined && { starts_at: changes.startsAt }),
      ...(changes.durationMinutes !== undefined && { duration_minutes: changes.durationMinutes }),
      ...(changes.place !== undefined && { place: changes.place }),
      ...(changes.status !== undefined && { status: changes.status }),
      ...(changes.note !== undefined && { note: changes.note }),
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
  return row ? meetingRowToMeeting(row) : undefined;
}

/**
 * Removes a group's planned meetings that have not begun. With `onlyUntouched`, only those the
 * schedule generated and nobody has changed since (still at their slot, version 1): a meeting a
 * user moved, added or annotated stays. Returns how many were removed.
 */
export async function deleteComingMeetings(
  db: Db,
  municipalityId: string,
  groupId: string,
  now: Date,
  options: { onlyUntouched: boolean },
): Promise<number> {
  let query = db
    .deleteFrom('group_meeting')
    .where('municipality_id', '=', municipalityId)
    .where('group_id', '=', groupId)
    .where('status', '=', 'planned')
    .where('starts_at', '>', now)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('group_attendance').select('id').whereRef('meeting_id', '=', 'group_meeting.id'))),
    );
  if (options.onlyUntouched) {
    query = query.where('version', '=', 1).whereRef('scheduled_at', '=', 'starts_at');
  }
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---------------------------------------------------------------------------------------------
// Attendance
// ---------------------------------------------------------------------------------------------

export interface Attendance {
  meetingId: string;
  youthId: string;
  youth: { id: string; name: string };
  journeyId: string;
  status: AttendanceStatus;
  note: string | null;
  /** The user who recorded it; null when the youth did themselves (a check-in, an afbud). */
  recordedBy: { id: string; name: string } | null;
  source: RecordSource;
  recordedAt: Date;
}

/**
 * Records each youth's status at the meeting, replacing what was recorded before, unless the
 * status and note stay as they were: then the row, and who recorded it, stays (a facilitator who
 * saves the whole list keeps the youth's own check-in; changing it is a correction).
 */
export async function upsertAttendance(
  db: Db,
  entries: ReadonlyArray<{
    municipalityId: string;
    meetingId: string;
    youthId: string;
    journeyId: string;
    status: AttendanceStatus;
    note: string | null;
    /** The user; null for the youth's own record (source 'youth'). */
    recordedBy: string | null;
    source?: RecordSource;
    recordedAt: Date;
  }>,
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('group_attendance')
    .values(
      entries.map((e) => ({
        municipality_id: e.municipalityId,
        meeting_id: e.meetingId,
        youth_id: e.youthId,
        journey_id: e.journeyId,
        status: e.status,
        note: e.note,
        recorded_by: e.recordedBy,
        source: e.source ?? 'staff',
        recorded_at: e.recordedAt,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['meeting_id', 'youth_id'])
        .doUpdateSet((eb) => ({
          journey_id: eb.ref('excluded.journey_id'),
          status: eb.ref('excluded.status'),
          note: eb.ref('excluded.note'),
          recorded_by: eb.ref('excluded.recorded_by'),
          source: eb.ref('excluded.source'),
          recorded_at: eb.ref('excluded.recorded_at'),
        }))
        .where((eb) =>
          eb.or([
            eb('group_attendance.status', '<>', eb.ref('excluded.status')),
            sql<boolean>`group_attendance.note is distinct from excluded.note`,
          ]),
        ),
    )
    .execute();
}

export async function listAttendance(db: Db, municipalityId: string, meetingId: string): Promise<Attendance[]> {
  const rows = await db
    .selectFrom('group_attendance')
    .leftJoin('app_user', 'app_user.id', 'group_attendance.recorded_by')
    .innerJoin('youth', 'youth.id', 'group_attendance.youth_id')
    .select([
      'youth.name as youth_name',
      'group_attendance.meeting_id',
      'group_attendance.youth_id',
      'group_attendance.journey_id',
      'group_attendance.status',
      'group_attendance.note',
      'group_attendance.recorded_by',
      'group_attendance.source',
      'app_user.name as recorded_by_name',
      'group_attendance.recorded_at',
    ])
    .where('group_attendance.municipality_id', '=', municipalityId)
    .where('group_attendance.meeting_id', '=', meetingId)
    .execute();
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    youthId: r.youth_id,
    youth: { id: r.youth_id, name: r.youth_name },
    journeyId: r.journey_id,
    status: r.status,
    note: r.note,
    recordedBy: r.recorded_by === null ? null : { id: r.recorded_by, name: r.recorded_by_name ?? '' },
    source: r.source,
    recordedAt: r.recorded_at,
  }));
}

/**
 * How many of the most recent held meetings of the journey's current group, in a row, the youth
 * was marked `absent` at: counted newest first, until a meeting where the youth attended, was
 * absent with notice or was not recorded. Cancelled and not yet held meetings do not count, nor
 * meetings from before the youth joined. 0 when the journey is in no group. The missed_meetings
 * risk rule (docs/domain.md, "The rules") reads it.
 */
export async function missedMeetingsInRow(db: Db, municipalityId: string, journeyId: string): Promise<number> {
  const membership = await findCurrentMembershipOfJourney(db, municipalityId, journeyId);
  if (!membership) return 0;
  const rows = await db
    .selectFrom('group_meeting')
    .leftJoin('group_attendance', (join) =>
      join
        .onRef('group_attendance.meeting_id', '=', 'group_meeting.id')
        .on('group_attendance.youth_id', '=', membership.youthId),
    )
    .select(['group_meeting.id', 'group_attendance.status'])
    .where('group_meeting.municipality_id', '=', municipalityId)
    .where('group_meeting.group_id', '=', membership.groupId)
    .where('group_meeting.status', '=', 'held')
    // Since the youth joined; a meeting under way when they joined counts when they were recorded at it.
    .where((eb) =>
      eb.or([
        eb('group_meeting.starts_at', '>=', membership.joinedAt),
        eb('group_attendance.journey_id', '=', membership.journeyId),
      ]),
    )
    .orderBy('group_meeting.starts_at', 'desc')
    .execute();
  let missed = 0;
  for (const row of rows) {
    if (row.status !== 'absent') break;
    missed += 1;
  }
  return missed;
}

/** A meeting with its group's name, as a facilitator's day and calendar show it. */
export interface FacilitatedMeeting extends Meeting {
  groupName: string;
}

/** The meetings of the groups the user facilitates, starting in [from, to), cancelled ones left out. */
export async function listFacilitatedMeetings(
  db: Db,
  municipalityId: string,
  facilitatorId: string,
  range: { from: Date; to: Date },
): Promise<FacilitatedMeeting[]> {
  const rows = await db
    .selectFrom('group_meeting')
    .innerJoin('network_group', 'network_group.id', 'group_meeting.group_id')
    .selectAll('group_meeting')
    .select('network_group.name as group_name')
    .where('group_meeting.municipality_id', '=', municipalityId)
    .where('network_group.facilitator_id', '=', facilitatorId)
    .where('group_meeting.status', '<>', 'cancelled')
    .where('group_meeting.starts_at', '>=', range.from)
    .where('group_meeting.starts_at', '<', range.to)
    .orderBy('group_meeting.starts_at')
    .orderBy('group_meeting.id')
    .execute();
  return rows.map((row) => ({ ...meetingRowToMeeting(row), groupName: row.group_name }));
}

/** Removes a youth's recorded status at a meeting when it is `status`; true when one was removed. */
export async function deleteAttendance(
  db: Db,
  municipalityId: string,
  meetingId: string,
  youthId: string,
  status: AttendanceStatus,
): Promise<boolean> {
  const result = await db
    .deleteFrom('group_attendance')
    .where('municipality_id', '=', municipalityId)
    .where('meeting_id', '=', meetingId)
    .where('youth_id', '=', youthId)
    .where('status', '=', status)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}
