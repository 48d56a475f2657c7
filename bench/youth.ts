/**
 * How fast the young person's side (Mit forløb) answers on the embedded database a pilot runs on:
 * the demo municipality of the first start on PGlite, a youth in each stage the demo has logged in
 * on a phone, and each of their pages requested 50 times through the app. Prints the median and
 * the 95th percentile per page and stage, and the worst 95th percentile against the goal of
 * 100 ms. A benchmark, never part of `npm test`.
 *
 *   npm run bench:youth
 */
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { createAppDeps } from '../src/deps.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { loadRuleSets } from '../src/rules/rule-set.loader.ts';
import { startYouthSession } from '../src/youth-login/youth-login.service.ts';

const ROUNDS = 50;
const WARM_UP = 3;
const GOAL_MS = 100;
const SECRET = 'bench-secret-for-cpr-keys-0123456789abcdef';
const PHONE = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36';

/** The youth's own pages, read with GET; each answers 200 for a youth with a journey. */
const YOUTH_PAGES = [
  '/mit-forloeb',
  '/mit-forloeb/min-plan.pdf',
  '/mit-forloeb/tjek-ind',
  '/mit-forloeb/afbud',
  '/mit-forloeb/timer',
  '/mit-forloeb/min-udvikling',
  '/mit-forloeb/forberedelse',
  '/mit-forloeb/match',
  '/mit-forloeb/paamindelser',
  '/mit-forloeb/enheder',
];

const db = await openDatabase({ engine: 'pglite', dataDir: undefined });
await migrateToLatest(db);
const config = loadConfig({ LOG_LEVEL: 'silent', UNGEFLOW_SECRET: SECRET });
const ruleSets = await loadRuleSets();
const clock = () => new Date();
await seedDemo(await createAppDeps({ db, config, secret: SECRET, clock, ruleSets }));
const app = await buildApp({ config, db, secret: SECRET, clock, ruleSets });

// A youth in each stage of an open journey, the newest journey of each youth.
const journeys = await db
  .selectFrom('journey')
  .select(['youth_id', 'municipality_id', 'stage'])
  .where('open', '=', true)
  .orderBy('created_at')
  .execute();
const byStage = new Map<string, { youthId: string; municipalityId: string }>();
for (const j of journeys) byStage.set(j.stage, { youthId: j.youth_id, municipalityId: j.municipality_id });

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);

console.log(`\n${'page'.padEnd(30)} ${'stage'.padEnd(12)} ${'median'.padStart(9)} ${'p95'.padStart(9)}`);
let worst = { p95: 0, what: '' };
for (const [stage, youth] of byStage) {
  const login = await db.transaction().execute((trx) =>
    startYouthSession(trx, {
      ...youth,
      method: 'link',
      userAgent: PHONE,
      origin: { ip: '127.0.0.1', requestId: null },
      now: clock(),
    }),
  );
  const cookie = `ungeflow_youth=${login.sessionToken}`;
  for (const url of YOUTH_PAGES) {
    const times: number[] = [];
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      const started = performance.now();
      const response = await app.inject({ method: 'GET', url, headers: { cookie, 'user-agent': PHONE } });
      const elapsed = performance.now() - started;
      if (response.statusCode !== 200)
        throw new Error(`${url} for a youth in ${stage} answered ${response.statusCode}`);
      if (round >= WARM_UP) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    const p95 = quantile(times, 0.95);
    if (p95 > worst.p95) worst = { p95, what: `${url} (${stage})` };
    console.log(`${url.padEnd(30)} ${stage.padEnd(12)} ${ms(quantile(times, 0.5))} ${ms(p95)}`);
  }
}
console.log(
  `\nworst p95: ${worst.p95.toFixed(1)} ms, ${worst.what}; goal under ${GOAL_MS} ms: ${worst.p95 < GOAL_MS ? 'met' : 'not met'}`,
);

await app.close();
await db.destroy();
