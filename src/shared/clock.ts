import { Temporal } from 'temporal-polyfill';
import { addDays, dayOfNumber, mondayOf } from './days.ts';

/** Where "now" comes from, so tests can stand on a chosen day. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/**
 * Danish time: the Danish calendar day of an instant, and the instant of a Danish day or wall-clock
 * time. Calendar days themselves ('YYYY-MM-DD', day numbers) are days.ts's.
 *
 * Denmark keeps CET (UTC+1), and CEST (UTC+2) in summer. When the clocks change is not written
 * here: it comes from the time zone database for Europe/Copenhagen, through Temporal (the polyfill
 * until Node has it), so a change of the rules needs a newer time zone database, not new code.
 */
const ZONE = 'Europe/Copenhagen';

const DAY_MS = 86_400_000;

/** The calendar day ('YYYY-MM-DD') it is in Denmark at the given instant. */
export function danishDate(instant: Date): string {
  return dayOfNumber(danishDayNumberOf(instant.getTime()));
}

/**
 * The Danish calendar day of an instant (epoch ms) as a day number (days since 1970-01-01).
 *
 * The sweep asks this for several instants of every open journey, so it must be cheap: Temporal
 * takes some 10 µs to answer, this some 50 ns (npm run bench:time). It keeps the offsets of the
 * year asked about as Temporal gives them, and answers with arithmetic; a property test holds it
 * to Temporal's answer over 2000-2060, across both changes of the clocks.
 */
export function danishDayNumberOf(t: number): number {
  return Math.floor((t + danishOffsetMs(t)) / DAY_MS);
}

export function danishDayNumber(instant: Date): number {
  return danishDayNumberOf(instant.getTime());
}

/**
 * Danish calendar days from one instant to another, as the risk rules count them: yesterday
 * afternoon is 1 day ago this morning, not "today".
 */
export function danishDaysBetween(from: Date, to: Date): number {
  return danishDayNumber(to) - danishDayNumber(from);
}

/**
 * The instant a Danish calendar day ('YYYY-MM-DD') begins: local midnight, CET or CEST. A day
 * that does not exist (2026-02-30) is a RangeError: check input with isCalendarDay.
 */
export function startOfDanishDay(day: string): Date {
  return new Date(Temporal.PlainDate.from(day).toZonedDateTime(ZONE).epochMilliseconds);
}

/**
 * The instant it is `time` ('HH:MM') on the Danish calendar day `day` ('YYYY-MM-DD').
 *
 * Twice a year a wall-clock time is not one instant. In the hour skipped when summer time
 * begins (02:00-03:00 on the last Sunday of March) the answer is 03:00, the first instant after
 * the gap, as cron runs a job of that hour; in the hour repeated when it ends (02:00-03:00 on the
 * last Sunday of October) it is the first occurrence, still in summer time.
 */
export function danishLocalTime(day: string, time: string): Date {
  const wallClock = Temporal.PlainDateTime.from(`${day}T${time}`);
  // 'earlier' takes the first of a time that occurs twice; of a skipped time, it takes the
  // instant as far before the gap as the time lies inside it.
  const zoned = wallClock.toZonedDateTime(ZONE, { disambiguation: 'earlier' });
  if (Temporal.PlainDateTime.compare(zoned.toPlainDateTime(), wallClock) === 0) {
    return new Date(zoned.epochMilliseconds);
  }
  // The time was skipped: the answer is the end of the gap, the change of the clocks that follows.
  const change = zoned.getTimeZoneTransition('next');
  if (!change) throw new Error(`No change of the clocks after ${zoned.toString()}`);
  return new Date(change.epochMilliseconds);
}

/** The Danish week (Monday 00:00 to the next Monday 00:00) the instant falls in. */
export function danishWeekOf(instant: Date): { from: Date; to: Date } {
  const monday = mondayOf(danishDate(instant));
  return { from: startOfDanishDay(monday), to: startOfDanishDay(addDays(monday, 7)) };
}

/** The offsets from UTC in force in Denmark during one UTC year, in ms, as Temporal gives them. */
interface YearOfOffsets {
  start: number;
  end: number;
  /** The offset at the start of the year. */
  offset: number;
  /** Each change of the clocks in the year, in order: the instant, and the offset from then on. */
  changes: Array<{ at: number; offset: number }>;
}

const yearsOfOffsets = new Map<number, YearOfOffsets>();
/** The year asked about last: the sweep asks about one year for most of its instants. */
let lastYear: YearOfOffsets | undefined;

function offsetsOfYear(year: number): YearOfOffsets {
  let cached = yearsOfOffsets.get(year);
  if (!cached) {
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    let zoned = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(ZONE);
    cached = { start, end, offset: zoned.offsetNanoseconds / 1e6, changes: [] };
    for (;;) {
      const change = zoned.getTimeZoneTransition('next');
      if (!change || change.epochMilliseconds >= end) break;
      cached.changes.push({ at: change.epochMilliseconds, offset: change.offsetNanoseconds / 1e6 });
      zoned = change;
    }
    yearsOfOffsets.set(year, cached);
  }
  return cached;
}

/** How far Danish time is ahead of UTC at an instant (epoch ms). */
function danishOffsetMs(t: number): number {
  if (!lastYear || t < lastYear.start || t >= lastYear.end) lastYear = offsetsOfYear(new Date(t).getUTCFullYear());
  let offset = lastYear.offset;
  for (const change of lastYear.changes) {
    if (t < change.at) break;
    offset = change.offset;
  }
  return offset;
}
