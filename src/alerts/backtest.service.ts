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
import { hoursBelowAgreedRun, riskFactsOf } from './risk-facts.ts';
import {
  listActivitiesOf,
  listAttendanceOf,
  listEventsBefore,
  listHoursOf,
  listJourneysContactedBefore,
  listMatchEventDaysOf,
  listMeasurementDaysOf,
} from './backtest.repository.ts';
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
  /** Hours worked by placement, with the hours agreed for it. */
  hours: Map<string, { agreed: number; weeks: Array<{ weekStart: string; day: number; hours: number }> }>;
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

  const journeys = await listJourneysContactedBefore(db, endOfPeriod, options.municipalityId);
  const ids = journeys.map((j) => j.id);

  const events = new Map<string, Array<{ day: number; at: Date; payload: Record<string, unknown>; type: string }>>();
  const histories = new Map<string, History>();
  for (const id of ids)
    histories.set(id, { activity: [], individualConversations: [], attendance: [], progression: [], hours: new Map() });
  const history = (id: string) => histories.get(id) as History;

  // Read in slices so a national backtest does not build one enormous IN list.
  for (let i = 0; i < ids.length; i += 2000) {
    const slice = ids.slice(i, i + 2000);
    for (const e of await listEventsBefore(db, slice, endOfPeriod)) {
      const list = events.get(e.journeyId) ?? [];
      list.push({ day: danishDayNumber(e.occurredAt), at: e.occurredAt, payload: e.payload, type: e.type });
      events.set(e.journeyId, list);
    }
    for (const a of await listActivitiesOf(db, slice)) {
      const h = history(a.journeyId);
      h.activity.push(a.occurredAt.getTime());
      // As the live counter: individual job conversations (LAB § 31 stk. 3).
      if (a.kind === 'conversation' && a.conversationKind === 'individual' && a.jobConversation) {
        h.individualConversations.push(a.occurredAt.getTime());
      }
    }
    for (const a of await listAttendanceOf(db, slice)) {
      const h = history(a.journeyId);
      const t = a.startsAt.getTime();
      h.attendance.push({ t, absent: a.status === 'absent' });
      if (a.status === 'attended') h.activity.push(t);
    }
    // Hours count as activity at the end of their week, as logging them does: the instant before the
    // next Monday begins, which is not 7 x 24 hours later in a week the clocks change.
    for (const row of await listHoursOf(db, slice)) {
      const h = history(row.journeyId);
      if (row.hours > 0) h.activity.push(startOf(addDays(row.weekStart, 7)) - 1);
      const placement = h.hours.get(row.placementId) ?? { agreed: row.agreedHoursPerWeek, weeks: [] };
      placement.weeks.push({ weekStart: row.weekStart, day: dayNumberOf(row.weekStart), hours: row.hours });
      h.hours.set(row.placementId, placement);
    }
    for (const m of await listMatchEventDaysOf(db, slice)) history(m.journeyId).activity.push(startOf(m.heldOn));
    for (const p of await listMeasurementDaysOf(db, slice)) {
      history(p.journeyId).progression.push(startOf(p.measuredOn));
    }
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
    const parameters = parametersFor(journey.municipalityId);
    let snapshot: JourneySnapshot = initialSnapshot({
      journeyId: journey.id,
      youthId: journey.youthId,
      returning: journey.returning,
      firstContactAt: journey.firstContactAt.toISOString(),
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
    const firstContactMs = journey.firstContactAt.getTime();
    let conversations = 0;
    let firing = new Set<string>();
    // The run of weeks below the agreement, counted again only when the weeks that have begun change.
    let hoursRun = { key: '', run: 0, latestWeek: null as string | null };
    const firstDay = Math.max(fromDay, danishDayNumber(journey.firstContactAt));

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
      const placementId = snapshot.context.currentPlacement?.placementId ?? null;
      const placementHours = placementId ? h.hours.get(placementId) : undefined;
      // Weeks count once they have begun: the hours of a week are recorded during it or after it.
      const begun = placementHours ? placementHours.weeks.filter((w) => w.day <= day) : [];
      const runKey = `${placementId ?? ''}:${begun.length}`;
      if (runKey !== hoursRun.key) {
        hoursRun = { key: runKey, ...hoursBelowAgreedRun(begun, placementHours?.agreed ?? 0) };
      }
      const row: JourneyRiskRow = {
        journeyId: journey.id,
        municipalityId: journey.municipalityId,
        youthId: journey.youthId,
        caseworkerId: journey.caseworkerId,
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
        hoursBelowAgreedWeeks: hoursRun.run,
        hoursLatestWeek: hoursRun.latestWeek,
        lastProgressionAt,
        lastActivityAt,
      };
      const facts = riskFactsOf(row, day);
      const now = new Set(evaluateCompiled(compiled, withDerivedFacts(facts, parameters), parameters));
      for (const code of now) {
        if (!firing.has(code)) {
          opened.set(code, (opened.get(code) ?? 0) + 1);
          youthByCode.get(code)?.add(journey.youthId);
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
