import { type Kysely, sql } from 'kysely';

/**
 * Each open journey's next risk check day moves from the journey row to a narrow table of its
 * own (docs/decisions/0003-sweep-reads-only-journeys-due.md). The nightly sweep rewrites the day
 * of every journey it reads; on the wide journey row each such update wrote a new row version
 * into all its indexes. Here a row is a key and a day, the day has no index (the table is small
 * enough to read whole), and the free space left on each page lets the update stay on its page
 * without touching the key's index.
 *
 * A journey with a row whose day is null is due at the next sweep (never checked, or its
 * municipality changed its thresholds); a journey without a row is not checked by the nightly
 * sweep (it is closed). The days of open journeys carry over; a closed journey's day was never read.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table journey_risk_check (
    journey_id uuid primary key references journey (id) on delete cascade,
    check_on date
  ) with (fillfactor = 70)`.execute(db);
  await sql`insert into journey_risk_check (journey_id, check_on) select id, risk_check_on from journey where open`.execute(
    db,
  );
  await sql`drop index journey_risk_check_idx`.execute(db);
  await db.schema.alterTable('journey').dropColumn('risk_check_on').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('journey').addColumn('risk_check_on', 'date').execute();
  await sql`update journey set risk_check_on = c.check_on from journey_risk_check c where c.journey_id = journey.id`.execute(
    db,
  );
  await sql`create index journey_risk_check_idx on journey (risk_check_on) where open`.execute(db);
  await db.schema.dropTable('journey_risk_check').execute();
}
