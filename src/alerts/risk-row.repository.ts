import type { Db } from '../db/database.ts';

/** One open journey as the risk rules need it: the narrow columns kept current on the journey row. */
export interface JourneyRiskRow {
  journeyId: string;
  municipalityId: string;
  youthId: string;
  caseworkerId: string;
  stage: string;
  placementState: 'exploring' | 'placed' | 'between' | null;
  firstContactAt: Date;
  firstConversationAt: Date | null;
  visitationAt: Date | null;
  groupJoinedAt: Date | null;
  everPlaced: boolean;
  placedSince: Date | null;
  placementHoursPerWeek: number | null;
  placementEndedAt: Date | null;
  expectedReturn: string | null;
  missedMeetingsInRow: number;
  conversationsFirst6Months: number;
  lastProgressionAt: Date | null;
  nextFollowUpDue: string | null;
  lastActivityAt: Date | null;
}

/** Open journeys, of one municipality or of all, optionally only some. */
export async function loadRiskRows(
  db: Db,
  scope: { municipalityId?: string; journeyIds?: readonly string[] } = {},
): Promise<JourneyRiskRow[]> {
  let query = db
    .selectFrom('journey')
    .select([
      'id',
      'municipality_id',
      'youth_id',
      'caseworker_id',
      'stage',
      'placement_state',
      'first_contact_at',
      'first_conversation_at',
      'visitation_at',
      'group_joined_at',
      'ever_placed',
      'placed_since',
      'placement_hours_per_week',
      'placement_ended_at',
      'expected_return',
      'missed_meetings_in_row',
      'conversations_first_6m',
      'last_progression_at',
      'next_follow_up_due',
      'last_activity_at',
    ])
    .where('open', '=', true);
  if (scope.municipalityId) query = query.where('municipality_id', '=', scope.municipalityId);
  if (scope.journeyIds) {
    if (scope.journeyIds.length === 0) return [];
    query = query.where('id', 'in', scope.journeyIds);
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    journeyId: r.id,
    municipalityId: r.municipality_id,
    youthId: r.youth_id,
    caseworkerId: r.caseworker_id,
    stage: r.stage,
    placementState: r.placement_state,
    firstContactAt: r.first_contact_at,
    firstConversationAt: r.first_conversation_at,
    visitationAt: r.visitation_at,
    groupJoinedAt: r.group_joined_at,
    everPlaced: r.ever_placed,
    placedSince: r.placed_since,
    placementHoursPerWeek: r.placement_hours_per_week === null ? null : Number(r.placement_hours_per_week),
    placementEndedAt: r.placement_ended_at,
    expectedReturn: r.expected_return,
    missedMeetingsInRow: r.missed_meetings_in_row,
    conversationsFirst6Months: r.conversations_first_6m,
    lastProgressionAt: r.last_progression_at,
    nextFollowUpDue: r.next_follow_up_due,
    lastActivityAt: r.last_activity_at,
  }));
}

/** Setters for the counters that activity writes keep current. */
export async function setMissedMeetingsInRow(
  db: Db,
  municipalityId: string,
  journeyId: string,
  count: number,
): Promise<void> {
  await db
    .updateTable('journey')
    .set({ missed_meetings_in_row: count })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', journeyId)
    .execute();
}

export async function setConversationsFirst6Months(
  db: Db,
  municipalityId: string,
  journeyId: string,
  count: number,
): Promise<void> {
  await db
    .updateTable('journey')
    .set({ conversations_first_6m: count })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', journeyId)
    .execute();
}

export async function setLastProgressionAt(db: Db, municipalityId: string, journeyId: string, at: Date): Promise<void> {
  await db
    .updateTable('journey')
    .set((eb) => ({
      last_progression_at: eb.fn('greatest', [eb.fn.coalesce('last_progression_at', eb.val(at)), eb.val(at)]),
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', journeyId)
    .execute();
}

export async function setPlacementHoursPerWeek(
  db: Db,
  municipalityId: string,
  journeyId: string,
  hours: number,
): Promise<void> {
  await db
    .updateTable('journey')
    .set({ placement_hours_per_week: hours })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', journeyId)
    .execute();
}
