import type { Db } from '../db/database.ts';
import type { ActivityKind, ConversationKind } from '../activities/activity.tables.ts';
import type { AttendanceStatus } from '../groups/group.tables.ts';

/**
 * What the backtest replays, read for many journeys at once: the journeys, the events they
 * recorded and everything that counts as their activity. The callers read in slices of journeys
 * so that no IN list grows without bound.
 */

export interface ReplayedJourney {
  id: string;
  municipalityId: string;
  youthId: string;
  returning: boolean;
  firstContactAt: Date;
  caseworkerId: string;
}

/** The journeys first contacted before `before`, of one municipality or of all. */
export async function listJourneysContactedBefore(
  db: Db,
  before: Date,
  municipalityId?: string,
): Promise<ReplayedJourney[]> {
  let query = db
    .selectFrom('journey')
    .select(['id', 'municipality_id', 'youth_id', 'returning', 'first_contact_at', 'caseworker_id'])
    .where('first_contact_at', '<', before);
  if (municipalityId) query = query.where('municipality_id', '=', municipalityId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    municipalityId: r.municipality_id,
    youthId: r.youth_id,
    returning: r.returning,
    firstContactAt: r.first_contact_at,
    caseworkerId: r.caseworker_id,
  }));
}

export interface ReplayedEvent {
  journeyId: string;
  type: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

/** The journeys' events that happened before `before`, journey by journey in the order recorded. */
export async function listEventsBefore(db: Db, journeyIds: readonly string[], before: Date): Promise<ReplayedEvent[]> {
  const rows = await db
    .selectFrom('journey_event')
    .select(['journey_id', 'type', 'payload', 'occurred_at'])
    .where('journey_id', 'in', journeyIds)
    .where('occurred_at', '<', before)
    .orderBy('journey_id')
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ journeyId: r.journey_id, type: r.type, payload: r.payload, occurredAt: r.occurred_at }));
}

export interface ReplayedActivity {
  journeyId: string;
  occurredAt: Date;
  kind: ActivityKind;
  conversationKind: ConversationKind | null;
  jobConversation: boolean;
}

export async function listActivitiesOf(db: Db, journeyIds: readonly string[]): Promise<ReplayedActivity[]> {
  const rows = await db
    .selectFrom('activity')
    .select(['journey_id', 'occurred_at', 'kind', 'conversation_kind', 'job_conversation'])
    .where('journey_id', 'in', journeyIds)
    .execute();
  return rows.map((r) => ({
    journeyId: r.journey_id,
    occurredAt: r.occurred_at,
    kind: r.kind,
    conversationKind: r.conversation_kind,
    jobConversation: r.job_conversation,
  }));
}

export interface ReplayedAttendance {
  journeyId: string;
  status: AttendanceStatus;
  /** When the meeting began. */
  startsAt: Date;
}

export async function listAttendanceOf(db: Db, journeyIds: readonly string[]): Promise<ReplayedAttendance[]> {
  const rows = await db
    .selectFrom('group_attendance')
    .innerJoin('group_meeting', 'group_meeting.id', 'group_attendance.meeting_id')
    .select(['group_attendance.journey_id', 'group_attendance.status', 'group_meeting.starts_at'])
    .where('group_attendance.journey_id', 'in', journeyIds)
    .execute();
  return rows.map((r) => ({ journeyId: r.journey_id, status: r.status, startsAt: r.starts_at }));
}

export interface ReplayedHours {
  journeyId: string;
  placementId: string;
  /** The hours a week agreed for the placement, as the agreement stands now. */
  agreedHoursPerWeek: number;
  /** The Monday the week begins. */
  weekStart: string;
  hours: number;
}

export async function listHoursOf(db: Db, journeyIds: readonly string[]): Promise<ReplayedHours[]> {
  const rows = await db
    .selectFrom('placement_hours')
    .innerJoin('placement', 'placement.id', 'placement_hours.placement_id')
    .select([
      'placement_hours.journey_id',
      'placement_hours.placement_id',
      'placement.hours_per_week',
      'placement_hours.week_start',
      'placement_hours.hours',
    ])
    .where('placement_hours.journey_id', 'in', journeyIds)
    .execute();
  return rows.map((r) => ({
    journeyId: r.journey_id,
    placementId: r.placement_id,
    agreedHoursPerWeek: Number(r.hours_per_week),
    weekStart: r.week_start,
    hours: Number(r.hours),
  }));
}

/** The days of the match events the journeys took part in. */
export async function listMatchEventDaysOf(
  db: Db,
  journeyIds: readonly string[],
): Promise<Array<{ journeyId: string; heldOn: string }>> {
  const rows = await db
    .selectFrom('match_event_youth')
    .innerJoin('match_event', 'match_event.id', 'match_event_youth.match_event_id')
    .select(['match_event_youth.journey_id', 'match_event.held_on'])
    .where('match_event_youth.journey_id', 'in', journeyIds)
    .execute();
  return rows.map((r) => ({ journeyId: r.journey_id, heldOn: r.held_on }));
}

/** The days the journeys' progression was measured. */
export async function listMeasurementDaysOf(
  db: Db,
  journeyIds: readonly string[],
): Promise<Array<{ journeyId: string; measuredOn: string }>> {
  const rows = await db
    .selectFrom('progression_measurement')
    .select(['journey_id', 'measured_on'])
    .where('journey_id', 'in', journeyIds)
    .execute();
  return rows.map((r) => ({ journeyId: r.journey_id, measuredOn: r.measured_on }));
}
