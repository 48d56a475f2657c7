import type { Generated } from 'kysely';

export interface NetworkGroupTable {
  id: Generated<string>;
  municipality_id: string;
  name: string;
  facilitator_id: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** 'HH:MM', Danish local time. */
  start_time: string;
  duration_minutes: Generated<number>;
  place: string;
  capacity: Generated<number>;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GroupMembershipTable {
  id: Generated<string>;
  municipality_id: string;
  group_id: string;
  journey_id: string;
  youth_id: string;
  role: Generated<'member' | 'alumni'>;
  joined_at: Date;
  left_at: Date | null;
}

export type MeetingStatus = 'planned' | 'held' | 'cancelled';

export interface GroupMeetingTable {
  id: Generated<string>;
  municipality_id: string;
  group_id: string;
  starts_at: Date;
  duration_minutes: number;
  place: string;
  status: Generated<MeetingStatus>;
  note: string | null;
  /** The weekly slot the schedule produced it for; null for a meeting added by hand. */
  scheduled_at: Date | null;
  /** The short code youth check in with; drawn when the facilitator first shows it (src/groups/check-in.ts). */
  check_in_code: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type AttendanceStatus = 'attended' | 'absent_with_notice' | 'absent';

/** Who recorded a youth's status at a meeting: a user, or the youth on their own side (a check-in, an afbud). */
export type RecordSource = 'staff' | 'youth';

export interface GroupAttendanceTable {
  id: Generated<string>;
  municipality_id: string;
  meeting_id: string;
  youth_id: string;
  journey_id: string;
  status: AttendanceStatus;
  note: string | null;
  /** The user who recorded it; null when the youth did (source 'youth'). */
  recorded_by: string | null;
  source: Generated<RecordSource>;
  recorded_at: Date;
}

export interface GroupTables {
  network_group: NetworkGroupTable;
  group_membership: GroupMembershipTable;
  group_meeting: GroupMeetingTable;
  group_attendance: GroupAttendanceTable;
}
