/** Where "now" comes from, so tests can stand on a chosen day. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const copenhagenDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day ('YYYY-MM-DD') it is in Denmark at the given instant. */
export function danishDate(instant: Date): string {
  return copenhagenDate.format(instant);
}

/** The instant a Danish calendar day ('YYYY-MM-DD') begins: local midnight, CET or CEST. */
export function startOfDanishDay(day: string): Date {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  const dayNumber = Math.floor(utcMidnight / DAY_MS);
  // Midnight is 22:00 or 23:00 UTC the evening before; the right one is the first instant of the day.
  for (const offsetHours of [2, 1]) {
    const candidate = utcMidnight - offsetHours * 3_600_000;
    if (danishDayNumberOf(candidate) === dayNumber && danishDayNumberOf(candidate - 1) === dayNumber - 1) {
      return new Date(candidate);
    }
  }
  throw new Error(`No start found for ${day}`);
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
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wallClockAsUtc = Date.UTC(y, m - 1, d, hh, mm);
  // Summer time (UTC+2) first, so an ambiguous time takes its earlier instant.
  for (const offset of [SUMMER_OFFSET_MS, WINTER_OFFSET_MS]) {
    const candidate = wallClockAsUtc - offset;
    if (danishOffsetMs(candidate) === offset) return new Date(candidate);
  }
  // Neither offset fits: the time is in the skipped hour, which ends when summer time begins.
  return new Date(summerTime(y)[0]);
}

const DAY_MS = 86_400_000;
const WINTER_OFFSET_MS = 3_600_000;
const SUMMER_OFFSET_MS = 7_200_000;

/** How far Danish time is ahead of UTC at an instant (epoch ms). */
function danishOffsetMs(t: number): number {
  const [summerStart, summerEnd] = summerTime(new Date(t).getUTCFullYear());
  return t >= summerStart && t < summerEnd ? SUMMER_OFFSET_MS : WINTER_OFFSET_MS;
}

const dstCache = new Map<number, [number, number]>();

/** Start and end (UTC ms) of EU summer time in a year: last Sunday of March/October, 01:00 UTC. */
function summerTime(year: number): [number, number] {
  let cached = dstCache.get(year);
  if (!cached) {
    const lastSunday = (month: number) => {
      const last = new Date(Date.UTC(year, month + 1, 0));
      return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
    };
    cached = [lastSunday(2), lastSunday(9)];
    dstCache.set(year, cached);
  }
  return cached;
}

let cachedYear: { start: number; end: number; summerStart: number; summerEnd: number } | undefined;

/**
 * The Danish calendar day of an instant (epoch ms) as a day number (days since 1970-01-01),
 * without Intl and without allocating: the sweep computes it for every journey and several
 * dates each, so it must be cheap.
 */
export function danishDayNumberOf(t: number): number {
  if (!cachedYear || t < cachedYear.start || t >= cachedYear.end) {
    const year = new Date(t).getUTCFullYear();
    const [summerStart, summerEnd] = summerTime(year);
    cachedYear = { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1), summerStart, summerEnd };
  }
  const offset = t >= cachedYear.summerStart && t < cachedYear.summerEnd ? SUMMER_OFFSET_MS : WINTER_OFFSET_MS;
  return Math.floor((t + offset) / DAY_MS);
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

/** The day number of a calendar day 'YYYY-MM-DD'. */
export function dayNumberOf(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}
