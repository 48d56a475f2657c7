/**
 * How fast the pages answer on the embedded database a pilot runs on: the demo municipality of
 * the first start (about 60 youth, 6 groups, 25 companies, months of history) on PGlite, each
 * page requested 50 times through the app as a logged-in caseworker or leader. Prints the median
 * and the 95th percentile per page. PGlite runs on the event loop (docs/decisions/0001-embedded-postgresql-by-default.md), so these
 * times are also how long one page holds up every other request.
 *
 *   npm run bench:pages
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { createAppDeps } from '../src/deps.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed.ts';
import { loadRuleSets } from '../src/rules/rule-set.loader.ts';

const ROUNDS = 50;
const WARM_UP = 3;
const SECRET = 'bench-secret-for-cpr-keys-0123456789abcdef';

const db = await openDatabase({ engine: 'pglite', dataDir: undefined });
await migrateToLatest(db);
const config = loadConfig({ LOG_LEVEL: 'silent', UNGEFLOW_SECRET: SECRET });
const ruleSets = await loadRuleSets();
const clock = () => new Date();
const seedStarted = performance.now();
await seedDemo(await createAppDeps({ db, config, secret: SECRET, clock, ruleSets }));
console.log(`demo municipality seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
const app = await buildApp({ config, db, secret: SECRET, clock, ruleSets });

async function login(app: FastifyInstance, email: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  const cookie = response.cookies.find((c) => c.name === 'ungeflow_session');
  if (!cookie) throw new Error(`login failed for ${email}: ${response.statusCode}`);
  return `ungeflow_session=${cookie.value}`;
}

const caseworker = await login(app, 'raadgiver@demo.dk');
const leader = await login(app, 'leder@demo.dk');

async function json<T>(url: string): Promise<T> {
  return (await app.inject({ method: 'GET', url, headers: { cookie: leader } })).json<T>();
}

// Pages to time: a youth in each stage the demo has, the lists, a group meeting, a company, a match event.
const journeys = await json<{ items: Array<{ youth: { id: string }; stage: string }> }>('/api/journeys?pageSize=100');
const byStage = new Map<string, string>();
for (const j of journeys.items) if (!byStage.has(j.stage)) byStage.set(j.stage, j.youth.id);
const groups = await json<{ items: Array<{ id: string }> }>('/api/groups?pageSize=1');
const group = groups.items[0];
const meetings = group ? await json<{ items: Array<{ id: string }> }>(`/api/groups/${group.id}/meetings`) : null;
const company = (await json<{ items: Array<{ id: string }> }>('/api/companies?pageSize=1')).items[0];
const matchEvent = (await json<{ items: Array<{ id: string }> }>('/api/match-events?pageSize=1')).items[0];
const active = byStage.get('active');

const pages: Array<{ name: string; url: string; cookie: string }> = [
  { name: 'Mine unge (caseworker)', url: '/', cookie: caseworker },
  { name: 'Alle forløb (leader)', url: '/', cookie: leader },
  ...[...byStage].map(([stage, youthId]) => ({
    name: `youth's page, ${stage}`,
    url: `/unge/${youthId}`,
    cookie: caseworker,
  })),
  ...(active ? [{ name: 'Min plan page', url: `/unge/${active}/plan`, cookie: caseworker }] : []),
  ...(active ? [{ name: 'Min plan PDF', url: `/unge/${active}/plan/pdf`, cookie: caseworker }] : []),
  { name: 'Grupper', url: '/grupper', cookie: caseworker },
  ...(group && meetings?.items[0]
    ? [{ name: 'attendance', url: `/grupper/${group.id}/moeder/${meetings.items[0].id}`, cookie: caseworker }]
    : []),
  { name: 'Virksomheder', url: '/virksomheder', cookie: caseworker },
  ...(company ? [{ name: "a company's page", url: `/virksomheder/${company.id}`, cookie: caseworker }] : []),
  ...(matchEvent ? [{ name: 'a match event', url: `/matchevents/${matchEvent.id}`, cookie: caseworker }] : []),
  { name: 'Advarsler (leader)', url: '/advarsler', cookie: leader },
  { name: 'Overblik, this year (leader)', url: `/overblik?from=${new Date().getFullYear()}-01-01`, cookie: leader },
];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

console.log(`\n${'page'.padEnd(34)} ${'median'.padStart(9)} ${'p95'.padStart(9)}`);
for (const p of pages) {
  const times: number[] = [];
  for (let round = 0; round < WARM_UP + ROUNDS; round++) {
    const started = performance.now();
    const response = await app.inject({ method: 'GET', url: p.url, headers: { cookie: p.cookie } });
    const elapsed = performance.now() - started;
    if (response.statusCode !== 200) throw new Error(`${p.name} (${p.url}) answered ${response.statusCode}`);
    if (round >= WARM_UP) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(9);
  console.log(`${p.name.padEnd(34)} ${ms(quantile(times, 0.5))} ${ms(quantile(times, 0.95))}`);
}

await app.close();
await db.destroy();
