import os from 'node:os';
import { parseArgs } from 'node:util';
import { runBacktest } from '../src/alerts/backtest.service.ts';
import { runSweep } from '../src/alerts/sweep.service.ts';
import { type Db, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { loadRuleSets } from '../src/rules/rule-set.loader.ts';
import { danishDate } from '../src/shared/clock.ts';
import { generatePopulation, withServerDatabase } from './population.ts';

// npm run bench:sweep [-- --journeys 100000 --municipalities 98 --pglite-journeys 10000 --backtest-journeys 10000]
// Runs on the PostgreSQL server of BENCH_DATABASE_URL (default: the local test server), in a
// database it creates and drops, and on an in-memory PGlite at a smaller size.
const { values } = parseArgs({
  options: {
    journeys: { type: 'string', default: '100000' },
    municipalities: { type: 'string', default: '98' },
    'pglite-journeys': { type: 'string', default: '10000' },
    'backtest-journeys': { type: 'string', default: '10000' },
    activities: { type: 'string', default: '20' },
  },
});
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ruleSets = await loadRuleSets();

function peakMemory() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return () => {
    clearInterval(timer);
    return Math.round(Math.max(peak, process.memoryUsage().rss) / 1_048_576);
  };
}

async function sweepTwice(label: string, db: Db) {
  // The first sweep has no earlier run to compare rule versions with: it reads every open journey,
  // as the first sweep after a rule change does, and opens the population's backlog of alerts.
  for (const round of [
    'first sweep after a rule change (every open journey, opens the backlog)',
    'nightly sweep (a night later, the journeys due)',
  ] as const) {
    const stop = peakMemory();
    const now = round.startsWith('first') ? new Date() : new Date(Date.now() + 86_400_000);
    const result = await runSweep({ db, ruleSets, clock: () => now }, 'manual');
    const peak = stop();
    if (result.status !== 'completed') throw new Error('sweep skipped');
    const { load, evaluate, write, total } = result.timings;
    console.log(
      `${label} ${round}: ${result.journeys} journeys in ${total} ms = ${Math.round((result.journeys / total) * 1000)} journeys/s` +
        ` | load ${load} ms, rules ${evaluate} ms, writes ${write} ms | opened ${result.opened}, resolved ${result.resolved}, escalated ${result.escalated} | peak RSS ${peak} MiB` +
        ` | load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
  }
}

const journeys = Number(values.journeys);
const municipalities = Number(values.municipalities);
const activities = Number(values.activities);
console.log(`Risk sweep benchmark, ${new Date().toISOString()}, Node ${process.version}`);

await withServerDatabase(serverUrl, async (db) => {
  const started = performance.now();
  await generatePopulation(db, { journeys, municipalities, activitiesPerJourney: activities });
  console.log(
    `PostgreSQL: generated ${journeys} journeys in ${municipalities} municipalities with ${journeys * activities} activities in ${Math.round(performance.now() - started)} ms`,
  );
  await sweepTwice('PostgreSQL', db);
});

{
  const db = await openDatabase({ engine: 'pglite', dataDir: undefined });
  await migrateToLatest(db);
  const size = Number(values['pglite-journeys']);
  await generatePopulation(db, {
    journeys: size,
    municipalities: Math.min(municipalities, 10),
    activitiesPerJourney: activities,
  });
  await sweepTwice('PGlite', db);
  await db.destroy();
}

await withServerDatabase(serverUrl, async (db) => {
  const size = Number(values['backtest-journeys']);
  await generatePopulation(db, {
    journeys: size,
    municipalities: 10,
    activitiesPerJourney: activities,
    withEvents: true,
  });
  const to = danishDate(new Date());
  const from = danishDate(new Date(Date.now() - 182 * 86_400_000));
  const stop = peakMemory();
  const report = await runBacktest(db, ruleSets, { from, to });
  const peak = stop();
  const opened = report.rules.reduce((sum, r) => sum + r.opened, 0);
  console.log(
    `Backtest on PostgreSQL: ${report.journeys} journeys x ${report.days} days in ${report.millis} ms` +
      ` (${Math.round((report.journeys * report.days) / (report.millis / 1000))} journey-days/s), ${opened} alerts would have opened | peak RSS ${peak} MiB`,
  );
});
