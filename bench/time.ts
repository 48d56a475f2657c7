/**
 * How long the Danish day and time functions take per call, on the inputs they get in use: the
 * sweep turns every journey's instants (mostly of the last months, some years old) into Danish
 * day numbers, and pages and services turn instants into days and days into instants.
 *
 *   npm run bench:time               100,000 calls per function
 *   npm run bench:time -- 20000      another number
 *
 * Each function runs five rounds over the same inputs; the fastest round is printed, in ns per
 * call, since on a machine busy with other work the slower rounds measure the other work.
 */
import { danishDate, danishDayNumberOf, danishLocalTime, startOfDanishDay } from '../src/shared/clock.ts';
import { addDays, addMonths, daysBetween, mondayOf } from '../src/shared/days.ts';

const count = Number(process.argv[2] ?? 100_000);
if (!Number.isInteger(count) || count < 1)
  throw new Error(`Usage: tsx bench/time.ts [number of calls], got ${process.argv[2]}`);

/** mulberry32: the same inputs on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const next = random(20261122);
const DAY_MS = 86_400_000;
const today = Date.UTC(2026, 10, 22, 4);
/** As the sweep sees them: most within the last 45 days, the rest up to three years back. */
const instants = Array.from({ length: count }, () =>
  Math.round(today - (next() < 0.8 ? next() * 45 : next() * 3 * 365) * DAY_MS),
);
const dates = instants.map((t) => new Date(t));
const days = instants.map((t) => new Date(t).toISOString().slice(0, 10));
const times = instants.map(() => `${String(Math.floor(next() * 24)).padStart(2, '0')}:${next() < 0.5 ? '00' : '30'}`);

function measure(name: string, call: (i: number) => unknown): void {
  let sink: unknown;
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < count; i++) sink = call(i);
    best = Math.min(best, Number(process.hrtime.bigint() - started) / count);
  }
  if (sink === undefined) throw new Error(`${name} returned nothing`);
  console.log(`${name.padEnd(42)} ${best.toFixed(0).padStart(6)} ns per call`);
}

console.log(`Danish time functions, ${count} calls each, Node ${process.version}`);
measure('danishDayNumberOf(ms)', (i) => danishDayNumberOf(instants[i] as number));
measure('danishDate(instant)', (i) => danishDate(dates[i] as Date));
measure('startOfDanishDay(day)', (i) => startOfDanishDay(days[i] as string));
measure('danishLocalTime(day, time)', (i) => danishLocalTime(days[i] as string, times[i] as string));
measure('addDays(day, 7)', (i) => addDays(days[i] as string, 7));
measure('addMonths(day, 6)', (i) => addMonths(days[i] as string, 6));
measure('mondayOf(day)', (i) => mondayOf(days[i] as string));
measure('daysBetween(day, day)', (i) => daysBetween(days[i] as string, days[(i + 1) % count] as string));
