import { danishDate, startOfDanishDay } from '../shared/clock.ts';

/**
 * A group meets weekly on a weekday at a Danish wall-clock time. These functions turn that
 * schedule into instants, across the changes to and from summer time.
 */

const copenhagenParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Minutes Denmark is ahead of UTC at the instant (60 in winter, 120 in summer). */
function copenhagenOffsetMinutes(instant: Date): number {
  const parts = Object.fromEntries(copenhagenParts.formatToParts(instant).map((p) => [p.type, p.value]));
  const wallClockAsUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((wallClockAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant it is `time` ('HH:MM') on the Danish calendar day `day` ('YYYY-MM-DD'). A time in
 * the hour skipped when summer time begins is read with the winter offset (02:30 becomes 03:30).
 */
export function danishLocalTime(day: string, time: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wallClockAsUtc = Date.UTC(y, m - 1, d, hh, mm);
  // The offset at the wall-clock time read as UTC is right except within two hours of a change;
  // the offset at that first guess settles it.
  const offset = copenhagenOffsetMinutes(new Date(wallClockAsUtc));
  const guess = new Date(wallClockAsUtc - offset * 60_000);
  const corrected = copenhagenOffsetMinutes(guess);
  return corrected === offset ? guess : new Date(wallClockAsUtc - corrected * 60_000);
}

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
