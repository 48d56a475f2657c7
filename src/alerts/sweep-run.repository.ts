import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * The sweep's record of its runs (sweep_run), and the PostgreSQL advisory lock that lets one
 * instance sweep at a time. The lock belongs to a session: take and release it on the same
 * connection.
 */

/** Takes the advisory lock `key` on the connection unless another session holds it; whether it did. */
export async function tryAdvisoryLock(conn: Db, key: bigint): Promise<boolean> {
  const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(conn);
  return rows[0]?.locked ?? false;
}

export async function releaseAdvisoryLock(conn: Db, key: bigint): Promise<void> {
  await sql`select pg_advisory_unlock(${key})`.execute(conn);
}

/** Records a sweep that has begun; its id. */
export async function insertSweepRun(
  db: Db,
  run: { startedAt: Date; asOf: string; trigger: string; ruleSetVersion: string },
): Promise<string> {
  const row = await db
    .insertInto('sweep_run')
    .values({
      started_at: run.startedAt,
      as_of: run.asOf,
      trigger: run.trigger,
      rule_set_version: run.ruleSetVersion,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function finishSweepRun(
  db: Db,
  id: string,
  outcome: { finishedAt: Date; journeys: number; opened: number; resolved: number; escalated: number },
): Promise<void> {
  await db
    .updateTable('sweep_run')
    .set({
      finished_at: outcome.finishedAt,
      journeys: outcome.journeys,
      opened: outcome.opened,
      resolved: outcome.resolved,
      escalated: outcome.escalated,
    })
    .where('id', '=', id)
    .execute();
}

export async function failSweepRun(db: Db, id: string, failure: { finishedAt: Date; error: string }): Promise<void> {
  await db
    .updateTable('sweep_run')
    .set({ finished_at: failure.finishedAt, error: failure.error })
    .where('id', '=', id)
    .execute();
}

/** When the last completed sweep started, or null. */
export async function lastSweepAt(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('sweep_run')
    .select('started_at')
    .where('finished_at', 'is not', null)
    .where('error', 'is', null)
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.started_at ?? null;
}

/** The version of the risk rules the last completed sweep ran, or null. */
export async function lastCompletedRuleSetVersion(db: Db): Promise<string | null> {
  const row = await db
    .selectFrom('sweep_run')
    .select('rule_set_version')
    .where('finished_at', 'is not', null)
    .where('error', 'is', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.rule_set_version ?? null;
}
