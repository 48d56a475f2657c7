import { sql } from 'kysely';
import type { AuditAction } from '../audit/audit.types.ts';
import type { Db } from '../db/database.ts';
import type { OfferKind } from '../offers/offer.tables.ts';
import { addDays } from '../shared/days.ts';
import type { ProgressionFactor } from '../progression/progression.factors.ts';
import type { StageEvent } from './overview.stages.ts';

/**
 * The moments the key figures are read at. Everything is rebuilt from what happened (the event
 * log's `occurred_at`, membership, placement and activity times), never from the journey's
 * current columns, so a period in the past shows the journeys as they were then.
 */
export interface OverviewMoments {
  /** The period's first and last Danish days (both included). */
  from: string;
  to: string;
  /** The first instant of the period (included). */
  start: Date;
  /** The first instant after the period's last day (excluded). */
  end: Date;
  /** The end of the period, or now while the period is still running: "at the end of the period". */
  asOf: Date;
  /** The Danish calendar day `asOf` falls on: the period's last day, or today. */
  asOfDay: string;
  /** Recorded activity from this instant up to `asOf` keeps a youth from being passive. */
  activeSince: Date;
  /** The Danish day `activeSince` begins. */
  activeSinceDay: string;
}

/** A week of placement hours worked (only weeks with hours are kept). */
export interface OverviewWorkedWeek {
  /** The Monday the week begins. */
  weekStart: string;
  recordedAt: Date;
}

/**
 * An event that can take a journey off benefit (a visitation, an exit, a withdrawal), with what
 * decides whether it does (overview.key-figures.ts).
 */
export interface OverviewBenefitEvent extends StageEvent {
  occurredAt: Date;
  /** VISITATION_DECIDED: whether the youth was on benefit (null on events recorded before it was asked). */
  onBenefit: boolean | null;
  /** VISITATION_DECIDED: the decided category. */
  category: string | null;
}

/** A LAB offer or mentor grant that ran on some day of the period. */
export interface OverviewOffer {
  kind: OfferKind;
  startDate: string;
  /** The last day (included); null while it runs. */
  endedOn: string | null;
}

/** One journey as the key figures see it, each fact as of the moments asked for. */
export interface OverviewJourney {
  id: string;
  /** The caseworker responsible now; see listReassignmentsSince for the one at the end of the period. */
  currentCaseworkerId: string;
  firstContactAt: Date;
  /** Recorded once, from the first conversation's `occurredAt`, so it is the same for every period. */
  firstConversationAt: Date | null;
  /** The latest event that occurred before the period began; null when there was none. */
  eventBeforeStart: StageEvent | null;
  /** The latest event that occurred before `asOf`. */
  eventAtEnd: StageEvent | null;
  /** The visitation decided in the period, if any (a journey is visitated once). */
  visitation: { category: string; eligible: boolean; randomisationArm: string | null } | null;
  /** The outcome of the exit that occurred in the period, if any. */
  exitOutcome: string | null;
  /** The network group the journey was last put in before `asOf` (it may have left it since). */
  lastGroupId: string | null;
  /** When the journey first joined a group, if before `asOf`: the passive clock runs from here. */
  firstJoinedGroupAt: Date | null;
  /** A placement was running at `asOf` (begun on or before that day, not yet ended). */
  placedAtEnd: boolean;
  /** At least one mentor contact in the period. */
  mentorContact: boolean;
  /** Attendance, a conversation or contact, or a match event from `activeSince` up to `asOf`. */
  recentActivity: boolean;
  /** Weeks with placement hours that may count as activity since `activeSince` (see the service). */
  workedWeeks: OverviewWorkedWeek[];
  /** The statuses of the follow-ups that took place in the period (`recorded_at` is the event's `occurredAt`). */
  followUps: string[];
  /** Per progression factor, the latest score measured in the period (null: not measured). */
  latestScores: Record<ProgressionFactor, number | null>;
  /** Withdrawn because it was registered by mistake: never a youth on benefit. */
  registeredByMistake: boolean;
  /** The visitations, exits and withdrawals that occurred before `asOf`, in the order they occurred. */
  benefitEvents: OverviewBenefitEvent[];
  /** The offers that ran on some day from the period's first day to `asOfDay`. */
  offers: OverviewOffer[];
}

/** Text fields of a journey event as a JSON array, for picking one event out of an aggregate. */
type EventFields = Array<string | null>;

interface OverviewJourneyRow {
  id: string;
  caseworker_id: string;
  first_contact_at: Date;
  first_conversation_at: Date | null;
  event_before_start: EventFields | null;
  event_at_end: EventFields | null;
  visitation: EventFields | null;
  exit_outcome: string | null;
  group_id: string | null;
  first_joined_group_at: Date | null;
  placed: boolean;
  mentor_contact: boolean | null;
  recent_activity: boolean | null;
  attended: boolean;
  matched: boolean;
  worked_weeks: Array<[string, string]> | null;
  follow_ups: string[] | null;
  belief_in_own_abilities: number | null;
  self_rated_health: number | null;
  network: number | null;
  meaning_and_direction: number | null;
  readiness: number | null;
  registered_by_mistake: boolean;
  benefit_events: EventFields[] | null;
  offers: Array<[OfferKind, string, string | null]> | null;
}

/** The fields of an event that decide the stage it led to (overview.stages.ts), as stageEventOf reads them. */
const stageFields = sql`jsonb_build_array(e.type, e.payload->'eligibility'->>'eligible',
  e.payload->'randomisation'->>'arm', e.payload->>'month', e.payload->>'status')`;

function stageEventOf(fields: EventFields | null): StageEvent | null {
  const [type, eligible, arm, month, status] = fields ?? [];
  if (!type) return null;
  return {
    type,
    eligible: eligible == null ? null : eligible === 'true',
    randomisationArm: arm ?? null,
    followUpMonth: month == null ? null : Number(month),
    followUpStatus: status ?? null,
  };
}

/** The latest score of a factor among the journey's measurements in the period. */
const latestScore = (column: string) =>
  sql`(array_agg(${sql.ref(`pm.${column}`)} order by pm.measured_on desc, pm.recorded_at desc)
    filter (where ${sql.ref(`pm.${column}`)} is not null))[1] as ${sql.ref(column)}`;

/**
 * The journeys that can count in the period, one row each with every fact the figures need. A
 * journey counts when its first contact came before the period ended; one that was already
 * finished (closed, redirected, control) before the period began is left out, as it can count
 * in no figure: a finished journey records nothing more, and its `updated_at` is no earlier
 * than the moment it finished.
 *
 * Built for one municipality of a national database (docs/decisions/0001-embedded-postgresql-by-default.md and docs/architecture.md): each fact is
 * aggregated per journey first, in a lateral subquery over that journey's own rows reached
 * through a journey-keyed index (events, memberships, activity, hours, follow-ups, progression),
 * or read as a set through an index that begins with the municipality (placements, meetings,
 * match events) and joined on the journey afterwards. Nothing scans a table across
 * municipalities; one pass over a journey's events answers the four questions asked of them;
 * and one row a journey comes back, which matters on PGlite, where every row handed over costs.
 */
export async function listOverviewJourneys(
  db: Db,
  municipalityId: string,
  at: OverviewMoments,
): Promise<OverviewJourney[]> {
  const activitySince = at.start < at.activeSince ? at.start : at.activeSince;
  // A week's hours count at the latest at the week's end, so weeks ending before activeSinceDay cannot count.
  const firstWorkedWeek = addDays(at.activeSinceDay, -6);
  const { rows } = await sql<OverviewJourneyRow>`
    with placed as (
      select distinct p.journey_id from placement p
      where p.municipality_id = ${municipalityId} and p.start_date <= ${at.asOfDay}
        and (p.ended_at is null or p.ended_at >= ${at.asOf})
    ), attended as (
      select distinct present.journey_id from group_meeting gm
      cross join lateral (
        select ga.journey_id from group_attendance ga where ga.meeting_id = gm.id and ga.status = 'attended'
      ) present
      where gm.municipality_id = ${municipalityId}
        and gm.starts_at >= ${at.activeSince} and gm.starts_at < ${at.asOf}
    ), matched as (
      select distinct my.journey_id from match_event me
      join match_event_youth my on my.match_event_id = me.id
      where me.municipality_id = ${municipalityId}
        and me.held_on >= ${at.activeSinceDay} and me.held_on <= ${at.asOfDay}
    )
    select j.id, j.caseworker_id, j.first_contact_at, j.first_conversation_at, j.registered_by_mistake,
      events.event_before_start, events.event_at_end, events.visitation, events.exit_outcome,
      groups.group_id, groups.first_joined_group_at,
      placed.journey_id is not null as placed,
      activity.mentor_contact, activity.recent_activity,
      attended.journey_id is not null as attended,
      matched.journey_id is not null as matched,
      worked.worked_weeks, follow_ups.follow_ups,
      progression.belief_in_own_abilities, progression.self_rated_health, progression.network,
      progression.meaning_and_direction, progression.readiness,
      events.benefit_events, offers.offers
    from journey j
    left join lateral (
      select
        (array_agg(${stageFields} order by e.seq desc) filter (where e.occurred_at < ${at.start}))[1]
          as event_before_start,
        (array_agg(${stageFields} order by e.seq desc) filter (where e.occurred_at < ${at.asOf}))[1]
          as event_at_end,
        (array_agg(
          jsonb_build_array(e.payload->>'category', e.payload->'eligibility'->>'eligible',
            e.payload->'randomisation'->>'arm')
          order by e.seq desc
        ) filter (
          where e.type = 'VISITATION_DECIDED' and e.occurred_at >= ${at.start} and e.occurred_at < ${at.asOf}
        ))[1] as visitation,
        (array_agg(e.payload->>'outcome' order by e.seq desc) filter (
          where e.type = 'EXITED' and e.occurred_at >= ${at.start} and e.occurred_at < ${at.asOf}
        ))[1] as exit_outcome,
        jsonb_agg(jsonb_build_array(e.type, e.payload->'eligibility'->>'eligible',
            e.payload->'randomisation'->>'arm', e.payload->>'onBenefit', e.payload->>'category', e.occurred_at)
        ) filter (
          where e.type in ('VISITATION_DECIDED', 'EXITED', 'WITHDRAWN') and e.occurred_at < ${at.asOf}
        ) as benefit_events
      from journey_event e
      where e.journey_id = j.id
    ) events on true
    left join lateral (
      select (array_agg(m.group_id order by m.joined_at desc))[1] as group_id,
        min(m.joined_at) as first_joined_group_at
      from group_membership m
      where m.journey_id = j.id and m.joined_at < ${at.asOf}
    ) groups on true
    left join lateral (
      select bool_or(a.kind = 'mentor_contact' and a.occurred_at >= ${at.start}) as mentor_contact,
        bool_or(a.occurred_at >= ${at.activeSince}) as recent_activity
      from activity a
      where a.journey_id = j.id and a.occurred_at >= ${activitySince} and a.occurred_at < ${at.asOf}
    ) activity on true
    left join lateral (
      select jsonb_agg(jsonb_build_array(h.week_start, h.recorded_at)) as worked_weeks
      from placement_hours h
      where h.journey_id = j.id and h.week_start >= ${firstWorkedWeek} and h.week_start <= ${at.asOfDay}
        and h.hours > 0
    ) worked on true
    left join lateral (
      select array_agg(f.status) as follow_ups
      from follow_up f
      where f.journey_id = j.id and f.status is not null
        and f.recorded_at >= ${at.start} and f.recorded_at < ${at.asOf}
    ) follow_ups on true
    left join lateral (
      select ${latestScore('belief_in_own_abilities')}, ${latestScore('self_rated_health')},
        ${latestScore('network')}, ${latestScore('meaning_and_direction')}, ${latestScore('readiness')}
      from progression_measurement pm
      where pm.journey_id = j.id and pm.measured_on >= ${at.from} and pm.measured_on <= ${at.to}
    ) progression on true
    left join lateral (
      select jsonb_agg(jsonb_build_array(o.kind, o.start_date, o.ended_on)) as offers
      from offer o
      where o.municipality_id = ${municipalityId} and o.journey_id = j.id and o.start_date <= ${at.asOfDay} and (o.ended_on is null or o.ended_on >= ${at.from})
    ) offers on true
    left join placed on placed.journey_id = j.id
    left join attended on attended.journey_id = j.id
    left join matched on matched.journey_id = j.id
    where j.municipality_id = ${municipalityId}
      and j.first_contact_at < ${at.end}
      and (j.open or j.updated_at >= ${at.start} or j.first_contact_at >= ${at.start})
    order by j.id`.execute(db);

  return rows.map((r) => {
    const [category, eligible, arm] = r.visitation ?? [];
    return {
      id: r.id,
      currentCaseworkerId: r.caseworker_id,
      firstContactAt: r.first_contact_at,
      firstConversationAt: r.first_conversation_at,
      eventBeforeStart: stageEventOf(r.event_before_start),
      eventAtEnd: stageEventOf(r.event_at_end),
      visitation: category ? { category, eligible: eligible === 'true', randomisationArm: arm ?? null } : null,
      exitOutcome: r.exit_outcome,
      lastGroupId: r.group_id,
      firstJoinedGroupAt: r.first_joined_group_at,
      placedAtEnd: r.placed,
      mentorContact: r.mentor_contact === true,
      recentActivity: r.recent_activity === true || r.attended || r.matched,
      workedWeeks: (r.worked_weeks ?? []).map(([weekStart, recordedAt]) => ({
        weekStart,
        recordedAt: new Date(recordedAt),
      })),
      followUps: r.follow_ups ?? [],
      latestScores: {
        beliefInOwnAbilities: r.belief_in_own_abilities,
        selfRatedHealth: r.self_rated_health,
        network: r.network,
        meaningAndDirection: r.meaning_and_direction,
        readiness: r.readiness,
      },
      registeredByMistake: r.registered_by_mistake,
      // At most a visitation, an exit and a withdrawal: sorted here rather than in each journey's aggregate.
      benefitEvents: (r.benefit_events ?? [])
        .flatMap((fields) => {
          const event = stageEventOf(fields);
          const [, , , onBenefit, category, occurredAt] = fields;
          return event && occurredAt
            ? [
                {
                  ...event,
                  occurredAt: new Date(occurredAt),
                  onBenefit: onBenefit == null ? null : onBenefit === 'true',
                  category: category ?? null,
                },
              ]
            : [];
        })
        .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime()),
      offers: (r.offers ?? []).map(([kind, startDate, endedOn]) => ({ kind, startDate, endedOn })),
    };
  });
}

/**
 * Turns PostgreSQL's JIT compilation off for the rest of the transaction. The journeys query's
 * estimated cost grows with the municipality (a nested loop of per-journey lookups) and passes
 * the JIT threshold at about 2,000 journeys, where compiling it added 80-240 ms (measured) to a
 * query that runs in about 150 ms. PGlite accepts the setting too.
 */
export async function withoutJit(trx: Db): Promise<void> {
  await sql`set local jit = off`.execute(trx);
}

const reassigned: AuditAction = 'journey.reassigned';

export interface OverviewReassignment {
  journeyId: string;
  /** The caseworker the journey was taken from. */
  fromCaseworkerId: string;
  at: Date;
}

/**
 * Reassignments of journeys to another caseworker from `since` on, oldest first. The journey
 * row keeps only its current caseworker; the history of who had it is the audit log's record of
 * each reassignment (written in the reassignment's own transaction, append-only). The first
 * reassignment after a moment names the caseworker the journey had at that moment.
 */
export async function listReassignmentsSince(
  db: Db,
  municipalityId: string,
  since: Date,
): Promise<OverviewReassignment[]> {
  const rows = await db
    .selectFrom('audit_log')
    .where('municipality_id', '=', municipalityId)
    .where('action', '=', reassigned)
    .where('occurred_at', '>=', since)
    .select([
      sql<string | null>`details->>'journeyId'`.as('journey_id'),
      sql<string | null>`details->>'from'`.as('from_id'),
      'occurred_at',
    ])
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return rows.flatMap((row) =>
    row.journey_id && row.from_id
      ? [{ journeyId: row.journey_id, fromCaseworkerId: row.from_id, at: row.occurred_at }]
      : [],
  );
}

export interface OverviewUser {
  id: string;
  name: string;
}

export async function listUsers(db: Db, municipalityId: string): Promise<OverviewUser[]> {
  return db.selectFrom('app_user').where('municipality_id', '=', municipalityId).select(['id', 'name']).execute();
}

export interface OverviewGroup {
  id: string;
  name: string;
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
