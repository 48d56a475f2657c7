import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { isDatabaseUnavailable, type Db } from './database.ts';
import { createMigrator } from './migrator.ts';

export class DatabaseUnreachableError extends Error {}

/**
 * Waits for the database to answer, as a server started together with its database (a
 * container set, a reboot) must: retries with growing pauses up to `waitSeconds`, telling the
 * log what it waits for, then gives up with a message that says so. Errors that are not about
 * reaching the server (a wrong password, a missing database) are not waited out.
 */
export async function waitForDatabase(
  db: Db,
  options: { waitSeconds: number; target: string; log: (message: string) => void },
): Promise<void> {
  const deadline = Date.now() + options.waitSeconds * 1000;
  for (let attempt = 1, pause = 500; ; attempt++, pause = Math.min(pause * 2, 5000)) {
    try {
      await sql`select 1`.execute(db);
      if (attempt > 1) options.log(`${options.target} answers; starting.`);
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      const reason = (error as Error).message || String(error);
      if (Date.now() + pause > deadline) {
        throw new DatabaseUnreachableError(
          `Could not reach ${options.target} within ${options.waitSeconds} s (DATABASE_WAIT_SECONDS): ${reason}`,
          { cause: error },
        );
      }
      options.log(`Waiting for ${options.target} (${reason}); trying again in ${pause / 1000} s.`);
      await sleep(pause);
    }
  }
}

export type Readiness =
  | { ready: true }
  | { ready: false; database: 'unreachable' | 'reachable'; migrations: 'unknown' | 'pending' | 'current' };

/**
 * Whether this instance can serve: the database answers, and every migration this code knows has
 * run (an instance of a newer release waits for the migration; an older one keeps serving).
 */
export async function checkReadiness(db: Db, timeoutMs = 2000): Promise<Readiness> {
  const check = async (): Promise<Readiness> => {
    const migrations = await createMigrator(db).getMigrations();
    return migrations.every((m) => m.executedAt)
      ? { ready: true }
      : { ready: false, database: 'reachable', migrations: 'pending' };
  };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Readiness>((resolve) => {
    timer = setTimeout(() => resolve({ ready: false, database: 'unreachable', migrations: 'unknown' }), timeoutMs);
  });
  try {
    return await Promise.race([check(), timeout]);
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { ready: false, database: 'unreachable', migrations: 'unknown' };
  } finally {
    clearTimeout(timer);
  }
}
