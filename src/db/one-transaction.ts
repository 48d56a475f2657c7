import { sql } from 'kysely';
import type { Db } from './database.ts';

/** What `work` is handed: the database inside the one transaction, and savepoints to try a part with. */
export interface OneTransaction {
  /** The transaction as a Db: a service's own `db.transaction().execute(...)` runs in a savepoint of it. */
  db: Db;
  /** Runs `part` in a savepoint: when it throws, what it wrote is undone and the error passed on. */
  attempt: <T>(part: () => Promise<T>) => Promise<T>;
}

/**
 * Runs `work` in one transaction, through services that open their own transactions: on the Db it
 * is handed, `transaction().execute(fn)` becomes a savepoint of the one transaction, so a service
 * that fails undoes only its own part, as it would alone, and nothing is committed until the end.
 * `commit(result)` decides at the end whether the whole is kept or undone (a check that only
 * reports, a batch in which one part failed). Everything else on the Db is the transaction's own.
 *
 * On the embedded database the transaction holds the one connection until it ends: other requests
 * wait for it (src/db/database.ts), so this is for work that must be all or nothing, such as an
 * import, and not for long-running jobs.
 */
export async function inOneTransaction<T>(
  db: Db,
  work: (transaction: OneTransaction) => Promise<T>,
  commit: (result: T) => boolean,
): Promise<T> {
  const trx = await db.startTransaction().execute();
  let savepoints = 0;
  const attempt = async <R>(part: () => Promise<R>): Promise<R> => {
    savepoints += 1;
    const name = sql.id(`part_${savepoints}`);
    await sql`savepoint ${name}`.execute(trx);
    try {
      const result = await part();
      await sql`release savepoint ${name}`.execute(trx);
      return result;
    } catch (error) {
      await sql`rollback to savepoint ${name}`.execute(trx);
      throw error;
    }
  };
  // Kysely's classes keep their state in private fields, which a proxy's own `this` cannot reach:
  // every method runs on the transaction itself.
  const nested = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') {
        return () => ({ execute: <R>(fn: (inner: Db) => Promise<R>) => attempt(() => fn(nested)) });
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Db;

  let result: T;
  try {
    result = await work({ db: nested, attempt });
  } catch (error) {
    await trx.rollback().execute();
    throw error;
  }
  if (commit(result)) await trx.commit().execute();
  else await trx.rollback().execute();
  return result;
}
