import { Temporal } from 'temporal-polyfill';
import type { Lang } from './i18n.ts';
import { dateTimeFormat } from './formats.ts';

/**
 * Calendar days, written 'YYYY-MM-DD'. A calendar day has no time zone: which Danish day an
 * instant falls on, and when a Danish day begins, is clock.ts's business.
 *
 * A day is also a day number, the days since 1970-01-01, and moving by days is arithmetic on that
 * number: the sweep counts days for every open journey, and a number is the cheapest thing to
 * count with. What follows the calendar's own rules, the length of a month and the ISO week, is
 * left to Temporal.PlainDate.
 */

const DAY_MS = 86_400_000;

/** The day number of a calendar day: days since 1970-01-01. */
export function dayNumberOf(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

/** The calendar day of a day number. */
export function dayOfNumber(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a text is a calendar day 'YYYY-MM-DD' that exists (no 2026-02-30). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const dayNumber = dayNumberOf(value);
  return Number.isFinite(dayNumber) && dayOfNumber(dayNumber) === value;
}

export function addDays(day: string, days: number): string {
  return dayOfNumber(dayNumberOf(day) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: string): number {
  // Day 0, 1 January 1970, was a Thursday.
  return ((((dayNumberOf(day) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the week the day falls in. */
export function mondayOf(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** The ISO week number of the day (week 1 holds the year's first Thursday). */
export function isoWeek(day: string): number {
  return Temporal.PlainDate.from(day).weekOfYear as number;
}

/**
 * The same day `months` later; when that month is shorter, its last day (31 August + 6 months is
 * the last day of February), as people count "six months after".
 */
export function addMonths(day: string, months: number): string {
  // Temporal constrains a day past the end of the month to its last day unless told otherwise.
  return Temporal.PlainDate.from(day).add({ months }).toString();
}

/** A calendar day written out in the language: "1. januar 2027", "1 January 2027". */
export function longDayText(day: string, lang: Lang): string {
  return dateTimeFormat(lang, { timeZone: 'UTC', dateStyle: 'long' }).format(new Date(`${day}T12:00:00Z`));
}
