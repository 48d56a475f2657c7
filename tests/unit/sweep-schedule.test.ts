import { describe, expect, it } from 'vitest';
import { isSweepDue, lastScheduledTime } from '../../src/alerts/scheduler.ts';

const MINUTE = 60_000;
const at = (instant: string) => new Date(instant);
const before = (instant: string) => new Date(Date.parse(instant) - MINUTE);
const after = (instant: string | Date) => new Date(new Date(instant).getTime() + MINUTE);

// Summer time begins at 02:00 on Sunday 28 March 2027 (a 23-hour day) and ends at 03:00 on
// Sunday 31 October 2027 (a 25-hour day); 12 January and 12 July are ordinary days.
describe.each([
  // day, SWEEP_AT, the sweep's instant that day, the day before's, the Danish wall clock it reads
  ['2027-01-12', '05:00', '2027-01-12T04:00:00Z', '2027-01-11T04:00:00Z', '05:00'],
  ['2027-01-12', '02:00', '2027-01-12T01:00:00Z', '2027-01-11T01:00:00Z', '02:00'],
  ['2027-01-12', '02:30', '2027-01-12T01:30:00Z', '2027-01-11T01:30:00Z', '02:30'],
  ['2027-07-12', '05:00', '2027-07-12T03:00:00Z', '2027-07-11T03:00:00Z', '05:00'],
  ['2027-03-28', '05:00', '2027-03-28T03:00:00Z', '2027-03-27T04:00:00Z', '05:00'],
  // 02:00 and 02:30 do not exist that night: the sweep runs when the clocks reach 03:00.
  ['2027-03-28', '02:00', '2027-03-28T01:00:00Z', '2027-03-27T01:00:00Z', '03:00'],
  ['2027-03-28', '02:30', '2027-03-28T01:00:00Z', '2027-03-27T01:30:00Z', '03:00'],
  ['2027-10-31', '05:00', '2027-10-31T04:00:00Z', '2027-10-30T03:00:00Z', '05:00'],
  // 02:00 and 02:30 come twice that night: the sweep runs at the first, in summer time.
  ['2027-10-31', '02:00', '2027-10-31T00:00:00Z', '2027-10-30T00:00:00Z', '02:00'],
  ['2027-10-31', '02:30', '2027-10-31T00:30:00Z', '2027-10-30T00:30:00Z', '02:30'],
])('the sweep on %s with SWEEP_AT=%s', (day, sweepAt, scheduled, dayBefore, wallClock) => {
  it(`is scheduled at ${scheduled}, ${wallClock} in Denmark`, () => {
    const instant = lastScheduledTime(at(scheduled), sweepAt);
    expect(instant.toISOString()).toBe(at(scheduled).toISOString());
    const danish = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Copenhagen',
      dateStyle: 'short',
      timeStyle: 'short',
      hourCycle: 'h23',
    }).format(instant);
    expect(danish).toBe(`${day}, ${wallClock}`);
  });

  it('is the day before until that instant, and that day from then to the next', () => {
    expect(lastScheduledTime(before(scheduled), sweepAt).toISOString()).toBe(at(dayBefore).toISOString());
    expect(lastScheduledTime(after(scheduled), sweepAt).toISOString()).toBe(at(scheduled).toISOString());
    expect(lastScheduledTime(new Date(Date.parse(scheduled) + 22 * 60 * MINUTE), sweepAt).toISOString()).toBe(
      at(scheduled).toISOString(),
    );
  });

  it('falls due at that instant when the last sweep ran the night before, and not a minute earlier', () => {
    const lastNight = after(dayBefore);
    expect(isSweepDue(lastNight, before(scheduled), sweepAt, 'schedule')).toBe(false);
    expect(isSweepDue(lastNight, at(scheduled), sweepAt, 'schedule')).toBe(true);
    expect(isSweepDue(after(scheduled), after(after(scheduled)), sweepAt, 'schedule')).toBe(false);
  });
});

describe('the sweep on the night summer time ends', () => {
  it('runs once at 02:30, not again when the clocks pass 02:30 a second time', () => {
    const first = at('2027-10-31T00:30:00Z');
    const second = at('2027-10-31T01:30:00Z');
    expect(isSweepDue(after(first), second, '02:30', 'schedule')).toBe(false);
    expect(isSweepDue(after(first), after(second), '02:30', 'schedule')).toBe(false);
  });
});

describe('a sweep at start', () => {
  it('is due when there has been none, or the last is more than a day old', () => {
    const now = at('2027-03-28T09:00:00Z');
    expect(isSweepDue(null, now, '05:00', 'startup')).toBe(true);
    expect(isSweepDue(null, now, '05:00', 'schedule')).toBe(true);
    expect(isSweepDue(at('2027-03-27T08:59:00Z'), now, '05:00', 'startup')).toBe(true);
    expect(isSweepDue(at('2027-03-27T09:01:00Z'), now, '05:00', 'startup')).toBe(false);
  });
});
