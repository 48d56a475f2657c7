import { danishDayNumberOf } from '../shared/clock.ts';
import { dayNumberOf } from '../shared/days.ts';
import type { Stage } from '../../machines/journey.ts';
import type { RiskFacts } from '../risk/risk.facts.ts';
import type { JourneyRiskRow } from './risk-row.repository.ts';

/** LAB § 31 stk. 3 counts the job conversations of the first 6 months (182 days) after first contact. */
export const FIRST_PERIOD_MS = 182 * 86_400_000;

/**
 * The facts the risk rules see for one journey on one day (rules/README.md lists them), derived
 * from the narrow journey columns. Day counts are calendar days in Denmark; -1 means "does not
 * apply" (e.g. days past the expected return when the youth is not paused).
 */
export function riskFactsOf(row: JourneyRiskRow, asOfDay: number): RiskFacts {
  const since = (at: number | null) => (at === null ? -1 : asOfDay - danishDayNumberOf(at));
  // Before any activity is recorded, the clock runs from when the youth joined a group (or first contact).
  const baseline = row.groupJoinedAt ?? row.firstContactAt;
  const lastActivity = row.lastActivityAt !== null && row.lastActivityAt > baseline ? row.lastActivityAt : baseline;
  const placed = row.placementState === 'placed';
  return {
    stage: row.stage as Stage,
    placementState: row.placementState ?? 'none',
    daysSinceFirstContact: since(row.firstContactAt),
    firstConversationHeld: row.firstConversationAt !== null,
    daysSinceVisitation: since(row.visitationAt),
    hasGroup: row.groupJoinedAt !== null,
    hasPlacement: placed,
    everPlaced: row.everPlaced,
    individualConversationsFirst6Months:
      row.conversationsFirst6Months + (firstConversationCounts(row.firstContactAt, row.firstConversationAt) ? 1 : 0),
    missedMeetingsInRow: row.missedMeetingsInRow,
    daysSinceLastActivity: since(lastActivity),
    daysSincePlacementEnded: row.placementState === 'between' ? since(row.placementEndedAt) : -1,
    daysInGroup: since(row.groupJoinedAt),
    weeksBelowAgreedHours: placed ? weeksBelowAgreedOn(row.hoursBelowAgreedWeeks, row.hoursLatestWeek, asOfDay) : 0,
    daysPastExpectedReturn:
      row.stage === 'paused' && row.expectedReturn ? Math.max(-1, asOfDay - dayNumberOf(row.expectedReturn)) : -1,
    daysSinceProgression: since(row.lastProgressionAt ?? baseline),
    daysFollowUpOverdue:
      row.stage === 'followUp' && row.nextFollowUpDue ? Math.max(-1, asOfDay - dayNumberOf(row.nextFollowUpDue)) : -1,
  };
}

/**
 * The first conversation is the first job conversation of the contact course (LAB § 31 stk. 5,
 * "første jobsamtale"), so it counts towards the four of stk. 3 when it falls in the first six
 * months, however it was held.
 */
export function firstConversationCounts(firstContactAt: number, firstConversationAt: number | null): boolean {
  return (
    firstConversationAt !== null &&
    firstConversationAt >= firstContactAt &&
    firstConversationAt < firstContactAt + FIRST_PERIOD_MS
  );
}

/**
 * The run of weeks in which the youth worked fewer hours than agreed for the placement (NExTWORK:
 * the youth choose their hours and often start with few, so the measure is their own agreement,
 * never a fixed 15): counted back from the latest week with hours recorded, over consecutive
 * weeks, and ended by a week that met the agreement or a week with nothing recorded. Each week
 * is compared with the agreement as it stands: when the caseworker and the youth agree on fewer
 * hours, the weeks are measured against that.
 */
export function hoursBelowAgreedRun(
  weeks: ReadonlyArray<{ weekStart: string; hours: number }>,
  agreedHoursPerWeek: number,
): { run: number; latestWeek: string | null } {
  const newestFirst = [...weeks].sort((a, b) => (a.weekStart < b.weekStart ? 1 : a.weekStart > b.weekStart ? -1 : 0));
  const latest = newestFirst[0];
  if (!latest) return { run: 0, latestWeek: null };
  let run = 0;
  let expected = dayNumberOf(latest.weekStart);
  for (const week of newestFirst) {
    if (dayNumberOf(week.weekStart) !== expected || week.hours >= agreedHoursPerWeek) break;
    run += 1;
    expected -= 7;
  }
  return { run, latestWeek: latest.weekStart };
}

/**
 * The whole weeks of the run on a day: a week still running is not yet a week below the agreement,
 * however few hours it has so far (the youth may report hours as the week goes).
 */
export function weeksBelowAgreedOn(run: number, latestWeek: string | null, asOfDay: number): number {
  if (latestWeek === null || run === 0) return 0;
  return asOfDay >= dayNumberOf(latestWeek) + 7 ? run : run - 1;
}
