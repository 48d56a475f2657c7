import type { Db } from '../db/database.ts';

/** A journey as the key figures see it: where it stands and when its milestones happened. */
export interface OverviewJourney {
  id: string;
  caseworkerId: string;
  caseworkerName: string;
  stage: string;
  open: boolean;
  firstContactAt: Date;
  firstConversationAt: Date | null;
  visitationAt: Date | null;
  lastActivityAt: Date | null;
  groupJoinedAt: Date | null;
  placed: boolean;
}

export interface OverviewMembership {
  journeyId: string;
  groupId: string;
}

export interface OverviewGroup {
  id: string;
  name: string;
}

export interface OverviewEvent {
  journeyId: string;
  seq: number;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

export interface OverviewFollowUp {
  journeyId: string;
  status: string;
}

export interface OverviewMeasurement {
  journeyId: string;
  measuredOn: string;
  recordedAt: Date;
  beliefInOwnAbilities: number | null;
  selfRatedHealth: number | null;
  network: number | null;
  meaningAndDirection: number | null;
  readiness: number | null;
}

/** A period as instants: `start` included, `end` (the start of the day after the last) excluded. */
export interface Instants {
  start: Date;
  end: Date;
}

/** Every journey of the municipality whose first contact came before the period ended. */
export async function listOverviewJourneys(db: Db, municipalityId: string, end: Date): Promise<OverviewJourney[]> {
  const rows = await db
    .selectFrom('journey')
    .innerJoin('app_user', 'app_user.id', 'journey.caseworker_id')
    .where('journey.municipality_id', '=', municipalityId)
    .where('journey.first_contact_at', '<', end)
    .select([
      'journey.id',
      'journey.caseworker_id',
      'app_user.name as caseworker_name',
      'journey.stage',
      'journey.open',
      'journey.first_contact_at',
      'journey.first_conversation_at',
      'journey.visitation_at',
      'journey.last_activity_at',
      'journey.group_joined_at',
      'journey.placement_state',
    ])
    .orderBy('journey.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    caseworkerId: row.caseworker_id,
    caseworkerName: row.caseworker_name,
    stage: row.stage,
    open: row.open,
    firstContactAt: row.first_contact_at,
    firstConversationAt: row.first_conversation_at,
    visitationAt: row.visitation_at,
    lastActivityAt: row.last_activity_at,
    groupJoinedAt: row.group_joined_at,
    placed: row.placement_state === 'placed',
  }));
}

/** The network group each journey was a member of when the period ended. */
export async function listMembershipsAt(db: Db, municipalityId: string, end: Date): Promise<OverviewMembership[]> {
  const rows = await db
    .selectFrom('group_membership')
    .where('municipality_id', '=', municipalityId)
    .where('role', '=', 'member')
    .where('joined_at', '<', end)
    .where((eb) => eb.or([eb('left_at', 'is', null), eb('left_at', '>=', end)]))
    .select(['journey_id', 'group_id'])
    .orderBy('joined_at')
    .execute();
  return rows.map((row) => ({ journeyId: row.journey_id, groupId: row.group_id }));
}

export async function listGroups(db: Db, municipalityId: string): Promise<OverviewGroup[]> {
  const rows = await db
    .selectFrom('network_group')
    .where('municipality_id', '=', municipalityId)
    .select(['id', 'name'])
    .orderBy('name')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name }));
}

/** Events of one type, up to `end` (and from `start` when given), oldest first. */
export async function listEvents(
  db: Db,
  municipalityId: string,
  type: 'VISITATION_DECIDED' | 'EXITED',
  period: { start?: Date; end: Date },
): Promise<OverviewEvent[]> {
  let query = db
    .selectFrom('journey_event')
    .where('municipality_id', '=', municipalityId)
    .where('type', '=', type)
    .where('occurred_at', '<', period.end);
  if (period.start) query = query.where('occurred_at', '>=', period.start);
  const rows = await query
    .select(['journey_id', 'seq', 'occurred_at', 'payload'])
    .orderBy('journey_id')
    .orderBy('seq')
    .execute();
  return rows.map((row) => ({
    journeyId: row.journey_id,
    seq: row.seq,
    occurredAt: row.occurred_at,
    payload: row.payload,
  }));
}

/** The journeys with at least one mentor contact in the period. */
export async function listJourneysWithMentorContact(
  db: Db,
  municipalityId: string,
  period: Instants,
): Promise<string[]> {
  const rows = await db
    .selectFrom('activity')
    .where('municipality_id', '=', municipalityId)
    .where('kind', '=', 'mentor_contact')
    .where('occurred_at', '>=', period.start)
    .where('occurred_at', '<', period.end)
    .select('journey_id')
    .distinct()
    .execute();
  return rows.map((row) => row.journey_id);
}

/** Follow-ups recorded in the period. */
export async function listFollowUpsRecorded(
  db: Db,
  municipalityId: string,
  period: Instants,
): Promise<OverviewFollowUp[]> {
  const rows = await db
    .selectFrom('follow_up')
    .where('municipality_id', '=', municipalityId)
    .where('status', 'is not', null)
    .where('recorded_at', '>=', period.start)
    .where('recorded_at', '<', period.end)
    .select(['journey_id', 'status'])
    .execute();
  return rows.flatMap((row) => (row.status ? [{ journeyId: row.journey_id, status: row.status }] : []));
}

/** Progression measurements taken in the period (Danish days, both included), oldest first. */
export async function listMeasurements(
  db: Db,
  municipalityId: string,
  from: string,
  to: string,
): Promise<OverviewMeasurement[]> {
  const rows = await db
    .selectFrom('progression_measurement')
    .where('municipality_id', '=', municipalityId)
    .where('measured_on', '>=', from)
    .where('measured_on', '<=', to)
    .select([
      'journey_id',
      'measured_on',
      'recorded_at',
      'belief_in_own_abilities',
      'self_rated_health',
      'network',
      'meaning_and_direction',
      'readiness',
    ])
    .orderBy('measured_on')
    .orderBy('recorded_at')
    .execute();
  return rows.map((row) => ({
    journeyId: row.journey_id,
    measuredOn: row.measured_on,
    recordedAt: row.recorded_at,
    beliefInOwnAbilities: row.belief_in_own_abilities,
    selfRatedHealth: row.self_rated_health,
    network: row.network,
    meaningAndDirection: row.meaning_and_direction,
    readiness: row.readiness,
  }));
}
