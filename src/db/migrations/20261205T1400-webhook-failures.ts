import { type Kysely, sql } from 'kysely';

/**
 * A delivery that used up its attempts is marked failed with the time of its last attempt, so an
 * administrator sees it and can send it again; before, it stayed unmarked and out of sight.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webhook_delivery').addColumn('failed_at', 'timestamptz').execute();
  // Deliveries that failed before: 8 was the last attempt then, after which the next one was
  // planned 2^7 minutes later and never made. That time less 128 minutes is the last attempt.
  await sql`
    update webhook_delivery set failed_at = next_attempt_at - interval '128 minutes'
    where delivered_at is null and attempts >= 8`.execute(db);
  // The queue is what is neither delivered nor failed; failed deliveries are read per municipality.
  await sql`drop index webhook_delivery_pending_idx`.execute(db);
  await sql`
    create index webhook_delivery_pending_idx on webhook_delivery (next_attempt_at)
    where delivered_at is null and failed_at is null`.execute(db);
  await sql`
    create index webhook_delivery_failed_idx on webhook_delivery (municipality_id, failed_at)
    where failed_at is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index webhook_delivery_failed_idx`.execute(db);
  await sql`drop index webhook_delivery_pending_idx`.execute(db);
  await sql`create index webhook_delivery_pending_idx on webhook_delivery (next_attempt_at) where delivered_at is null`.execute(
    db,
  );
  await db.schema.alterTable('webhook_delivery').dropColumn('failed_at').execute();
}
