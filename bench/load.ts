/**
 * Ungeflow under load as a unit uses it, on a real server process: starts `src/server.ts` on the
 * engine asked for (PGlite in a fresh data folder, or a fresh PostgreSQL database) with the demo
 * unit, logs in once as a caseworker, makes 50 youth active in network groups through the API,
 * and drives three loads with autocannon:
 *
 * - journey events without pause: 50 connections, each pausing and resuming its own youth's
 *   journey as fast as the answers come (PAUSED / RESUMED against the version last answered);
 * - a municipal day: 25 actions a second in all (as 50 caseworkers each doing one thing every 2
 *   seconds on average), from 25 clients acting once a second, spread evenly over the second:
 *   the journey, the youth's page, an event, "I dag", in turn;
 * - the caseload page (`GET /`): 20 connections without pause.
 *
 * Prints, for each, requests per second and the 50th, 95th and 99th percentile of the response
 * time (for the municipal day, of each of its four actions too), and counts any answer that is not
 * 2xx, by status. A benchmark, never part of `npm test`.
 *
 *   npm run bench:load                      both engines
 *   npm run bench:load -- --engine pglite   one (pglite or postgres)
 *
 * BENCH_SECONDS sets the length of each load (default 20; the municipal day runs twice as long).
 * BENCH_NODE_ARGS passes node options to the server alone, e.g. "--cpu-prof" to profile it.
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a
 * server where the database `ungeflow_bench_load` may be dropped and created.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';

const ROOT = new URL('..', import.meta.url).pathname;
const SECRET = 'bench-load-secret-0123456789abcdefghijklmnop';
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'ungeflow_bench_load';
const YOUTH = 50;
/** The municipal day's clients, each acting once a second. */
const DAY_CLIENTS = 25;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

type Engine = 'pglite' | 'postgres';
const { values } = parseArgs({ options: { engine: { type: 'string' } } });
const engines: Engine[] =
  values.engine === undefined ? ['pglite', 'postgres'] : [values.engine === 'postgres' ? 'postgres' : 'pglite'];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

async function freshPostgres(): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${BENCH_DB} with (force)`);
  await admin.query(`create database ${BENCH_DB}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${BENCH_DB}`;
  return url.toString();
}

/** The server as an operator starts it, until it answers ready; stopped by the returned function. */
async function startServer(engine: Engine) {
  const port = await freePort();
  const folder = await mkdtemp(join(tmpdir(), 'ungeflow-load-'));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    LOG_LEVEL: 'warn',
    UNGEFLOW_SECRET: SECRET,
    UNGEFLOW_DATA_DIR: folder,
    DEMO_SEED: 'true',
    SWEEP_ENABLED: 'false',
  };
  if (engine === 'postgres') env.DATABASE_URL = await freshPostgres();
  // BENCH_NODE_ARGS: node options for the server alone, e.g. "--cpu-prof --cpu-prof-dir=prof" to profile it.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server ended with ${child.exitCode}`);
    const ready = await fetch(`${base}/api/health/ready`).catch(() => undefined);
    if (ready?.status === 200) break;
    await sleep(200);
  }
  const stop = async () => {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    await rm(folder, { recursive: true, force: true });
  };
  return { base, stop, cpu: () => cpuMs(child.pid) };
}

/**
 * The CPU time a process has used so far, in ms (Linux: /proc/<pid>/stat, in ticks of 10 ms):
 * per request, the figure a shared machine disturbs least.
 */
async function cpuMs(pid: number | undefined): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // The fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A JSON call the set-up makes; any answer but the one expected stops the benchmark. */
async function call<T>(base: string, cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'ungeflow-demo' }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('ungeflow_session='));
  if (response.status !== 200 || !cookie) throw new Error(`log-in as ${email}: ${response.status}`);
  return cookie.split(';')[0] as string;
}

interface Active {
  journeyId: string;
  youthId: string;
  version: number;
  stage: string;
}

/** 50 youth registered, visited and in a network group (stage active), through the API. */
async function activeYouth(base: string, caseworker: string, leader: string): Promise<Active[]> {
  const me = await call<{ id: string }>(base, caseworker, 'GET', '/api/auth/me');
  const groups: string[] = [];
  for (let g = 0; g < Math.ceil(YOUTH / 10); g++) {
    const group = await call<{ id: string }>(base, leader, 'POST', '/api/groups', {
      name: `Belastningsgruppe ${g + 1}`,
      facilitatorId: me.id,
      weekday: 2,
      startTime: '10:00',
      place: 'Jobcentret',
      capacity: 12,
    });
    groups.push(group.id);
  }
  const today = new Date().toISOString().slice(0, 10);
  const active: Active[] = [];
  for (let i = 0; i < YOUTH; i++) {
    // Born 15 May 2004: the 4 says 2000s; serial numbers a real register would not hand out twice.
    const serial = `4${String(500 + i).padStart(3, '0')}`;
    const youth = await call<{ id: string }>(base, caseworker, 'POST', '/api/youth', {
      name: `Belastning Ung ${i + 1}`,
      cpr: `150504-${serial}`,
    });
    const journey = await call<{ id: string; version: number }>(
      base,
      caseworker,
      'POST',
      `/api/youth/${youth.id}/journeys`,
      { source: 'jobcenter', firstContactAt: today, reason: 'Henvist fra jobcentret' },
    );
    let version = journey.version;
    const events = [
      { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' },
      {
        type: 'VISITATION_DECIDED',
        category: 'activity_ready',
        barriers: ['mental_health'],
        considerableBarriers: ['mental_health'],
        profile: 'C',
        questionnaire: {
          highest_education: 'primary_school',
          wants_education: 'yes',
          liked_school: 'yes',
          education_importance: 5,
          six_month_outlook: 'in_education',
          education_choice_difficult: 'no',
          advice_sources: ['parents'],
          completion_obstacles: [],
          previous_dropout: { droppedOut: false },
          primary_school_grade_average: 7,
        },
      },
      { type: 'GROUP_ASSIGNED', canTakePart15HoursAWeek: true, groupId: groups[i % groups.length] },
    ];
    for (const event of events) {
      const answer = await call<{ version: number }>(base, caseworker, 'POST', `/api/journeys/${journey.id}/events`, {
        expectedVersion: version,
        ...event,
      });
      version = answer.version;
    }
    active.push({ journeyId: journey.id, youthId: youth.id, version, stage: 'active' });
  }
  return active;
}

/** The next event of a journey that is paused and resumed in turn. */
function toggle(journey: Active): string {
  return JSON.stringify(
    journey.stage === 'paused'
      ? { type: 'RESUMED', expectedVersion: journey.version }
      : { type: 'PAUSED', reason: 'illness', expectedVersion: journey.version, expectedReturn: '2027-06-30' },
  );
}

/** Remembers what an event or a read of the journey answered: its version and stage. */
function remember(journey: Active, status: number, body: string): void {
  if (status >= 300) return;
  const answer = JSON.parse(body) as { version: number; stage: string };
  journey.version = answer.version;
  journey.stage = answer.stage;
}

interface Figures {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  requests: number;
  failed: number;
  /** The server's CPU time per request, ms. */
  cpu: number;
  /** The machine's load average (1 minute) as the load began. */
  load: number;
  /** The answers that were not 2xx, by status ("timeout" and "error" for none). */
  notOk: Record<string, number>;
  /** The percentiles of each kind of request, when a load names its requests. */
  byRequest: Array<{ name: string; p50: number; p95: number; p99: number; requests: number }>;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Runs one load, or several side by side, and reads its figures from every response's own time.
 * Several start one after another across the first second (`loads.length` evenly spaced starts),
 * so their once-a-second requests arrive spread out rather than together.
 */
async function run(
  loads: autocannon.Options | autocannon.Options[],
  cpu: () => Promise<number>,
  requestNames: readonly string[] = [],
): Promise<Figures> {
  const all = Array.isArray(loads) ? loads : [loads];
  const times: number[] = [];
  const timesByRequest = requestNames.map(() => [] as number[]);
  const notOk: Record<string, number> = {};
  let failed = 0;
  const load = loadavg()[0] ?? NaN;
  const cpuBefore = await cpu();
  const results = await Promise.all(
    all.map(
      (options, index) =>
        new Promise<autocannon.Result>((resolve, reject) => {
          setTimeout(
            () => {
              const instance = autocannon(options, (error, done) => (error ? reject(error as Error) : resolve(done)));
              instance.on('response', (client, status, _bytes, time) => {
                times.push(time);
                // The client moves on to its next request only after announcing this answer.
                const index = (client as unknown as { requestIterator: { currentRequestIndex: number } })
                  .requestIterator.currentRequestIndex;
                timesByRequest[index]?.push(time);
                if (status >= 300) {
                  failed++;
                  notOk[status] = (notOk[status] ?? 0) + 1;
                }
              });
            },
            (index * 1000) / all.length,
          );
        }),
    ),
  );
  const cpuUsed = (await cpu()) - cpuBefore;
  times.sort((a, b) => a - b);
  const at = (p: number) => percentile(times, p);
  const duration = Math.max(...results.map((r) => r.duration));
  return {
    rps: times.length / duration,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    requests: times.length,
    failed: failed + results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    notOk: {
      ...notOk,
      ...(results.some((r) => r.timeouts > 0) ? { timeout: results.reduce((sum, r) => sum + r.timeouts, 0) } : {}),
      ...(results.some((r) => r.errors > 0) ? { error: results.reduce((sum, r) => sum + r.errors, 0) } : {}),
    },
    cpu: cpuUsed / times.length,
    load,
    byRequest: requestNames.map((name, i) => {
      const sorted = timesByRequest[i]!.sort((a, b) => a - b);
      return {
        name,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        requests: sorted.length,
      };
    }),
  };
}

function print(engine: Engine, what: string, f: Figures): void {
  const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
  console.log(
    `${engine.padEnd(8)} ${what.padEnd(34)} ${f.rps.toFixed(0).padStart(5)}/s   p50 ${ms(f.p50).padStart(8)}   ` +
      `p95 ${ms(f.p95).padStart(8)}   p99 ${ms(f.p99).padStart(8)}   server CPU ${ms(f.cpu).padStart(7)}/request   ` +
      `(${f.requests} requests, ${f.failed} not 2xx${f.failed > 0 ? ` ${JSON.stringify(f.notOk)}` : ''}, load ${f.load.toFixed(1)})`,
  );
  for (const r of f.byRequest)
    console.log(
      `${''.padEnd(8)}   ${r.name.padEnd(32)}        p50 ${ms(r.p50).padStart(8)}   p95 ${ms(r.p95).padStart(8)}   ` +
        `p99 ${ms(r.p99).padStart(8)}   (${r.requests} requests)`,
    );
}

for (const engine of engines) {
  console.error(`${engine}: starting the server with the demo unit`);
  const server = await startServer(engine);
  try {
    const caseworker = await login(server.base, 'raadgiver@demo.dk');
    const leader = await login(server.base, 'leder@demo.dk');
    console.error(`${engine}: making ${YOUTH} youth active`);
    const journeys = await activeYouth(server.base, caseworker, leader);
    console.error(`${engine}: loading`);
    const headers = { cookie: caseworker, 'content-type': 'application/json' };
    // A connection borrows a youth for one round of its requests, so no two connections race for a
    // version: autocannon clears a connection's context each time it starts its requests again.
    const free = [...journeys];
    let next = 0;
    const own = (context: Record<string, unknown>): Active => {
      context.journey ??= free.shift() ?? journeys[next++ % journeys.length];
      return context.journey as Active;
    };
    /** The round's event is answered: remembers what it answered and lends the youth on. */
    const giveBack = (context: Record<string, unknown>, status: number, body: string): void => {
      const journey = own(context);
      remember(journey, status, body);
      if (!free.includes(journey)) free.push(journey);
    };

    print(
      engine,
      'journey events, 50 clients, no pause',
      await run(
        {
          url: server.base,
          connections: YOUTH,
          duration: SECONDS,
          // autocannon cuts a request after 10 s and resets its client, whose youth is then never
          // given back; the slowest answers are measured instead, and no youth is lent twice.
          timeout: 120,
          headers,
          requests: [
            {
              method: 'POST',
              setupRequest: (request, context) => {
                const journey = own(context as Record<string, unknown>);
                return { ...request, path: `/api/journeys/${journey.journeyId}/events`, body: toggle(journey) };
              },
              onResponse: (status, body, context) => giveBack(context as Record<string, unknown>, status, body),
            },
          ],
        },
        server.cpu,
      ),
    );

    // A municipal day: 25 actions a second in all, as 50 caseworkers acting every 2 seconds on
    // average. autocannon paces a connection by whole requests a second, its seconds starting
    // together, so a rate over one load sends the second's requests in one burst. Here 25 clients
    // act once a second each, their seconds spread evenly, so an action arrives every 40 ms.
    print(
      engine,
      'a municipal day, 25 actions/s spread',
      await run(
        Array.from({ length: DAY_CLIENTS }, () => ({
          url: server.base,
          connections: 1,
          connectionRate: 1,
          duration: SECONDS * 2,
          headers,
          requests: [
            {
              method: 'GET',
              setupRequest: (request, context) => ({
                ...request,
                path: `/api/journeys/${own(context as Record<string, unknown>).journeyId}`,
              }),
              onResponse: (status, body, context) => remember(own(context as Record<string, unknown>), status, body),
            },
            {
              method: 'GET',
              setupRequest: (request, context) => ({
                ...request,
                path: `/unge/${own(context as Record<string, unknown>).youthId}`,
              }),
            },
            {
              method: 'POST',
              setupRequest: (request, context) => {
                const journey = own(context as Record<string, unknown>);
                return { ...request, path: `/api/journeys/${journey.journeyId}/events`, body: toggle(journey) };
              },
              onResponse: (status, body, context) => giveBack(context as Record<string, unknown>, status, body),
            },
            { method: 'GET', path: '/i-dag' },
          ] satisfies autocannon.Request[],
        })),
        server.cpu,
        ['the journey (API)', "the youth's page", 'an event (API)', 'I dag'],
      ),
    );

    print(
      engine,
      'caseload page (GET /), 20 clients',
      await run(
        { url: `${server.base}/`, connections: 20, duration: SECONDS, headers: { cookie: caseworker } },
        server.cpu,
      ),
    );
  } finally {
    await server.stop();
  }
}
