import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { hoursBelowAgreedRun } from './risk-facts.ts';

/**
 * One open journey as the risk rules need it: the narrow columns kept current on the journey
 * row. Instants are epoch milliseconds: the sweep reads a whole country of these, and numbers
 * parse and compare far faster than Date objects.
 */
export interface JourneyRiskRow {
  journeyId: string;
  municipalityId: string;
  youthId: string;
  caseworkerId: string;
  stage: string;
  placementState: 'exploring' | 'placed' | 'between' | null;
  firstContactAt: number;
  firstConversationAt: number | null;
  visitationAt: number | null;
  groupJoinedAt: number | null;
  everPlaced: boolean;
  placedSince: number | null;
  placementHoursPerWeek: number | null;
  placementEndedAt: number | null;
  expectedReturn: string | null;
  missedMeetingsInRow: number;
  /** Individual job conversations recorded as contacts in the first 6 months; the first conversation is not among them. */
  conversationsFirst6Months: number;
  /** Weeks in a row below the hours agreed, back from hoursLatestWeek (risk-facts.ts, hoursBelowAgreedRun). */
  hoursBelowAgreedWeeks: number;
  /** The Monday of the latest week with hours recorded in the running placement ('YYYY-MM-DD'). */
  hoursLatestWeek: string | null;
  lastProgressionAt: number | null;
  nextFollowUpDue: string | null;
  lastActivityAt: number | null;
}

const ms = (column: string) => sql<number | null>`(extract(epoch from ${sql.ref(column)}) * 1000)::float8`;

/** Open journeys, of one municipality or of all, optionally only some. */
export async function loadRiskRows(
  db: Db,
  scope: {
    municipalityId?: string;
    journeyIds?: readonly string[];
    /** Only journeys due a check by this day ('YYYY-MM-DD'), never checked, or in `alsoJourneyIds`. */
    dueBy?: string;
    alsoJourneyIds?: readonly string[];
  } = {},
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
      ms('first_contact_at').as('first_contact_ms'),
      ms('first_conversation_at').as('first_conversation_ms'),
      ms('visitation_at').as('visitation_ms'),
      ms('group_joined_at').as('group_joined_ms'),
      'ever_placed',
      ms('placed_since').as('placed_since_ms'),
      'placement_hours_per_week',
      ms('placement_ended_at').as('placement_ended_ms'),
      'expected_return',
      'missed_meetings_in_row',
      'conversations_first_6m',
      'hours_below_agreed_weeks',
      'hours_latest_week',
      ms('last_progression_at').as('last_progression_ms'),
      'next_follow_up_due',
      ms('last_activity_at').as('last_activity_ms'),
    ])
    .where('open', '=', true);
  if (scope.municipalityId) query = query.where('municipality_id', '=', scope.municipalityId);
  if (scope.journeyIds) {
    if (scope.journeyIds.length === 0) return [];
    query = query.where('id', 'in', scope.journeyIds);
  }
  if (scope.dueBy) {
    const dueBy = scope.dueBy;
    const also = scope.alsoJourneyIds ?? [];
    query = query.where((eb) =>
      eb.or([
        eb('risk_check_on', 'is', null),
        eb('risk_check_on', '<=', dueBy),
        ...(also.length ? [eb('id', 'in', also)] : []),
      ]),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({
    journeyId: r.id,
    municipalityId: r.municipality_id,
    youthId: r.youth_id,
    caseworkerId: r.caseworker_id,
    stage: r.stage,
    placementState: r.placement_state,
    firstContactAt: Number(r.first_contact_ms),
    firstConversationAt: r.first_conversation_ms,
    visitationAt: r.visitation_ms,
    groupJoinedAt: r.group_joined_ms,
    everPlaced: r.ever_placed,
    placedSince: r.placed_since_ms,
    placementHoursPerWeek: r.placement_hours_per_week === null ? null : Number(r.placement_hours_per_week),
    placementEndedAt: r.placement_ended_ms,
    expectedReturn: r.expected_return,
    missedMeetingsInRow: r.missed_meetings_in_row,
    conversationsFirst6Months: r.conversations_first_6m,
    hoursBelowAgreedWeeks: r.hours_below_agreed_weeks,
    hoursLatestWeek: r.hours_latest_week,
    lastProgressionAt: r.last_progression_ms,
    nextFollowUpDue: r.next_follow_up_due,
    lastActivityAt: r.last_activity_ms,
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

/**
 * Recounts the weeks of the running placement below the hours agreed, from the hours recorded and
 * the agreement as it stands now. Without a running placement the run is empty.
 */
export async function refreshHoursBelowAgreed(db: Db, municipalityId: string, journeyId: string): Promise<void> {
  const running = await db
    .selectFrom('placement')
    .select(['id', 'hours_per_week'])
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  const weeks = running
    ? await db
        .selectFrom('placement_hours')
        .select(['week_start', 'hours'])
        .where('municipality_id', '=', municipalityId)
        .where('placement_id', '=', running.id)
        .execute()
    : [];
  const { run, latestWeek } = running
    ? hoursBelowAgreedRun(
        weeks.map((w) => ({ weekStart: w.week_start, hours: Number(w.hours) })),
        Number(running.hours_per_week),
      )
    : { run: 0, latestWeek: null };
  await db
    .updateTable('journey')
    .set({ hours_below_agreed_weeks: run, hours_latest_week: latestWeek })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', journeyId)
    .execute();
}

/** Writes each journey's next risk check day, in slices (a national sweep writes many). */
export async function setRiskCheckDays(
  db: Db,
  checks: ReadonlyArray<{ journeyId: string; day: string }>,
): Promise<void> {
  for (let i = 0; i < checks.length; i += 2000) {
    const slice = checks.slice(i, i + 2000);
    const values = sql.join(slice.map((c) => sql`(${c.journeyId}::uuid, ${c.day}::date)`));
    await sql`update journey set risk_check_on = v.day from (values ${values}) as v(id, day) where journey.id = v.id`.execute(
      db,
    );
  }
}

/** After a change of thresholds every open journey of the municipality is due at the next sweep. */
export async function clearRiskCheckDays(db: Db, municipalityId: string): Promise<void> {
  await db
    .updateTable('journey')
    .set({ risk_check_on: null })
    .where('municipality_id', '=', municipalityId)
    .where('open', '=', true)
    .execute();
}
