import { describe, expect, it } from 'vitest';
import { firstConversationCounts, hoursBelowAgreedRun, weeksBelowAgreedOn } from '../../src/alerts/risk-facts.ts';
import { dayNumberOf } from '../../src/shared/days.ts';

const DAY = 86_400_000;
const contact = Date.parse('2026-06-01T09:00:00Z');

describe('the first conversation counts towards the four job conversations (LAB § 31 stk. 3 and 5)', () => {
  it.each([
    ['held on the day of first contact', contact + 2 * 3_600_000, true],
    ['held a week after first contact', contact + 7 * DAY, true],
    ['held on the last day of the first six months', contact + 181 * DAY, true],
    ['held after the first six months', contact + 182 * DAY, false],
    ['not held', null, false],
  ])('%s: %s', (_name, held, counts) => {
    expect(firstConversationCounts(contact, held)).toBe(counts);
  });
});

describe('weeks in a row below the hours agreed (seed 002: the youth choose their hours)', () => {
  const weeks = (...list: Array<[string, number]>) => list.map(([weekStart, hours]) => ({ weekStart, hours }));
  it.each([
    ['no hours recorded', 20, weeks(), 0, null],
    [
      '8 agreed, 8 worked each week: below 15, at the agreement',
      8,
      weeks(['2026-11-02', 8], ['2026-11-09', 8]),
      0,
      '2026-11-09',
    ],
    [
      '20 agreed, 16 worked: above 15, below the agreement',
      20,
      weeks(['2026-11-02', 16], ['2026-11-09', 16]),
      2,
      '2026-11-09',
    ],
    [
      'a week at the agreement ends the run',
      20,
      weeks(['2026-10-26', 10], ['2026-11-02', 20], ['2026-11-09', 10], ['2026-11-16', 10]),
      2,
      '2026-11-16',
    ],
    ['a week with nothing recorded ends the run', 20, weeks(['2026-10-26', 10], ['2026-11-09', 10]), 1, '2026-11-09'],
    ['more than agreed is no low week', 10, weeks(['2026-11-02', 12], ['2026-11-09', 10]), 0, '2026-11-09'],
  ])('%s', (_name, agreed, recorded, run, latestWeek) => {
    expect(hoursBelowAgreedRun(recorded, agreed)).toEqual({ run, latestWeek });
  });

  it.each([
    ['the latest week has ended', '2026-11-09', dayNumberOf('2026-11-16'), 3],
    ['the latest week is still running', '2026-11-16', dayNumberOf('2026-11-22'), 2],
    ['the latest week ended yesterday', '2026-11-16', dayNumberOf('2026-11-23'), 3],
  ])('counts a run of 3 as whole weeks when %s', (_name, latestWeek, today, weeks) => {
    expect(weeksBelowAgreedOn(3, latestWeek, today)).toBe(weeks);
  });
});
