import { danishLocalTime, startOfDanishDay } from '../shared/clock.ts';
import { addDays, isoWeekday } from '../shared/days.ts';
import type { Random } from './random.ts';

/**
 * Days counted back from the day the demo is seeded. Everything the demo records happened on a
 * weekday before today, in working hours, so no service ever sees a time in the future.
 */
export class Calendar {
  readonly today: string;
  readonly #rng: Random;

  constructor(today: string, rng: Random) {
    this.today = today;
    this.#rng = rng;
  }

  /** The weekday `daysAgo` days before today; a Saturday or Sunday moves back to the Friday. */
  day(daysAgo: number): string {
    if (daysAgo < 1) throw new Error(`Demo history must lie before today (got ${daysAgo} days ago)`);
    const day = addDays(this.today, -daysAgo);
    const weekday = isoWeekday(day);
    return weekday > 5 ? addDays(day, 5 - weekday) : day;
  }

  /** A moment in working hours on that weekday (at the time given, or a time between 8 and 15). */
  at(daysAgo: number, time?: string): Date {
    return danishLocalTime(this.day(daysAgo), time ?? this.workingTime());
  }

  /** The same day, some minutes later. */
  later(moment: Date, minutes: number): Date {
    return new Date(moment.getTime() + minutes * 60_000);
  }

  workingTime(): string {
    const hour = this.#rng.int(8, 14);
    const minute = this.#rng.pick([0, 15, 30, 45]);
    return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  }

  startOfToday(): Date {
    return startOfDanishDay(this.today);
  }
}
