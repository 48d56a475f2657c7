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
    // One array parameter, however many journeys: the sweep asks for thousands.
    query = query.where('id', '=', sql<string>`any(${scope.journeyIds}::uuid[])`);
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

/**
 * The open journeys the nightly sweep must read: their check day has come (or they were never
 * checked), or they have an alert to wake from a snooze (`today`) or to escalate (opened before
 * `escalateBefore`).
 */
export async function dueJourneyIds(db: Db, today: string, escalateBefore: Date): Promise<string[]> {
  const { rows } = await sql<{ journey_id: string }>`
    select journey_id from journey_risk_check where check_on is null or check_on <= ${today}
    union
    select journey_id from alert where status = 'snoozed' and snoozed_until <= ${today}
    union
    select journey_id from alert where status <> 'resolved' and escalated_at is null and opened_at < ${escalateBefore}`.execute(
    db,
  );
  return rows.map((r) => r.journey_id);
}

/** Writes each journey's next risk check day, in slices of one array each (a national sweep writes 100,000). */
export async function setRiskCheckDays(
  db: Db,
  checks: ReadonlyArray<{ journeyId: string; day: string }>,
): Promise<void> {
  for (let i = 0; i < checks.length; i += 10_000) {
    const slice = checks.slice(i, i + 10_000);
    await sql`
      insert into journey_risk_check (journey_id, check_on)
      select * from unnest(${slice.map((c) => c.journeyId)}::uuid[], ${slice.map((c) => c.day)}::date[])
      on conflict (journey_id) do update set check_on = excluded.check_on`.execute(db);
  }
}

/** Closed journeys are not checked any more. */
export async function dropRiskChecks(db: Db, journeyIds: readonly string[]): Promise<void> {
  if (journeyIds.length === 0) return;
  await db.deleteFrom('journey_risk_check').where('journey_id', 'in', journeyIds).execute();
}

/** After a change of thresholds every open journey of the municipality is due at the next sweep. */
export async function clearRiskCheckDays(db: Db, municipalityId: string): Promise<void> {
  await sql`
    insert into journey_risk_check (journey_id, check_on)
    select id, null from journey where municipality_id = ${municipalityId} and open
    on conflict (journey_id) do update set check_on = null`.execute(db);
}
