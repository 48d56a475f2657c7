import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayNumberOf,
  dayOfNumber,
  daysBetween,
  isCalendarDay,
  isoWeek,
  isoWeekday,
  mondayOf,
} from '../../src/shared/days.ts';

/** Any calendar day from 2000 to 2060. */
const days = fc
  .integer({ min: dayNumberOf('2000-01-01'), max: dayNumberOf('2060-12-31') })
  .map((n) => Temporal.PlainDate.from('1970-01-01').add({ days: n }).toString());

describe('calendar days', () => {
  it('numbers the days from 1 January 1970, and back', () => {
    expect(dayNumberOf('1970-01-01')).toBe(0);
    expect(dayNumberOf('2026-11-22')).toBe(20_779);
    expect(dayOfNumber(20_779)).toBe('2026-11-22');
    fc.assert(
      fc.property(days, (day) => {
        expect(dayOfNumber(dayNumberOf(day))).toBe(day);
        expect(dayNumberOf(day)).toBe(Temporal.PlainDate.from('1970-01-01').until(day).days);
      }),
      { numRuns: 2_000 },
    );
  });

  it('adds and counts days as Temporal does, over month and year ends and leap days', () => {
    fc.assert(
      fc.property(days, fc.integer({ min: -1_000, max: 1_000 }), (day, n) => {
        const later = Temporal.PlainDate.from(day).add({ days: n }).toString();
        expect(addDays(day, n)).toBe(later);
        expect(daysBetween(day, later)).toBe(n);
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds the ISO weekday, the Monday and the ISO week of a day as Temporal does', () => {
    fc.assert(
      fc.property(days, (day) => {
        const date = Temporal.PlainDate.from(day);
        expect(isoWeekday(day)).toBe(date.dayOfWeek);
        expect(mondayOf(day)).toBe(date.subtract({ days: date.dayOfWeek - 1 }).toString());
        expect(isoWeek(day)).toBe(date.weekOfYear);
      }),
      { numRuns: 2_000 },
    );
  });

  it.each([
    ['2026-11-22', 7, 47],
    ['2026-11-23', 1, 48],
    ['1969-12-28', 7, 52],
    ['2026-12-31', 4, 53],
    ['2027-01-03', 7, 53],
    ['2027-01-04', 1, 1],
    ['2024-12-30', 1, 1],
  ])('puts %s on ISO weekday %i of week %i', (day, weekday, week) => {
    expect(isoWeekday(day)).toBe(weekday);
    expect(isoWeek(day)).toBe(week);
  });

  it('adds months to the same day, or to the last day of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonths('2026-05-31', -3)).toBe('2026-02-28');
    expect(addMonths('2026-11-22', 12)).toBe('2027-11-22');
    fc.assert(
      fc.property(days, fc.integer({ min: -24, max: 24 }), (day, months) => {
        const [y, m, d] = day.split('-').map(Number) as [number, number, number];
        const firstOfMonth = new Date(Date.UTC(y, m - 1 + months, 1));
        const lastDay = new Date(Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth() + 1, 0));
        const expected = new Date(
          Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth(), Math.min(d, lastDay.getUTCDate())),
        );
        expect(addMonths(day, months)).toBe(expected.toISOString().slice(0, 10));
      }),
      { numRuns: 2_000 },
    );
  });

  it('knows a calendar day that exists from one that does not', () => {
    for (const day of ['2026-11-22', '2028-02-29', '2026-12-31', '2000-02-29']) expect(isCalendarDay(day)).toBe(true);
    for (const text of ['2026-02-29', '2026-02-31', '2026-04-31', '2026-13-01', '2026-00-10', '2026-11-32', '2026-1-5'])
      expect(isCalendarDay(text)).toBe(false);
    for (const text of ['', '2026-11-22T10:00:00Z', '22-11-2026', 'not a day']) expect(isCalendarDay(text)).toBe(false);
  });
});
