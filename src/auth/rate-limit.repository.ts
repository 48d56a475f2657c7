import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export interface RateLimitCount {
  /** Attempts in the window, this one included. */
  count: number;
  expiresAt: Date;
}

/**
 * Counts one attempt under `key` and returns the count of its window. One statement, so
 * concurrent attempts on several instances each get their own count: PostgreSQL serialises the
 * upsert on the row. A window is over when `now` lies outside it; the attempt then starts a new
 * one (also when the clock was set back, so a window can never outlast its length).
 */
export async function countAttempt(db: Db, key: string, now: Date, windowMs: number): Promise<RateLimitCount> {
  const row = await db
    .insertInto('rate_limit_window')
    .values({ key, window_start: now, expires_at: new Date(now.getTime() + windowMs), count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet(() => {
        const over = sql<boolean>`(rate_limit_window.expires_at <= excluded.window_start
          or rate_limit_window.window_start > excluded.window_start)`;
        return {
          count: sql<number>`case when ${over} then 1 else rate_limit_window.count + 1 end`,
          window_start: sql<Date>`case when ${over} then excluded.window_start else rate_limit_window.window_start end`,
          expires_at: sql<Date>`case when ${over} then excluded.expires_at else rate_limit_window.expires_at end`,
        };
      }),
    )
    .returning(['count', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { count: row.count, expiresAt: row.expires_at };
}

/** Windows that are over count for nothing: a returning client starts a new one anyway. */
export async function deleteExpiredRateLimitWindows(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('rate_limit_window').where('expires_at', '<=', now).execute();
}
