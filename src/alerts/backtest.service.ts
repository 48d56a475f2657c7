import type { JourneyEvent } from '../../machines/events.ts';
import { applyEvent, initialSnapshot, isOpen, type JourneySnapshot, stageOf } from '../../machines/journey.ts';
import type { Db } from '../db/database.ts';
import { riskStateOf } from '../journeys/journey.risk-state.ts';
import { listSettings } from '../municipalities/settings.repository.ts';
import { compileRuleSet, evaluateCompiled } from '../risk/risk.compile.ts';
import { withDerivedFacts } from '../risk/risk.facts.ts';
import { effectiveRiskParameters, type RiskOverrides } from '../risk/risk.overrides.ts';
import { type RuleSet, selectRuleSet } from '../rules/rule-set.loader.ts';
import { danishDayNumber, startOfDanishDay } from '../shared/clock.ts';
import { addDays, dayNumberOf, dayOfNumber } from '../shared/days.ts';
import { riskFactsOf } from './risk-facts.ts';
import type { JourneyRiskRow } from './risk-row.repository.ts';

export interface BacktestOptions {
  from: string;
  to: string;
  /** One municipality, or every municipality when absent. */
  municipalityId?: string | undefined;
  /** Thresholds to try, on top of each municipality's own overrides. */
  set?: RiskOverrides;
}

export interface BacktestReport {
  from: string;
  to: string;
  days: number;
  journeys: number;
  parameters: Record<string, unknown>;
  ruleSetVersion: string;
  rules: Array<{ code: string; opened: number; youth: number }>;
  millis: number;
}

interface History {
  /** Every instant with activity (attendance, hours, conversations, contacts, match events), ascending ms. */
  activity: number[];
  individualConversations: number[];
  /** Attendance at held meetings, by meeting time: true when absent. */
  attendance: Array<{ t: number; absent: boolean }>;
  progression: number[];
}

const DAY_MS = 86_400_000;

/**
 * startOfDanishDay in ms, remembered: the activity rows and the days of the period name a few
 * hundred days many times over, and Temporal takes microseconds for each.
 */
function startsOfDanishDays(): (day: string) => number {
  const known = new Map<string, number>();
  return (day) => {
    let start = known.get(day);
    if (start === undefined) {
      start = startOfDanishDay(day).getTime();
      known.set(day, start);
    }
    return start;
  };
}

/**
 * Replays the risk rules day by day over what was recorded, as if the sweep had run every night
 * with the given thresholds: per rule, how many alerts would have opened and for how many youth.
 * The journey's states are rebuilt from the event log with the statechart, and the activity from
 * the activity tables, so a threshold can be tried before it is changed.
 */
export async function runBacktest(
  db: Db,
  ruleSets: readonly RuleSet[],
  options: BacktestOptions,
): Promise<BacktestReport> {
  const started = performance.now();
  const fromDay = dayNumberOf(options.from);
  const toDay = dayNumberOf(options.to);
  const startOf = startsOfDanishDays();
  const endOfPeriod = new Date(startOf(dayOfNumber(toDay + 1)));

  let journeyQuery = db
    .selectFrom('journey')
    .select(['id', 'municipality_id', 'youth_id', 'returning', 'first_contact_at', 'caseworker_id'])
    .where('first_contact_at', '<', endOfPeriod);
  if (options.municipalityId) journeyQuery = journeyQuery.where('municipality_id', '=', options.municipalityId);
  const journeys = await journeyQuery.execute();
  const ids = journeys.map((j) => j.id);

  const events = new Map<string, Array<{ day: number; at: Date; payload: Record<string, unknown>; type: string }>>();
  const histories = new Map<string, History>();
  for (const id of ids)
    histories.set(id, { activity: [], individualConversations: [], attendance: [], progression: [] });
  const history = (id: string) => histories.get(id) as History;

  // Read in slices so a national backtest does not build one enormous IN list.
  for (let i = 0; i < ids.length; i += 2000) {
    const slice = ids.slice(i, i + 2000);
    const eventRows = await db
      .selectFrom('journey_event')
      .select(['journey_id', 'type', 'payload', 'occurred_at'])
      .where('journey_id', 'in', slice)
      .where('occurred_at', '<', endOfPeriod)
      .orderBy('journey_id')
      .orderBy('seq')
      .execute();
    for (const e of eventRows) {
      const list = events.get(e.journey_id) ?? [];
      list.push({ day: danishDayNumber(e.occurred_at), at: e.occurred_at, payload: e.payload, type: e.type });
      events.set(e.journey_id, list);
    }
    const activities = await db
      .selectFrom('activity')
      .select(['journey_id', 'occurred_at', 'kind', 'conversation_kind', 'job_conversation'])
      .where('journey_id', 'in', slice)
      .execute();
    for (const a of activities) {
      const h = history(a.journey_id);
      h.activity.push(a.occurred_at.getTime());
      // As the live counter: individual job conversations (LAB § 31 stk. 3).
      if (a.kind === 'conversation' && a.conversation_kind === 'individual' && a.job_conversation) {
        h.individualConversations.push(a.occurred_at.getTime());
      }
    }
    const attendance = await db
      .selectFrom('group_attendance')
      .innerJoin('group_meeting', 'group_meeting.id', 'group_attendance.meeting_id')
      .select(['group_attendance.journey_id', 'group_attendance.status', 'group_meeting.starts_at'])
      .where('group_attendance.journey_id', 'in', slice)
      .execute();
    for (const a of attendance) {
      const h = history(a.journey_id);
      const t = a.starts_at.getTime();
      h.attendance.push({ t, absent: a.status === 'absent' });
      if (a.status === 'attended') h.activity.push(t);
    }
    const hours = await db
      .selectFrom('placement_hours')
      .select(['journey_id', 'week_start', 'hours'])
      .where('journey_id', 'in', slice)
      .execute();
    // Hours count as activity at the end of their week, as logging them does: the instant before the
    // next Monday begins, which is not 7 x 24 hours later in a week the clocks change.
    for (const row of hours) {
      if (Number(row.hours) > 0) history(row.journey_id).activity.push(startOf(addDays(row.week_start, 7)) - 1);
    }
    const matches = await db
      .selectFrom('match_event_youth')
      .innerJoin('match_event', 'match_event.id', 'match_event_youth.match_event_id')
      .select(['match_event_youth.journey_id', 'match_event.held_on'])
      .where('match_event_youth.journey_id', 'in', slice)
      .execute();
    for (const m of matches) history(m.journey_id).activity.push(startOf(m.held_on));
    const progression = await db
      .selectFrom('progression_measurement')
      .select(['journey_id', 'measured_on'])
      .where('journey_id', 'in', slice)
      .execute();
    for (const p of progression) history(p.journey_id).progression.push(startOf(p.measured_on));
  }
  for (const h of histories.values()) {
    h.activity.sort((a, b) => a - b);
    h.individualConversations.sort((a, b) => a - b);
    h.attendance.sort((a, b) => a.t - b.t);
    h.progression.sort((a, b) => a - b);
  }

  const municipalityOverrides = new Map<string, RiskOverrides>();
  for (const { municipalityId, settings } of await listSettings(db)) {
    municipalityOverrides.set(municipalityId, settings.risk);
  }
  const ruleSet = selectRuleSet(ruleSets, 'risk', options.to);
  const compiled = compileRuleSet(ruleSet);
  const parametersOf = new Map<string, ReturnType<typeof effectiveRiskParameters>>();
  const parametersFor = (municipalityId: string) => {
    let p = parametersOf.get(municipalityId);
    if (!p) {
      p = effectiveRiskParameters(ruleSet, { ...municipalityOverrides.get(municipalityId), ...options.set });
      parametersOf.set(municipalityId, p);
    }
    return p;
  };

  const opened = new Map<string, number>();
  const youthByCode = new Map<string, Set<string>>();
  for (const rule of compiled.rules) {
    opened.set(rule.code, 0);
    youthByCode.set(rule.code, new Set());
  }

  // The instant each day of the period ends, computed once for the inner loop.
  const endOfDayMs = new Map<number, number>();
  for (let day = fromDay - 400; day <= toDay; day++) endOfDayMs.set(day, startOf(dayOfNumber(day + 1)));

  for (const journey of journeys) {
    const h = history(journey.id);
    const parameters = parametersFor(journey.municipality_id);
    let snapshot: JourneySnapshot = initialSnapshot({
      journeyId: journey.id,
      youthId: journey.youth_id,
      returning: journey.returning,
      firstContactAt: journey.first_contact_at.toISOString(),
    });
    let previous = { visitationAt: null as Date | null, groupJoinedAt: null as Date | null };
    let risk = riskStateOf(snapshot, previous, []);
    const journeyEvents = events.get(journey.id) ?? [];
    let nextEvent = 0;
    let nextActivity = 0;
    let nextConversation = 0;
    let nextAttendance = 0;
    let nextProgression = 0;
    let lastActivityAt: number | null = null;
    let lastProgressionAt: number | null = null;
    let missedInRow = 0;
    const firstContactMs = journey.first_contact_at.getTime();
    let conversations = 0;
    let firing = new Set<string>();
    const firstDay = Math.max(fromDay, danishDayNumber(journey.first_contact_at));

    for (let day = firstDay; day <= toDay; day++) {
      const endOfDay = endOfDayMs.get(day) ?? 0;
      const steps = [];
      while (nextEvent < journeyEvents.length && (journeyEvents[nextEvent]?.day ?? Infinity) <= day) {
        const e = journeyEvents[nextEvent++] as NonNullable<(typeof journeyEvents)[number]>;
        const result = applyEvent(snapshot, e.payload as unknown as JourneyEvent);
        if (result.accepted) {
          snapshot = result.snapshot;
          steps.push({ command: { type: e.type } as never, occurredAt: e.at });
        }
      }
      if (steps.length) {
        risk = riskStateOf(snapshot, previous, steps);
        previous = { visitationAt: risk.visitationAt, groupJoinedAt: risk.groupJoinedAt };
      }
      while (nextActivity < h.activity.length && (h.activity[nextActivity] ?? Infinity) < endOfDay) {
        lastActivityAt = h.activity[nextActivity++] ?? lastActivityAt;
      }
      while (
        nextConversation < h.individualConversations.length &&
        (h.individualConversations[nextConversation] ?? Infinity) < endOfDay
      ) {
        const t = h.individualConversations[nextConversation++] ?? 0;
        if (t >= firstContactMs && t < firstContactMs + 182 * DAY_MS) conversations += 1;
      }
      while (nextAttendance < h.attendance.length && (h.attendance[nextAttendance]?.t ?? Infinity) < endOfDay) {
        missedInRow = h.attendance[nextAttendance++]?.absent ? missedInRow + 1 : 0;
      }
      while (nextProgression < h.progression.length && (h.progression[nextProgression] ?? Infinity) < endOfDay) {
        lastProgressionAt = h.progression[nextProgression++] ?? lastProgressionAt;
      }
      const stage = stageOf(snapshot);
      if (!isOpen(stage)) {
        firing = new Set();
        continue;
      }
      const row: JourneyRiskRow = {
        journeyId: journey.id,
        municipalityId: journey.municipality_id,
        youthId: journey.youth_id,
        caseworkerId: journey.caseworker_id,
        stage,
        placementState: risk.placementState,
        firstContactAt: firstContactMs,
        firstConversationAt: risk.firstConversationAt?.getTime() ?? null,
        visitationAt: risk.visitationAt?.getTime() ?? null,
        groupJoinedAt: risk.groupJoinedAt?.getTime() ?? null,
        everPlaced: risk.everPlaced,
        placedSince: risk.placedSince?.getTime() ?? null,
        placementHoursPerWeek: risk.placementHoursPerWeek,
        placementEndedAt: risk.placementEndedAt?.getTime() ?? null,
        expectedReturn: risk.expectedReturn,
        nextFollowUpDue: risk.nextFollowUpDue,
        missedMeetingsInRow: missedInRow,
        conversationsFirst6Months: conversations,
        lastProgressionAt,
        lastActivityAt,
      };
      const facts = riskFactsOf(row, day, parameters.minimumHoursPerWeek);
      const now = new Set(evaluateCompiled(compiled, withDerivedFacts(facts, parameters), parameters));
      for (const code of now) {
        if (!firing.has(code)) {
          opened.set(code, (opened.get(code) ?? 0) + 1);
          youthByCode.get(code)?.add(journey.youth_id);
        }
      }
      firing = now;
    }
  }

  return {
    from: options.from,
    to: options.to,
    days: toDay - fromDay + 1,
    journeys: journeys.length,
    parameters: effectiveRiskParameters(ruleSet, options.set ?? {}),
    ruleSetVersion: ruleSet.version,
    rules: compiled.rules.map((r) => ({
      code: r.code,
      opened: opened.get(r.code) ?? 0,
      youth: youthByCode.get(r.code)?.size ?? 0,
    })),
    millis: Math.round(performance.now() - started),
  };
}
