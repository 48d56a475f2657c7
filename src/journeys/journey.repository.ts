import { type Selectable, sql } from 'kysely';
import { stages } from '../../machines/journey.ts';
import type { FollowUpMonth } from '../../machines/events.ts';
import type { Db } from '../db/database.ts';
import type { JourneyEventTable, JourneyTable, ReferralSource, RuleDecisionTable } from '../db/schema.ts';
import { FIRST_CONVERSATION_WITHIN_DAYS, planReviewStages } from './journey.deadline.ts';
import type { JourneyRiskState } from './journey.risk-state.ts';

/** The youth's earlier periods on public benefit, as the caseworker recorded them at referral. */
export type EarlierBenefit = { kind: 'none' } | { kind: 'earlier_periods'; months: number };

export interface JourneyRecord {
  id: string;
  municipalityId: string;
  youthId: string;
  returning: boolean;
  /** Null for journeys referred before the question was asked. */
  earlierBenefit: EarlierBenefit | null;
  /** Withdrawn because it was registered by mistake: it makes no one returning. */
  registeredByMistake: boolean;
  referralSource: ReferralSource;
  referralReason: string;
  firstContactAt: Date;
  stage: string;
  open: boolean;
  snapshot: Record<string, unknown>;
  machineVersion: number;
  version: number;
  createdBy: string;
  caseworkerId: string;
  lastActivityAt: Date | null;
  visitationAt: Date | null;
  groupJoinedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

function journeyRowToRecord(row: Selectable<JourneyTable>): JourneyRecord {
  return {
    id: row.id,
    municipalityId: row.municipality_id,
    youthId: row.youth_id,
    returning: row.returning,
    earlierBenefit: earlierBenefitOf(row.earlier_benefit, row.earlier_benefit_months),
    registeredByMistake: row.registered_by_mistake,
    referralSource: row.referral_source,
    referralReason: row.referral_reason,
    firstContactAt: row.first_contact_at,
    stage: row.stage,
    open: row.open,
    snapshot: row.snapshot,
    machineVersion: row.machine_version,
    version: row.version,
    createdBy: row.created_by,
    caseworkerId: row.caseworker_id,
    lastActivityAt: row.last_activity_at,
    visitationAt: row.visitation_at,
    groupJoinedAt: row.group_joined_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function earlierBenefitOf(kind: 'none' | 'earlier_periods' | null, months: number | null): EarlierBenefit | null {
  if (kind === null) return null;
  if (kind === 'none') return { kind };
  if (months === null) throw new Error('A journey with earlier periods on benefit has no months recorded');
  return { kind, months };
}

export interface JourneyEventRecord {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  occurredAt: Date;
  recordedAt: Date;
  actorId: string;
}

function eventRowToRecord(row: Selectable<JourneyEventTable>): JourneyEventRecord {
  return {
    seq: row.seq,
    type: row.type,
    payload: row.payload,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    actorId: row.actor_id,
  };
}

export interface RuleDecisionRecord {
  eventSeq: number;
  ruleSet: string;
  ruleSetVersion: string;
  outcome: string;
  facts: Record<string, unknown>;
  result: Record<string, unknown>;
  decidedAt: Date;
}

function decisionRowToRecord(row: Selectable<RuleDecisionTable>): RuleDecisionRecord {
  return {
    eventSeq: row.event_seq,
    ruleSet: row.rule_set,
    ruleSetVersion: row.rule_set_version,
    outcome: row.outcome,
    facts: row.facts,
    result: row.result,
    decidedAt: row.decided_at,
  };
}

export async function insertJourney(
  db: Db,
  journey: {
    id: string;
    municipalityId: string;
    youthId: string;
    returning: boolean;
    earlierBenefit: EarlierBenefit | null;
    referralSource: ReferralSource;
    referralReason: string;
    firstContactAt: Date;
    stage: string;
    open: boolean;
    snapshot: unknown;
    machineVersion: number;
    createdBy: string;
    caseworkerId: string;
  },
): Promise<JourneyRecord> {
  const row = await db
    .insertInto('journey')
    .values({
      id: journey.id,
      municipality_id: journey.municipalityId,
      youth_id: journey.youthId,
      returning: journey.returning,
      earlier_benefit: journey.earlierBenefit?.kind ?? null,
      earlier_benefit_months: journey.earlierBenefit?.kind === 'earlier_periods' ? journey.earlierBenefit.months : null,
      referral_source: journey.referralSource,
      referral_reason: journey.referralReason,
      first_contact_at: journey.firstContactAt,
      stage: journey.stage,
      open: journey.open,
      snapshot: JSON.stringify(journey.snapshot),
      machine_version: journey.machineVersion,
      created_by: journey.createdBy,
      caseworker_id: journey.caseworkerId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  // A new open journey is due at the next sweep, whatever opened it (docs/decisions/0003).
  if (row.open) await db.insertInto('journey_risk_check').values({ journey_id: row.id, check_on: null }).execute();
  return journeyRowToRecord(row);
}

/** A journey by id, optionally locked for the rest of the transaction. */
export async function findJourney(
  db: Db,
  municipalityId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<JourneyRecord | undefined> {
  let query = db.selectFrom('journey').selectAll().where('municipality_id', '=', municipalityId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? journeyRowToRecord(row) : undefined;
}

/**
 * Journeys by id, locked for the rest of the transaction in the order of their ids, so two
 * transactions locking overlapping sets wait for each other rather than deadlock.
 */
export async function lockJourneys(db: Db, municipalityId: string, ids: readonly string[]): Promise<JourneyRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('journey')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map(journeyRowToRecord);
}

export async function listJourneysOfYouth(db: Db, municipalityId: string, youthId: string): Promise<JourneyRecord[]> {
  const rows = await db
    .selectFrom('journey')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(journeyRowToRecord);
}

/**
 * The youth's open journey, the one their own side (Mit forløb) acts on; undefined when none is
 * open. Optionally locked, so the youth's writes and the caseworker's take turns.
 */
export async function findOpenJourneyOfYouth(
  db: Db,
  municipalityId: string,
  youthId: string,
  options: { forUpdate?: boolean } = {},
): Promise<JourneyRecord | undefined> {
  let query = db
    .selectFrom('journey')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .where('open', '=', true)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(1);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? journeyRowToRecord(row) : undefined;
}

/**
 * Writes the next snapshot when the journey is still at `expectedVersion`. Returns false when
 * someone else got there first: the caller answers 409 and nothing is written.
 */
export async function advanceJourney(
  db: Db,
  municipalityId: string,
  id: string,
  expectedVersion: number,
  next: {
    /** The version after the events: one more per event recorded. */
    version: number;
    stage: string;
    open: boolean;
    snapshot: unknown;
    machineVersion: number;
    risk: JourneyRiskState;
  },
  now: Date,
): Promise<boolean> {
  const { risk } = next;
  const result = await db
    .updateTable('journey')
    .set({
      stage: next.stage,
      open: next.open,
      snapshot: JSON.stringify(next.snapshot),
      machine_version: next.machineVersion,
      placement_state: risk.placementState,
      first_conversation_at: risk.firstConversationAt,
      visitation_at: risk.visitationAt,
      group_joined_at: risk.groupJoinedAt,
      ever_placed: risk.everPlaced,
      placed_since: risk.placedSince,
      placement_hours_per_week: risk.placementHoursPerWeek,
      placement_ended_at: risk.placementEndedAt,
      expected_return: risk.expectedReturn,
      next_follow_up_due: risk.nextFollowUpDue,
      version: next.version,
      updated_at: now,
    })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function appendJourneyEvent(
  db: Db,
  event: {
    municipalityId: string;
    journeyId: string;
    seq: number;
    type: string;
    payload: unknown;
    occurredAt: Date;
    recordedAt: Date;
    actorId: string;
  },
): Promise<void> {
  await db
    .insertInto('journey_event')
    .values({
      municipality_id: event.municipalityId,
      journey_id: event.journeyId,
      seq: event.seq,
      type: event.type,
      payload: JSON.stringify(event.payload),
      occurred_at: event.occurredAt,
      recorded_at: event.recordedAt,
      actor_id: event.actorId,
    })
    .execute();
}

/** A page of a journey's history: at most `limit` events before the event `beforeSeq`, the newest of them. */
export interface HistoryPage {
  limit: number;
  beforeSeq?: number | undefined;
}

/** The journey's events in order, all of them or the page asked for. */
export async function listJourneyEvents(
  db: Db,
  municipalityId: string,
  journeyId: string,
  page?: HistoryPage,
): Promise<JourneyEventRecord[]> {
  let query = db
    .selectFrom('journey_event')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId);
  if (!page) return (await query.orderBy('seq').execute()).map(eventRowToRecord);
  if (page.beforeSeq !== undefined) query = query.where('seq', '<', page.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(page.limit).execute();
  return rows.reverse().map(eventRowToRecord);
}

export async function insertRuleDecision(
  db: Db,
  decision: {
    municipalityId: string;
    journeyId: string;
    eventSeq: number;
    ruleSet: string;
    ruleSetVersion: string;
    outcome: string;
    facts: unknown;
    result: unknown;
    decidedAt: Date;
  },
): Promise<void> {
  await db
    .insertInto('rule_decision')
    .values({
      municipality_id: decision.municipalityId,
      journey_id: decision.journeyId,
      event_seq: decision.eventSeq,
      rule_set: decision.ruleSet,
      rule_set_version: decision.ruleSetVersion,
      outcome: decision.outcome,
      facts: JSON.stringify(decision.facts),
      result: JSON.stringify(decision.result),
      decided_at: decision.decidedAt,
    })
    .execute();
}

/** Every decision the rules made on the journey, oldest first (the access export lists them all). */
export async function listRuleDecisions(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<RuleDecisionRecord[]> {
  const rows = await db
    .selectFrom('rule_decision')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .orderBy('id')
    .execute();
  return rows.map(decisionRowToRecord);
}

/** The newest decision of each rule set for a journey. */
export async function latestRuleDecisions(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<RuleDecisionRecord[]> {
  const rows = await db
    .selectFrom('rule_decision')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .orderBy('id', 'desc')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.rule_set) && seen.add(r.rule_set)).map(decisionRowToRecord);
}

/**
 * Notes activity on a journey at `at` (when it happened, which may be earlier than now). Keeps the
 * newest time, so recording last week's attendance today does not move it backwards.
 */
export async function touchJourneyActivity(db: Db, municipalityId: string, journeyId: string, at: Date): Promise<void> {
  await db
    .updateTable('journey')
    .set((eb) => ({
      last_activity_at: eb.fn('greatest', [eb.fn.coalesce('last_activity_at', eb.val(at)), eb.val(at)]),
    }))
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', journeyId)
    .execute();
}

export async function setJourneyCaseworker(
  db: Db,
  municipalityId: string,
  journeyId: string,
  caseworkerId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('journey')
    .set({ caseworker_id: caseworkerId })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', journeyId)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** How many open journeys each caseworker has: the caseload sizes. Users with none are not listed. */
export async function openJourneysPerCaseworker(db: Db, municipalityId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('journey')
    .select(['caseworker_id', (eb) => eb.fn.countAll<string | number>().as('open')])
    .where('municipality_id', '=', municipalityId)
    .where('open', '=', true)
    .groupBy('caseworker_id')
    .execute();
  return new Map(rows.map((r) => [r.caseworker_id, Number(r.open)]));
}

export interface JourneyListFilter {
  caseworkerId?: string | undefined;
  stage?: string | undefined;
  open?: boolean | undefined;
  /** Journeys whose youth is a current member of this group. */
  groupId?: string | undefined;
  /** Opened (first contact) on or after / before. */
  from?: Date | undefined;
  to?: Date | undefined;
  /** Journeys with an alert nobody has acted on yet (status open). */
  withOpenAlerts?: boolean | undefined;
}

export interface JourneyListItem {
  id: string;
  youthId: string;
  youthName: string;
  youthBirthDate: string;
  stage: string;
  open: boolean;
  returning: boolean;
  caseworkerId: string;
  caseworkerName: string;
  firstContactAt: Date;
  lastActivityAt: Date | null;
  /** The day a paused youth is expected back. */
  expectedReturn: string | null;
  /** The earliest follow-up not yet recorded, after an exit. */
  nextFollowUp: { month: FollowUpMonth; dueOn: string } | null;
  /** The day the plan is next gone through with the youth, as the plan says. */
  planReviewOn: string | null;
  version: number;
}

/** The columns a caseload list sorts by. */
export const journeyOrderColumns = ['name', 'stage', 'caseworker', 'lastActivity', 'alerts', 'deadline'] as const;
export type JourneyOrderColumn = (typeof journeyOrderColumns)[number];
export interface JourneyOrder {
  column: JourneyOrderColumn;
  direction: 'asc' | 'desc';
}

/**
 * The SQL a caseload sorts by for each column. Stages sort in the order a journey meets them; the
 * alerts by how many are unresolved; the last activity with "never" as the oldest. The deadline is
 * nextDeadlineOf (journey.deadline.ts) said in SQL, so a page of a sorted list is the same rows the
 * next page does not repeat: the first conversation within 7 days of first contact (Danish day),
 * the expected return of a pause, the earliest follow-up not yet recorded, or the plan's review
 * day when that comes first. Every order ends with
 * the name and the id, so pages are stable.
 */
function orderOf(order: JourneyOrder) {
  const dir = order.direction === 'asc' ? sql.raw('asc') : sql.raw('desc');
  switch (order.column) {
    case 'name':
      return sql`youth.name ${dir}`;
    case 'stage':
      return sql`array_position(${sql.raw(`array[${stages.map((st) => `'${st}'`).join(', ')}]::text[]`)}, journey.stage) ${dir}`;
    case 'caseworker':
      return sql`app_user.name ${dir}`;
    case 'lastActivity':
      return sql`journey.last_activity_at ${dir} ${sql.raw(order.direction === 'asc' ? 'nulls first' : 'nulls last')}`;
    case 'alerts':
      return sql`(select count(*) from alert where alert.journey_id = journey.id and alert.status <> 'resolved') ${dir}`;
    case 'deadline':
      // least() passes over nulls: a stage without a deadline of its own sorts by its plan review.
      return sql`least(
        case journey.stage
          when 'referred' then (journey.first_contact_at at time zone 'Europe/Copenhagen')::date + ${FIRST_CONVERSATION_WITHIN_DAYS}::int
          when 'paused' then journey.expected_return
          when 'followUp' then (select min(follow_up.due_on) from follow_up
            where follow_up.journey_id = journey.id and follow_up.status is null)
        end,
        case when journey.stage in (${sql.join(planReviewStages.map((st) => sql.lit(st)))})
          then (select plan_content.review_on from plan_content where plan_content.journey_id = journey.id)
        end
      ) ${dir} nulls last`;
  }
}

export async function listJourneys(
  db: Db,
  municipalityId: string,
  filter: JourneyListFilter,
  page: { limit: number; offset: number },
  order: JourneyOrder = { column: 'name', direction: 'asc' },
): Promise<{ items: JourneyListItem[]; total: number }> {
  let query = db
    .selectFrom('journey')
    .innerJoin('youth', 'youth.id', 'journey.youth_id')
    .innerJoin('app_user', 'app_user.id', 'journey.caseworker_id')
    .where('journey.municipality_id', '=', municipalityId);
  if (filter.caseworkerId) query = query.where('journey.caseworker_id', '=', filter.caseworkerId);
  if (filter.stage) query = query.where('journey.stage', '=', filter.stage);
  if (filter.open !== undefined) query = query.where('journey.open', '=', filter.open);
  if (filter.from) query = query.where('journey.first_contact_at', '>=', filter.from);
  if (filter.to) query = query.where('journey.first_contact_at', '<', filter.to);
  if (filter.groupId) {
    const groupId = filter.groupId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('group_membership')
          .select('group_membership.id')
          .whereRef('group_membership.journey_id', '=', 'journey.id')
          .where('group_membership.group_id', '=', groupId)
          .where('group_membership.left_at', 'is', null),
      ),
    );
  }
  if (filter.withOpenAlerts) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('alert')
          .select('alert.id')
          .whereRef('alert.journey_id', '=', 'journey.id')
          .where('alert.status', '=', 'open'),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    query
      .select([
        'journey.id',
        'journey.youth_id',
        'youth.name as youth_name',
        'youth.birth_date',
        'journey.stage',
        'journey.open',
        'journey.returning',
        'journey.caseworker_id',
        'app_user.name as caseworker_name',
        'journey.first_contact_at',
        'journey.last_activity_at',
        'journey.expected_return',
        'journey.version',
      ])
      // The next follow-up of each journey on the page, read with the page (an index lookup a row).
      .select((eb) => {
        const pending = eb
          .selectFrom('follow_up')
          .whereRef('follow_up.journey_id', '=', 'journey.id')
          .where('follow_up.status', 'is', null)
          .orderBy('follow_up.due_on')
          .limit(1);
        return [
          pending.select('follow_up.due_on').as('next_follow_up_due'),
          pending.select('follow_up.month').as('next_follow_up_month'),
          eb
            .selectFrom('plan_content')
            .whereRef('plan_content.journey_id', '=', 'journey.id')
            .select('plan_content.review_on')
            .as('plan_review_on'),
        ];
      })
      .orderBy(orderOf(order))
      .orderBy('youth.name')
      .orderBy('journey.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      youthId: r.youth_id,
      youthName: r.youth_name,
      youthBirthDate: r.birth_date,
      stage: r.stage,
      open: r.open,
      returning: r.returning,
      caseworkerId: r.caseworker_id,
      caseworkerName: r.caseworker_name,
      firstContactAt: r.first_contact_at,
      lastActivityAt: r.last_activity_at,
      expectedReturn: r.expected_return,
      nextFollowUp:
        r.next_follow_up_due && r.next_follow_up_month
          ? { month: r.next_follow_up_month, dueOn: r.next_follow_up_due }
          : null,
      planReviewOn: r.plan_review_on,
      version: r.version,
    })),
    total: Number(count.total),
  };
}

/** Marks a journey as withdrawn because it was registered by mistake. */
export async function markRegisteredByMistake(db: Db, municipalityId: string, journeyId: string): Promise<void> {
  await db
    .updateTable('journey')
    .set({ registered_by_mistake: true })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', journeyId)
    .execute();
}

/** An open journey of a caseworker's and when the caseworker last had contact with the youth. */
export interface JourneyWithoutContact {
  journeyId: string;
  youthId: string;
  youthName: string;
  stage: string;
  lastContactAt: Date;
}

/**
 * The caseworker's open journeys whose youth they have had no contact with since `since`: the
 * latest conversation or contact recorded (src/activities), the first conversation, or, before
 * any, the first contact at referral. Longest without contact first.
 */
export async function listJourneysWithoutContactSince(
  db: Db,
  municipalityId: string,
  caseworkerId: string,
  since: Date,
  limit: number,
): Promise<JourneyWithoutContact[]> {
  const lastContact = sql<Date>`greatest(journey.first_contact_at, journey.first_conversation_at,
    (select max(activity.occurred_at) from activity where activity.journey_id = journey.id))`;
  const rows = await db
    .selectFrom('journey')
    .innerJoin('youth', 'youth.id', 'journey.youth_id')
    .select(['journey.id', 'journey.youth_id', 'youth.name', 'journey.stage', lastContact.as('last_contact_at')])
    .where('journey.municipality_id', '=', municipalityId)
    .where('journey.caseworker_id', '=', caseworkerId)
    .where('journey.open', '=', true)
    .where(lastContact, '<', since)
    .orderBy('last_contact_at')
    .orderBy('youth.name')
    .orderBy('journey.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    journeyId: r.id,
    youthId: r.youth_id,
    youthName: r.name,
    stage: r.stage,
    lastContactAt: new Date(r.last_contact_at),
  }));
}
