/**
 * How long the leader's Overblik takes: for one municipality of 1,000 journeys with a year of
 * history on PGlite (the embedded default), and for one municipality and for every municipality
 * of a national database (100 municipalities, 100,000 journeys) on PostgreSQL.
 *
 *   npm run bench:overview [-- --journeys 100000 --municipalities 100 --pglite-journeys 1000 --audit 30 --only pglite]
 *
 * PostgreSQL is the server of BENCH_DATABASE_URL (default: the local test server), in a database
 * created and dropped for the run. Each figure is the median of 5 runs after one warm-up run
 * (with the fastest in brackets: the machine may be shared).
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { Actor } from '../src/auth/actor.ts';
import { type Db, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import type { OverviewGrouping } from '../src/overview/overview.schemas.ts';
import { readOverview } from '../src/overview/overview.service.ts';
import { addDays } from '../src/shared/days.ts';
import { loadRuleSets } from '../src/rules/rule-set.loader.ts';
import { danishDate } from '../src/shared/clock.ts';
import { generatePopulation, withServerDatabase } from './population.ts';

const { values } = parseArgs({
  options: {
    journeys: { type: 'string', default: '100000' },
    municipalities: { type: 'string', default: '100' },
    'pglite-journeys': { type: 'string', default: '1000' },
    activities: { type: 'string', default: '20' },
    /** Audit-log rows per journey (reads and writes of a year), which the reassignment history is read from. */
    audit: { type: 'string', default: '30' },
    /** Run one engine only: `pglite` or `postgres`. */
    only: { type: 'string' },
  },
});
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ruleSets = await loadRuleSets();
const auditPerJourney = Number(values.audit);
const activities = Number(values.activities);

/**
 * The rest of a year of history, on top of the population (journeys, activity, and the events
 * up to the group): network groups with weekly meetings and attendance, group memberships,
 * placements with their events and weekly hours, pauses, exits with follow-ups, monthly
 * progression measurements, some reassignments, and audit-log volume. Consistent enough for the
 * queries to do their real work; the figures themselves are not the point.
 */
async function addProgrammeHistory(db: Db): Promise<void> {
  await sql`
    insert into network_group (municipality_id, name, facilitator_id, weekday, start_time, place)
    select u.municipality_id, 'Gruppe ' || g, u.id, 1 + g % 5, '10:00', 'Jobcentret'
    from app_user u
    cross join lateral generate_series(1, greatest(1, (select count(*) from journey j where j.municipality_id = u.municipality_id) / 8)) g`.execute(
    db,
  );
  await sql`
    insert into company (municipality_id, name, cvr, placement_capacity)
    select m.id, 'Virksomhed ' || c, lpad((c * 7919 % 100000000)::text, 8, '0'), 1000
    from municipality m, generate_series(1, 20) c`.execute(db);
  // When each journey that got to a group exits (followUp), pauses (paused) or starts and ends a placement.
  await sql`
    create table bench_journey as
    select j.id, j.municipality_id, j.youth_id, j.caseworker_id, j.stage, j.placement_state, j.group_joined_at,
      j.group_joined_at + (now() - j.group_joined_at) * 0.3 as placed_at,
      j.group_joined_at + (now() - j.group_joined_at) * 0.6 as placement_ended_at,
      j.group_joined_at + (now() - j.group_joined_at) * 0.8 as later_at,
      row_number() over (partition by j.municipality_id order by j.id) as n
    from journey j where j.group_joined_at is not null`.execute(db);
  await sql`
    insert into group_membership (municipality_id, group_id, journey_id, youth_id, joined_at, left_at)
    select j.municipality_id, g.id, j.id, j.youth_id, j.group_joined_at,
      case when j.stage = 'followUp' then j.later_at end
    from bench_journey j
    join (
      select id, municipality_id, row_number() over (partition by municipality_id order by id) - 1 as n,
        count(*) over (partition by municipality_id) as groups
      from network_group
    ) g on g.municipality_id = j.municipality_id and g.n = j.n % g.groups`.execute(db);
  await sql`
    insert into placement (id, municipality_id, journey_id, youth_id, company_id, kind, start_date, hours_per_week,
      chosen_by_youth, ended_at, end_cause, created_by)
    select gen_random_uuid(), j.municipality_id, j.id, j.youth_id,
      c.id, 'internship', j.placed_at::date, 20, true,
      case when j.placement_state = 'between' then j.placement_ended_at end,
      case when j.placement_state = 'between' then 'ended' end,
      j.caseworker_id
    from bench_journey j
    join (select id, municipality_id, row_number() over (partition by municipality_id order by id) - 1 as n from company) c
      on c.municipality_id = j.municipality_id and c.n = j.n % 20
    where j.stage = 'active' and j.placement_state in ('placed', 'between')`.execute(db);
  const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
  await sql`
    insert into journey_event (municipality_id, journey_id, seq, type, payload, occurred_at, actor_id)
    select p.municipality_id, p.journey_id, 5, 'PLACEMENT_STARTED',
      jsonb_build_object('type', 'PLACEMENT_STARTED', 'occurredAt', ${iso('j.placed_at')}, 'actorId', p.created_by,
        'placementId', p.id, 'companyId', p.company_id, 'kind', 'internship', 'hoursPerWeek', 20),
      j.placed_at, p.created_by
    from placement p join bench_journey j on j.id = p.journey_id`.execute(db);
  await sql`
    insert into journey_event (municipality_id, journey_id, seq, type, payload, occurred_at, actor_id)
    select p.municipality_id, p.journey_id, 6, 'PLACEMENT_ENDED',
      jsonb_build_object('type', 'PLACEMENT_ENDED', 'occurredAt', ${iso('p.ended_at')}, 'actorId', p.created_by,
        'placementId', p.id),
      p.ended_at, p.created_by
    from placement p where p.ended_at is not null`.execute(db);
  await sql`
    insert into journey_event (municipality_id, journey_id, seq, type, payload, occurred_at, actor_id)
    select j.municipality_id, j.id, 5, case when j.stage = 'paused' then 'PAUSED' else 'EXITED' end,
      case when j.stage = 'paused'
        then jsonb_build_object('type', 'PAUSED', 'occurredAt', ${iso('j.later_at')}, 'actorId', j.caseworker_id,
          'reason', 'illness', 'expectedReturn', (now() + interval '14 days')::date)
        else jsonb_build_object('type', 'EXITED', 'occurredAt', ${iso('j.later_at')}, 'actorId', j.caseworker_id,
          'outcome', (array['job', 'education', 'other_support', 'dropped_out'])[(1 + j.n % 4)::int])
      end,
      j.later_at, j.caseworker_id
    from bench_journey j where j.stage in ('paused', 'followUp')`.execute(db);
  await sql`
    insert into follow_up (municipality_id, journey_id, youth_id, month, due_on, status, recorded_at, recorded_by)
    select j.municipality_id, j.id, j.youth_id, 3, (j.later_at + interval '3 months')::date,
      case when j.later_at + interval '3 months' < now() then 'in_job' end,
      case when j.later_at + interval '3 months' < now() then j.later_at + interval '3 months' end,
      case when j.later_at + interval '3 months' < now() then j.caseworker_id end
    from bench_journey j where j.stage = 'followUp'`.execute(db);
  // The LAB offers the key figures read: every internship is virksomhedspraktik; every fourth
  // journey in a group has a mentor grant from joining it; every fifth journey not yet in a
  // group (referred, visitation, intake) has had a month of bridge-building since its first contact.
  await sql`
    insert into offer (municipality_id, journey_id, youth_id, kind, placement_id, provider, start_date, ended_on,
      end_cause, hours_per_week, created_by)
    select p.municipality_id, p.journey_id, p.youth_id, 'internship', p.id, 'Virksomhed', p.start_date,
      (p.ended_at at time zone 'Europe/Copenhagen')::date, case when p.ended_at is not null then 'completed' end,
      p.hours_per_week, p.created_by
    from placement p`.execute(db);
  await sql`
    insert into offer (municipality_id, journey_id, youth_id, kind, provider, start_date, ended_on, end_cause,
      hours_per_week, created_by)
    select j.municipality_id, j.id, j.youth_id, 'mentor', 'Mentor', j.group_joined_at::date,
      case when j.stage = 'followUp' then j.later_at::date end, case when j.stage = 'followUp' then 'withdrawn' end,
      2, j.caseworker_id
    from bench_journey j where j.n % 4 = 0`.execute(db);
  await sql`
    insert into offer (municipality_id, journey_id, youth_id, kind, subtype, provider, start_date, ended_on,
      end_cause, created_by)
    select j.municipality_id, j.id, j.youth_id, 'guidance_upskilling', 'bridge_building', 'Erhvervsskole',
      j.first_contact_at::date + 5, least(j.first_contact_at::date + 35, current_date), 'completed', j.caseworker_id
    from journey j where j.group_joined_at is null and abs(hashtext(j.id::text)) % 5 = 0`.execute(db);
  // Weekly hours for every week of every placement.
  await sql`
    insert into placement_hours (municipality_id, placement_id, journey_id, week_start, hours, recorded_by, recorded_at)
    select p.municipality_id, p.id, p.journey_id, w::date, 15 + (extract(week from w)::int % 10), p.created_by,
      w + interval '7 days'
    from placement p
    cross join lateral generate_series(date_trunc('week', p.start_date::timestamptz),
      coalesce(p.ended_at, now()) - interval '7 days', interval '7 days') w`.execute(db);
  // A year of weekly meetings per group, and the attendance of the members of the day.
  await sql`
    insert into group_meeting (municipality_id, group_id, starts_at, duration_minutes, place, status)
    select g.municipality_id, g.id, date_trunc('day', now()) - (w * 7 + g.weekday) * interval '1 day' + interval '9 hours',
      120, 'Jobcentret', 'held'
    from network_group g, generate_series(0, 52) w`.execute(db);
  await sql`
    insert into group_attendance (municipality_id, meeting_id, youth_id, journey_id, status, recorded_by, recorded_at)
    select gm.municipality_id, gm.id, m.youth_id, m.journey_id,
      case when random() < 0.8 then 'attended' else 'absent' end, g.facilitator_id, gm.starts_at + interval '3 hours'
    from group_meeting gm
    join network_group g on g.id = gm.group_id
    join group_membership m on m.group_id = gm.group_id and m.joined_at <= gm.starts_at
      and (m.left_at is null or m.left_at > gm.starts_at)`.execute(db);
  await sql`
    insert into progression_measurement (municipality_id, journey_id, youth_id, measured_on, assessed_by,
      belief_in_own_abilities, self_rated_health, network, meaning_and_direction, readiness, recorded_by, recorded_at)
    select j.municipality_id, j.id, j.youth_id, d::date, 'youth', 1 + (j.n + k) % 10, 1 + (j.n + 2 * k) % 10,
      1 + (j.n + 3 * k) % 10, 1 + (j.n + 4 * k) % 10, null, j.caseworker_id, d
    from bench_journey j
    cross join lateral generate_series(j.group_joined_at, now(), interval '1 month') with ordinality as s(d, k)`.execute(
    db,
  );
  // One journey in twenty reassigned at some time of the year, and the audit log's everyday volume.
  await sql`
    insert into audit_log (municipality_id, occurred_at, user_id, action, youth_id, details)
    select j.municipality_id, now() - random() * interval '365 days', j.caseworker_id, 'journey.reassigned', j.youth_id,
      jsonb_build_object('journeyId', j.id, 'from', j.caseworker_id, 'to', j.caseworker_id)
    from journey j where random() < 0.05`.execute(db);
  await sql`
    insert into audit_log (municipality_id, occurred_at, user_id, action, youth_id, details)
    select j.municipality_id, now() - random() * interval '365 days', j.caseworker_id, 'journey.read', j.youth_id,
      jsonb_build_object('journeyId', j.id)
    from journey j, generate_series(1, ${auditPerJourney})`.execute(db);
  await sql`drop table bench_journey`.execute(db);
  await sql`analyze`.execute(db);
}

async function rowCounts(db: Db): Promise<string> {
  const tables = ['journey_event', 'activity', 'group_attendance', 'placement_hours', 'offer', 'audit_log'] as const;
  const counts = await Promise.all(
    tables.map(async (t) => {
      const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(t)}`.execute(db);
      return `${rows[0]?.n ?? '?'} ${t}`;
    }),
  );
  return counts.join(', ');
}

/** A leader of the municipality, as the service sees the caller. */
async function leaderOf(db: Db, municipalityId: string): Promise<Actor> {
  const user = await db
    .selectFrom('app_user')
    .where('municipality_id', '=', municipalityId)
    .select(['id', 'name', 'email'])
    .executeTakeFirstOrThrow();
  return {
    userId: user.id,
    municipalityId,
    role: 'leader',
    name: user.name,
    email: user.email,
    passwordMustChange: false,
    via: { kind: 'session', sessionId: 'bench' },
    ip: null,
    requestId: null,
  };
}

const today = danishDate(new Date());
const firstOfMonth = `${today.slice(0, 8)}01`;
const periods = [
  { name: 'this month so far', from: firstOfMonth, to: today },
  { name: 'last month', from: `${addDays(firstOfMonth, -1).slice(0, 8)}01`, to: addDays(firstOfMonth, -1) },
  { name: 'the past 12 months', from: addDays(today, -364), to: today },
  // The oldest reassignment history to read from the audit log: everything since that month's end.
  { name: 'a month a year ago', from: addDays(firstOfMonth, -365), to: addDays(firstOfMonth, -335) },
];
const groupings: OverviewGrouping[] = ['unit', 'caseworker', 'group'];

const median = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)] ?? 0;
const p95 = (ms: number[]) => [...ms].sort((a, b) => a - b)[Math.ceil(ms.length * 0.95) - 1] ?? 0;

async function timeOne(deps: OverviewDeps, actor: Actor, criteria: { from: string; to: string; by: OverviewGrouping }) {
  const started = performance.now();
  await readOverview(deps, actor, criteria);
  return performance.now() - started;
}

/** Median of 5 runs after a warm-up, for each period and grouping, for one municipality. */
async function timeMunicipality(label: string, deps: OverviewDeps, municipalityId: string): Promise<void> {
  const actor = await leaderOf(deps.db, municipalityId);
  for (const period of periods) {
    const cells: string[] = [];
    for (const by of groupings) {
      const criteria = { from: period.from, to: period.to, by };
      await timeOne(deps, actor, criteria);
      const runs: number[] = [];
      for (let i = 0; i < 5; i++) runs.push(await timeOne(deps, actor, criteria));
      cells.push(`by ${by} ${median(runs).toFixed(0)} ms (fastest ${Math.min(...runs).toFixed(0)})`);
    }
    console.log(`${label}, ${period.name} (${period.from}..${period.to}): ${cells.join(', ')}`);
  }
}

type OverviewDeps = Parameters<typeof readOverview>[0];
const depsOf = (db: Db): OverviewDeps => ({ db, ruleSets, clock: () => new Date() });

console.log(
  `Overblik benchmark, ${new Date().toISOString()}, Node ${process.version}, ${cpus().length} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);

if (values.only !== 'postgres') {
  const size = Number(values['pglite-journeys']);
  const db = await openDatabase({ engine: 'pglite', dataDir: undefined });
  await migrateToLatest(db);
  const started = performance.now();
  await generatePopulation(db, {
    journeys: size,
    municipalities: 1,
    activitiesPerJourney: activities,
    withEvents: true,
  });
  await addProgrammeHistory(db);
  console.log(
    `PGlite: one municipality of ${size} journeys generated in ${Math.round(performance.now() - started)} ms (${await rowCounts(db)})`,
  );
  const municipality = await db.selectFrom('municipality').select('id').executeTakeFirstOrThrow();
  await timeMunicipality('PGlite, one municipality', depsOf(db), municipality.id);
  await db.destroy();
}

if (values.only !== 'pglite') {
  await withServerDatabase(serverUrl, async (db) => {
    const journeys = Number(values.journeys);
    const municipalities = Number(values.municipalities);
    const started = performance.now();
    await generatePopulation(db, { journeys, municipalities, activitiesPerJourney: activities, withEvents: true });
    await addProgrammeHistory(db);
    console.log(
      `PostgreSQL: ${journeys} journeys in ${municipalities} municipalities generated in ${Math.round(performance.now() - started)} ms (${await rowCounts(db)})`,
    );
    const deps = depsOf(db);
    const ids = (await db.selectFrom('municipality').select('id').orderBy('id').execute()).map((m) => m.id);
    await timeMunicipality('PostgreSQL, one municipality of the national database', deps, ids[0] ?? '');

    // Every municipality's leader opening Overblik for last month, one after another and ten at a time.
    const lastMonth = periods[1] ?? periods[0]!;
    const actors = await Promise.all(ids.map((id) => leaderOf(db, id)));
    const criteria = { from: lastMonth.from, to: lastMonth.to, by: 'caseworker' as const };
    const each: number[] = [];
    let started2 = performance.now();
    for (const actor of actors) each.push(await timeOne(deps, actor, criteria));
    const sequential = performance.now() - started2;
    console.log(
      `PostgreSQL, all ${actors.length} municipalities one after another (last month, by caseworker): ${sequential.toFixed(0)} ms in all, median ${median(each).toFixed(0)} ms, p95 ${p95(each).toFixed(0)} ms per municipality`,
    );
    started2 = performance.now();
    const concurrent: number[] = [];
    for (let i = 0; i < actors.length; i += 10) {
      concurrent.push(...(await Promise.all(actors.slice(i, i + 10).map((a) => timeOne(deps, a, criteria)))));
    }
    console.log(
      `PostgreSQL, all ${actors.length} municipalities ten at a time: ${(performance.now() - started2).toFixed(0)} ms in all, median ${median(concurrent).toFixed(0)} ms, p95 ${p95(concurrent).toFixed(0)} ms per request`,
    );
  });
}
