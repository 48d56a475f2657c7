import { danishDayNumberOf } from '../shared/clock.ts';
import { dayNumberOf } from '../shared/days.ts';
import type { RiskFacts } from '../risk/risk.facts.ts';
import { riskFactsOf } from './risk-facts.ts';
import type { JourneyRiskRow } from './risk-row.repository.ts';

/**
 * Without a new event or activity, a journey's facts only move with the calendar: every day count
 * grows by one a day. So the rules' verdict can only change on a day when some day count reaches
 * some threshold. This finds that day, so the nightly sweep reads only the journeys whose verdict
 * may change tonight instead of every open journey in the country.
 *
 * The candidate days are every dated fact's base day plus every numeric parameter (and one day
 * more, for "more than" rules), the day the latest week of recorded hours ends, and the days the pro-rata
 * conversation count steps up. The verdict is evaluated on each candidate in order; the first
 * that differs is the day to check again. However sure the analysis, a journey is looked at again
 * after MAX_DAYS_BETWEEN_CHECKS. A property test compares this with evaluating every day.
 */
export const MAX_DAYS_BETWEEN_CHECKS = 30;

export function nextRiskCheckDay(
  row: JourneyRiskRow,
  asOfDay: number,
  parameters: Readonly<Record<string, unknown>>,
  fired: (facts: RiskFacts) => readonly string[],
  /** The codes firing on asOfDay, when the caller has them already. */
  firedToday: readonly string[] = fired(riskFactsOf(row, asOfDay)),
): number {
  const horizon = asOfDay + MAX_DAYS_BETWEEN_CHECKS;
  for (const day of candidateDays(row, asOfDay, horizon, parameters)) {
    if (!sameCodes(fired(riskFactsOf(row, day)), firedToday)) return day;
  }
  return horizon;
}

/** Whether two lists of codes (each without repeats) name the same codes, in any order. */
function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((code) => b.includes(code));
}

function candidateDays(
  row: JourneyRiskRow,
  asOfDay: number,
  horizon: number,
  parameters: Readonly<Record<string, unknown>>,
): number[] {
  const at = (ms: number | null) => (ms === null ? null : danishDayNumberOf(ms));
  const baseline = row.groupJoinedAt ?? row.firstContactAt;
  const lastActivity = row.lastActivityAt !== null && row.lastActivityAt > baseline ? row.lastActivityAt : baseline;
  const bases = [
    at(row.firstContactAt),
    at(row.visitationAt),
    at(row.groupJoinedAt),
    at(lastActivity),
    at(row.placementEndedAt),
    at(row.placedSince),
    at(row.lastProgressionAt ?? baseline),
    row.expectedReturn ? dayNumberOf(row.expectedReturn) : null,
    row.nextFollowUpDue ? dayNumberOf(row.nextFollowUpDue) : null,
  ].filter((d): d is number => d !== null);
  const numbers = Object.values(parameters).filter((v): v is number => typeof v === 'number');
  const days = new Set<number>();
  const add = (day: number) => {
    if (day > asOfDay && day <= horizon) days.add(day);
  };
  for (const base of bases) {
    for (const n of numbers) {
      add(base + n);
      add(base + n + 1);
    }
  }
  // The latest week of recorded hours counts towards the run of low weeks once it has ended.
  if (row.hoursLatestWeek !== null) add(dayNumberOf(row.hoursLatestWeek) + 7);
  // The pro-rata count of conversations due (LAB § 31 stk. 3) steps up on these days.
  const required = Number(parameters.conversationsRequired);
  const period = Number(parameters.conversationsPeriodDays);
  const firstContact = at(row.firstContactAt);
  if (firstContact !== null && required > 0 && period > 0) {
    for (let j = 1; j <= required; j++) add(firstContact + Math.ceil((period * j) / required));
  }
  return [...days].sort((a, b) => a - b);
}
