import { danishDate, danishLocalTime } from '../shared/clock.ts';
import { addDays, isoWeekday } from '../shared/days.ts';

/**
 * A group meets weekly on a weekday at a Danish wall-clock time. This turns that schedule into
 * instants, across the changes to and from summer time.
 */

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
