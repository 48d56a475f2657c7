import type { Db } from '../db/database.ts';
import type { Role } from '../db/schema.ts';
import type { AttendanceStatus, RecordSource } from '../groups/group.tables.ts';

/**
 * What the access export reads that no other feature lists the way it needs: the youth's
 * attendance and group memberships, the youth's alerts, and the municipality's users by id (to
 * name them by role).
 */

export interface AttendanceRecord {
  journeyId: string;
  groupName: string;
  meetingStartsAt: Date;
  status: AttendanceStatus;
  note: string | null;
  /** Null when the youth recorded it themselves (source 'youth'). */
  recordedBy: string | null;
  source: RecordSource;
  recordedAt: Date;
}

/** The youth's attendance at network-group meetings, oldest meeting first. */
export async function listAttendanceOfYouth(
  db: Db,
  municipalityId: string,
  youthId: string,
): Promise<AttendanceRecord[]> {
  const rows = await db
    .selectFrom('group_attendance')
    .innerJoin('group_meeting', 'group_meeting.id', 'group_attendance.meeting_id')
    .innerJoin('network_group', 'network_group.id', 'group_meeting.group_id')
    .select([
      'group_attendance.journey_id',
      'network_group.name',
      'group_meeting.starts_at',
      'group_attendance.status',
      'group_attendance.note',
      'group_attendance.recorded_by',
      'group_attendance.source',
      'group_attendance.recorded_at',
    ])
    .where('group_attendance.municipality_id', '=', municipalityId)
    .where('group_attendance.youth_id', '=', youthId)
    .orderBy('group_meeting.starts_at')
    .orderBy('group_attendance.id')
    .execute();
  return rows.map((r) => ({
    journeyId: r.journey_id,
    groupName: r.name,
    meetingStartsAt: r.starts_at,
    status: r.status,
    note: r.note,
    recordedBy: r.recorded_by,
    source: r.source,
    recordedAt: r.recorded_at,
  }));
}

export interface MembershipRecord {
  journeyId: string;
  groupId: string;
  groupName: string;
  role: 'member' | 'alumni';
  joinedAt: Date;
  leftAt: Date | null;
}

/** The network groups the youth has been in, first joined first. */
export async function listMembershipsOfYouth(
  db: Db,
  municipalityId: string,
  youthId: string,
): Promise<MembershipRecord[]> {
  const rows = await db
    .selectFrom('group_membership')
    .innerJoin('network_group', 'network_group.id', 'group_membership.group_id')
    .select([
      'group_membership.journey_id',
      'group_membership.group_id',
      'network_group.name',
      'group_membership.role',
      'group_membership.joined_at',
      'group_membership.left_at',
    ])
    .where('group_membership.municipality_id', '=', municipalityId)
    .where('group_membership.youth_id', '=', youthId)
    .orderBy('group_membership.joined_at')
    .orderBy('group_membership.id')
    .execute();
  return rows.map((r) => ({
    journeyId: r.journey_id,
    groupId: r.group_id,
    groupName: r.name,
    role: r.role,
    joinedAt: r.joined_at,
    leftAt: r.left_at,
  }));
}

export interface AlertRecord {
  id: string;
  journeyId: string;
  code: string;
  severity: string;
  status: string;
  openedAt: Date;
  resolvedAt: Date | null;
  /** The alert's message in Danish and English, as the rule wrote it. */
  explanation: Record<string, unknown>;
}

/** Every alert raised on the youth's journeys, oldest first. */
export async function listAlertsOfYouth(db: Db, municipalityId: string, youthId: string): Promise<AlertRecord[]> {
  const rows = await db
    .selectFrom('alert')
    .select(['id', 'journey_id', 'code', 'severity', 'status', 'opened_at', 'resolved_at', 'explanation'])
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .orderBy('opened_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    journeyId: r.journey_id,
    code: r.code,
    severity: r.severity,
    status: r.status,
    openedAt: r.opened_at,
    resolvedAt: r.resolved_at,
    explanation: r.explanation,
  }));
}

export interface Colleague {
  name: string;
  role: Role;
}

/** The municipality's users by id: who recorded, read or changed something. */
export async function colleaguesOf(db: Db, municipalityId: string): Promise<Map<string, Colleague>> {
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'name', 'role'])
    .where('municipality_id', '=', municipalityId)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, role: r.role }]));
}

/** The names of the municipality's groups and companies, for the timeline's words. */
export async function groupAndCompanyNames(
  db: Db,
  municipalityId: string,
): Promise<{ groups: Map<string, string>; companies: Map<string, string> }> {
  const [groups, companies] = await Promise.all([
    db.selectFrom('network_group').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute(),
    db.selectFrom('company').select(['id', 'name']).where('municipality_id', '=', municipalityId).execute(),
  ]);
  return {
    groups: new Map(groups.map((g) => [g.id, g.name])),
    companies: new Map(companies.map((c) => [c.id, c.name])),
  };
}

/** The municipality's name, as the export's heading names it. */
export async function municipalityName(db: Db, municipalityId: string): Promise<string> {
  const row = await db
    .selectFrom('municipality')
    .select('name')
    .where('id', '=', municipalityId)
    .executeTakeFirstOrThrow();
  return row.name;
}
