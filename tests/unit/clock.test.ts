import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  danishDate,
  danishDayNumberOf,
  danishDaysBetween,
  dayNumberOf,
  startOfDanishDay,
} from '../../src/shared/clock.ts';

describe('Danish calendar days', () => {
  it('computes the same day as Intl for any instant from 2000 to 2060, across summer time', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }), (t) => {
        expect(danishDayNumberOf(t)).toBe(dayNumberOf(danishDate(new Date(t))));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['2026-03-29T00:59:59Z', '2026-03-29'],
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    ['2026-03-28T23:00:00Z', '2026-03-29'],
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    ['2026-10-24T22:00:00Z', '2026-10-25'],
    ['2026-10-25T22:59:59Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
  ])('puts %s on %s in Denmark', (instant, day) => {
    expect(danishDayNumberOf(Date.parse(instant))).toBe(dayNumberOf(day));
  });

  it('counts days since an activity in Danish calendar days, not in periods of 24 hours', () => {
    // Yesterday at 15:00 is one day ago at 09:00 this morning; 23:30 on Sunday is one day before
    // 00:30 on Monday, though only an hour passed.
    expect(danishDaysBetween(new Date('2026-11-23T14:00:00Z'), new Date('2026-11-24T08:00:00Z'))).toBe(1);
    expect(danishDaysBetween(new Date('2026-11-22T22:30:00Z'), new Date('2026-11-22T23:30:00Z'))).toBe(1);
    expect(danishDaysBetween(new Date('2026-11-24T06:00:00Z'), new Date('2026-11-24T20:00:00Z'))).toBe(0);
  });

  it('starts a Danish day at local midnight in winter and in summer', () => {
    expect(startOfDanishDay('2026-01-15').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDanishDay('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
  });

  it('starts the days the clocks change at local midnight too', () => {
    // Summer time starts at 02:00 on 29 March 2026: that day's midnight is still CET.
    expect(startOfDanishDay('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(startOfDanishDay('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    // Summer time ends at 03:00 on 25 October 2026: that day's midnight is still CEST.
    expect(startOfDanishDay('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDanishDay('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });

  it('starts every day of 2000-2060 at an instant that is that day, one millisecond after the day before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_957, max: 32_870 }), (dayNumber) => {
        const day = new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
        const start = startOfDanishDay(day).getTime();
        expect(danishDate(new Date(start))).toBe(day);
        expect(danishDate(new Date(start - 1))).not.toBe(day);
      }),
      { numRuns: 3_000 },
    );
  });
});
