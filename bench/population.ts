import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { initialSnapshot, persist } from '../machines/journey.ts';
import { type Db, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';

/** Runs `work` on a fresh, migrated database it creates on the server at `serverUrl` and drops afterwards. */
export async function withServerDatabase<T>(serverUrl: string, work: (db: Db) => Promise<T>): Promise<T> {
  const name = `ungeflow_bench_${randomBytes(4).toString('hex')}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }),
  });
  await sql`create database ${sql.id(name)}`.execute(admin);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ engine: 'postgres', url: url.toString() });
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.destroy();
    await sql`drop database ${sql.id(name)} with (force)`.execute(admin);
    await admin.destroy();
  }
}

/**
 * A synthetic national population for the benchmarks, written with set-based SQL: municipalities
 * with a caseworker each, youth, open journeys spread over the stages, a year of activity
 * (conversations and mentor contacts), and the journey columns the risk rules read, consistent
 * with that activity. The youth carry no real CPR numbers: the benchmark never decrypts them.
 */
export async function generatePopulation(
  db: Db,
  options: { journeys: number; municipalities: number; activitiesPerJourney: number; withEvents?: boolean },
): Promise<void> {
  const snapshot = JSON.stringify(
    persist(
      initialSnapshot({
        journeyId: '00000000-0000-4000-8000-000000000000',
        youthId: '00000000-0000-4000-8000-000000000000',
        returning: false,
        firstContactAt: '2026-01-05T09:00:00.000Z',
      }),
    ).snapshot,
  );
  await sql`
    insert into municipality (id, name, settings)
    select gen_random_uuid(), 'Benchmark Kommune ' || m, '{}'::jsonb from generate_series(1, ${options.municipalities}) m`.execute(
    db,
  );
  await sql`
    insert into app_user (municipality_id, email, name, role, password_hash)
    select id, 'bench-' || id || '@bench.dk', 'Rådgiver', 'caseworker', 'not-a-login'
    from municipality`.execute(db);
  await sql`create temporary table bench_m as
    select m.id, u.id as user_id, row_number() over (order by m.id) - 1 as n
    from municipality m join app_user u on u.municipality_id = m.id`.execute(db);
  const perMunicipality = Math.ceil(options.journeys / options.municipalities);
  await sql`
    insert into youth (id, municipality_id, name, cpr_encrypted, cpr_hash, birth_date)
    select gen_random_uuid(), m.id, 'Ung ' || m.n || '-' || i, 'bench', md5(m.id::text || i), date '2002-01-01' + (i % 3000)
    from bench_m m, generate_series(1, ${perMunicipality}) i`.execute(db);
  // Stages: mostly active; the rest spread over the other open stages.
  await sql`
    insert into journey (municipality_id, youth_id, "returning", referral_source, referral_reason, first_contact_at,
      stage, open, snapshot, machine_version, created_by, caseworker_id, placement_state, first_conversation_at,
      visitation_at, group_joined_at, ever_placed, placed_since, placement_hours_per_week, placement_ended_at,
      expected_return, missed_meetings_in_row, conversations_first_6m, last_progression_at, next_follow_up_due)
    select y.municipality_id, y.id, r < 0.15, 'jobcenter', 'Benchmark', fc,
      stage, true, ${snapshot}::jsonb, 1, m.user_id, m.user_id,
      case when stage = 'active' then (array['exploring','placed','between'])[1 + (r2 * 3)::int % 3] end,
      case when stage <> 'referred' then fc + interval '3 days' end,
      case when stage in ('intake','active','paused','followUp') then fc + interval '10 days' end,
      case when stage in ('active','paused','followUp') then fc + interval '20 days' end,
      stage = 'active' and r2 > 0.3,
      case when stage = 'active' and r2 < 0.66 and r2 >= 0.33 then fc + interval '40 days' end,
      case when stage = 'active' then 8 + (r * 25)::int end,
      case when stage = 'active' and r2 >= 0.66 then now() - r * interval '30 days' end,
      case when stage = 'paused' then (now() - r * interval '20 days')::date end,
      (r2 * 4)::int,
      (r * 5)::int,
      case when r > 0.2 then fc + interval '30 days' end,
      case when stage = 'followUp' then (now() - r * interval '40 days')::date end
    from (
      select y.*, random() as r, random() as r2,
        now() - ((30 + random() * 330)::int || ' days')::interval as fc,
        (array['referred','visitation','intake','active','active','active','active','active','paused','followUp'])[1 + (random() * 9)::int] as stage
      from youth y
    ) y join bench_m m on m.id = y.municipality_id`.execute(db);
  // A year of conversations and contacts, and the journey's last activity from them.
  await sql`
    insert into activity (municipality_id, journey_id, youth_id, kind, conversation_kind, job_conversation, occurred_at, recorded_by, recorded_at)
    select municipality_id, id, youth_id, kind,
      case when kind = 'conversation' then 'individual' end, kind = 'conversation', at, caseworker_id, now()
    from (
      select j.*, (array['conversation','mentor_contact','other_contact'])[1 + (random() * 2)::int] as kind,
        now() - ((random() * 365)::int || ' days')::interval as at
      from journey j, generate_series(1, ${options.activitiesPerJourney})
    ) a`.execute(db);
  await sql`
    update journey j set last_activity_at = a.latest
    from (select journey_id, max(occurred_at) as latest from activity group by journey_id) a
    where a.journey_id = j.id`.execute(db);
  if (options.withEvents) await generateEventLog(db);
  await sql`analyze`.execute(db);
}

/**
 * The event log behind each journey's stage, for the backtest to replay: first conversation,
 * visitation and group for journeys that got that far.
 */
async function generateEventLog(db: Db): Promise<void> {
  await sql`
    insert into journey_event (municipality_id, journey_id, seq, type, payload, occurred_at, actor_id)
    select municipality_id, id, 2, 'FIRST_CONVERSATION_HELD',
      jsonb_build_object('type', 'FIRST_CONVERSATION_HELD', 'occurredAt', to_char(first_conversation_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'actorId', caseworker_id),
      first_conversation_at, caseworker_id
    from journey where first_conversation_at is not null`.execute(db);
  await sql`
    insert into journey_event (municipality_id, journey_id, seq, type, payload, occurred_at, actor_id)
    select municipality_id, id, 3, 'VISITATION_DECIDED',
      jsonb_build_object('type', 'VISITATION_DECIDED', 'occurredAt', to_char(visitation_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'actorId', caseworker_id,
        'category', 'activity_ready', 'suggestedCategory', 'activity_ready', 'barriers', jsonb_build_array('mental_health'),
        'eligibility', jsonb_build_object('eligible', true, 'code', 'eligible_activity_ready')),
      visitation_at, caseworker_id
    from journey where visitation_at is not null`.execute(db);
  await sql`
    insert into journey_event (municipality_id, journey_id, seq, type, payload, occurred_at, actor_id)
    select municipality_id, id, 4, 'GROUP_ASSIGNED',
      jsonb_build_object('type', 'GROUP_ASSIGNED', 'occurredAt', to_char(group_joined_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'actorId', caseworker_id,
        'groupId', gen_random_uuid()),
      group_joined_at, caseworker_id
    from journey where group_joined_at is not null`.execute(db);
}
