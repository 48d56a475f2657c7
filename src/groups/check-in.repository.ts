import type { Db } from '../db/database.ts';
import type { AttendanceStatus, MeetingStatus, RecordSource } from './group.tables.ts';

/**
 * Gives the meeting the code `code` unless it has one, and returns the code it has: two
 * facilitators showing the page at once end with the same code.
 */
export async function ensureCheckInCode(
  db: Db,
  municipalityId: string,
  meetingId: string,
  code: string,
): Promise<string> {
  await db
    .updateTable('group_meeting')
    .set({ check_in_code: code })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', meetingId)
    .where('check_in_code', 'is', null)
    .execute();
  const row = await db
    .selectFrom('group_meeting')
    .select('check_in_code')
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  return row.check_in_code ?? code;
}

export interface CodedMeeting {
  id: string;
  groupId: string;
  groupName: string;
  startsAt: Date;
  durationMinutes: number;
  status: MeetingStatus;
}

/** The municipality's meetings that carry the code, the latest first. */
export async function findMeetingsByCode(db: Db, municipalityId: string, code: string): Promise<CodedMeeting[]> {
  const rows = await db
    .selectFrom('group_meeting')
    .innerJoin('network_group', 'network_group.id', 'group_meeting.group_id')
    .select([
      'group_meeting.id',
      'group_meeting.group_id',
      'network_group.name',
      'group_meeting.starts_at',
      'group_meeting.duration_minutes',
      'group_meeting.status',
    ])
    .where('group_meeting.municipality_id', '=', municipalityId)
    .where('group_meeting.check_in_code', '=', code)
    .orderBy('group_meeting.starts_at', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    groupId: r.group_id,
    groupName: r.name,
    startsAt: r.starts_at,
    durationMinutes: r.duration_minutes,
    status: r.status,
  }));
}

export interface OwnAttendance {
  meetingId: string;
  status: AttendanceStatus;
  note: string | null;
  source: RecordSource;
  recordedAt: Date;
}

/** The youth's recorded status at each of the meetings. */
export async function listAttendanceOfYouthAt(
  db: Db,
  municipalityId: string,
  youthId: string,
  meetingIds: readonly string[],
): Promise<OwnAttendance[]> {
  if (meetingIds.length === 0) return [];
  const rows = await db
    .selectFrom('group_attendance')
    .select(['meeting_id', 'status', 'note', 'source', 'recorded_at'])
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .where('meeting_id', 'in', meetingIds)
    .execute();
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    status: r.status,
    note: r.note,
    source: r.source,
    recordedAt: r.recorded_at,
  }));
}

/** What the youth recorded themselves at meetings of the journey (check-ins, afbud), for its timeline. */
export async function listOwnAttendanceOfJourney(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<Array<OwnAttendance & { groupName: string; startsAt: Date }>> {
  const rows = await db
    .selectFrom('group_attendance')
    .innerJoin('group_meeting', 'group_meeting.id', 'group_attendance.meeting_id')
    .innerJoin('network_group', 'network_group.id', 'group_meeting.group_id')
    .select([
      'group_attendance.meeting_id',
      'group_attendance.status',
      'group_attendance.note',
      'group_attendance.source',
      'group_attendance.recorded_at',
      'network_group.name',
      'group_meeting.starts_at',
    ])
    .where('group_attendance.municipality_id', '=', municipalityId)
    .where('group_attendance.journey_id', '=', journeyId)
    .where('group_attendance.source', '=', 'youth')
    .execute();
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    status: r.status,
    note: r.note,
    source: r.source,
    recordedAt: r.recorded_at,
    groupName: r.name,
    startsAt: r.starts_at,
  }));
}
