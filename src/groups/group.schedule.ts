import { danishDate, danishLocalTime, startOfDanishDay } from '../shared/clock.ts';

/**
 * A group meets weekly on a weekday at a Danish wall-clock time. These functions turn that
 * schedule into instants, across the changes to and from summer time.
 */

/** 'YYYY-MM-DD' plus a number of days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** ISO weekday of a calendar day: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/** The Danish week (Monday 00:00 to the next Monday 00:00) the instant falls in. */
export function danishWeekOf(instant: Date): { from: Date; to: Date } {
  const today = danishDate(instant);
  const monday = addDays(today, 1 - isoWeekday(today));
  return { from: startOfDanishDay(monday), to: startOfDanishDay(addDays(monday, 7)) };
}

/**
 * The next `weeks` weekly meeting times from `now` on: the first is the earliest meeting time of
 * the schedule that has not yet begun, the rest follow a week apart at the same Danish time.
 */
export function weeklySlots(schedule: { weekday: number; startTime: string }, now: Date, weeks: number): Date[] {
  const today = danishDate(now);
  let day = addDays(today, (schedule.weekday - isoWeekday(today) + 7) % 7);
  if (danishLocalTime(day, schedule.startTime) < now) day = addDays(day, 7);
  return Array.from({ length: weeks }, (_, i) => danishLocalTime(addDays(day, 7 * i), schedule.startTime));
}
