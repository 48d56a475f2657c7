import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import {
  danishDate,
  danishDayNumberOf,
  danishDaysBetween,
  danishLocalTime,
  danishWeekOf,
  startOfDanishDay,
} from '../../src/shared/clock.ts';
import { dayNumberOf } from '../../src/shared/days.ts';

const danishDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Danish calendar day of an instant, as Temporal reads it. */
function temporalDayOf(t: number): string {
  return Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO('Europe/Copenhagen').toPlainDate().toString();
}

/** The instant (ms) the clocks change in a year, as EU law has them: 01:00 UTC on the last Sunday of March or October. */
function changeOfClocks(year: number, month: 2 | 9): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/** Any minute from 2000 to 2060, or, as often, one within three hours of a change of the clocks. */
const minutes = fc.oneof(
  fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2060, 0, 1) / 60_000 }),
  fc
    .record({
      year: fc.integer({ min: 2000, max: 2059 }),
      month: fc.constantFrom(2 as const, 9 as const),
      minutesFromChange: fc.integer({ min: -180, max: 180 }),
    })
    .map(({ year, month, minutesFromChange }) => changeOfClocks(year, month) / 60_000 + minutesFromChange),
);

describe('Danish calendar days', () => {
  it('computes the same day as Intl for any instant from 2000 to 2060, across summer time', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }), (t) => {
        expect(danishDayNumberOf(t)).toBe(dayNumberOf(danishDay.format(new Date(t))));
      }),
      { numRuns: 20_000 },
    );
  });

  it('computes the same day as Temporal for any minute from 2000 to 2060, and the minutes either side of a change of the clocks', () => {
    fc.assert(
      fc.property(minutes, fc.integer({ min: 0, max: 59_999 }), (minute, ms) => {
        const t = minute * 60_000 + ms;
        expect(danishDayNumberOf(t)).toBe(dayNumberOf(temporalDayOf(t)));
        expect(danishDate(new Date(t))).toBe(temporalDayOf(t));
      }),
      { numRuns: 20_000 },
    );
  });

  it('moves to the next day at local midnight on the days the clocks change, in every year from 2000 to 2060', () => {
    for (let year = 2000; year < 2060; year++) {
      for (const month of [2, 9] as const) {
        const change = changeOfClocks(year, month);
        const day = temporalDayOf(change);
        const midnight = startOfDanishDay(day).getTime();
        const next = startOfDanishDay(temporalDayOf(midnight + 36 * 3_600_000)).getTime();
        for (const t of [midnight - 1, midnight, change - 1, change, next - 1, next]) {
          expect(danishDate(new Date(t))).toBe(temporalDayOf(t));
        }
        // The day the clocks change is 23 hours long in March, 25 in October.
        expect(next - midnight).toBe((month === 2 ? 23 : 25) * 3_600_000);
      }
    }
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

const danishWallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Danish calendar day and 'HH:MM' of an instant, as Intl reads it. */
function wallClockOf(t: number): [string, string] {
  const parts = Object.fromEntries(danishWallClock.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
  return [`${parts.year}-${parts.month}-${parts.day}`, `${parts.hour}:${parts.minute}`];
}

describe('Danish wall-clock times', () => {
  it('turns the Danish wall clock of any minute from 2000 to 2060 back into that instant, the first one when it occurs twice', () => {
    fc.assert(
      fc.property(minutes, (minute) => {
        const t = minute * 60_000;
        const [day, time] = wallClockOf(t);
        // In the hour repeated in October, the same wall clock was read an hour earlier too.
        const [dayBefore, timeBefore] = wallClockOf(t - 3_600_000);
        const expected = dayBefore === day && timeBefore === time ? t - 3_600_000 : t;
        expect(danishLocalTime(day, time).getTime()).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ['2027-01-12', '05:00', '2027-01-12T04:00:00.000Z'],
    ['2027-07-12', '05:00', '2027-07-12T03:00:00.000Z'],
    // Summer time begins at 02:00 on 28 March 2027: the clocks jump to 03:00.
    ['2027-03-28', '01:59', '2027-03-28T00:59:00.000Z'],
    ['2027-03-28', '02:00', '2027-03-28T01:00:00.000Z'],
    ['2027-03-28', '02:30', '2027-03-28T01:00:00.000Z'],
    ['2027-03-28', '03:00', '2027-03-28T01:00:00.000Z'],
    ['2027-03-28', '05:00', '2027-03-28T03:00:00.000Z'],
    // Summer time ends at 03:00 on 31 October 2027: the clocks go back to 02:00.
    ['2027-10-31', '01:59', '2027-10-30T23:59:00.000Z'],
    ['2027-10-31', '02:00', '2027-10-31T00:00:00.000Z'],
    ['2027-10-31', '02:30', '2027-10-31T00:30:00.000Z'],
    ['2027-10-31', '03:00', '2027-10-31T02:00:00.000Z'],
    ['2027-10-31', '05:00', '2027-10-31T04:00:00.000Z'],
  ])('puts %s %s at %s', (day, time, instant) => {
    expect(danishLocalTime(day, time).toISOString()).toBe(instant);
  });

  it('puts every minute of the hour skipped in March at 03:00, when the clocks have changed, in every year from 2000 to 2060', () => {
    for (let year = 2000; year < 2060; year++) {
      const change = changeOfClocks(year, 2);
      const [day] = wallClockOf(change);
      for (let minute = 0; minute < 60; minute += 1) {
        const time = `02:${String(minute).padStart(2, '0')}`;
        expect(danishLocalTime(day, time).getTime()).toBe(change);
      }
      expect(wallClockOf(change)).toEqual([day, '03:00']);
      expect(danishLocalTime(day, '01:59').getTime()).toBe(change - 60_000);
    }
  });
});

describe('Danish weeks', () => {
  it('run from Monday 00:00 to the next Monday 00:00, 167 hours in the week summer time begins and 169 in the week it ends', () => {
    for (const [instant, monday, nextMonday, hours] of [
      ['2026-11-25T12:00:00Z', '2026-11-23', '2026-11-30', 168],
      ['2027-03-28T12:00:00Z', '2027-03-22', '2027-03-29', 167],
      ['2027-03-21T23:30:00Z', '2027-03-22', '2027-03-29', 167],
      ['2027-10-31T22:59:59Z', '2027-10-25', '2027-11-01', 169],
      ['2027-10-31T23:00:00Z', '2027-11-01', '2027-11-08', 168],
    ] as const) {
      const week = danishWeekOf(new Date(instant));
      expect(week.from).toEqual(startOfDanishDay(monday));
      expect(week.to).toEqual(startOfDanishDay(nextMonday));
      expect(week.to.getTime() - week.from.getTime()).toBe(hours * 3_600_000);
    }
  });
});
