import { mkdir } from 'node:fs/promises';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

const DATE_OID = 1082;
const INT8_OID = 20;

/** The pg pool behind each PostgreSQL database, for poolStats. */
const pools = new WeakMap<Db, pg.Pool>();

/** How a database's connections are used now; undefined for PGlite, which is one connection and no pool. */
export function poolStats(db: Db): { max: number; total: number; idle: number; waiting: number } | undefined {
  const pool = pools.get(db);
  if (!pool) return undefined;
  return { max: pool.options.max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/**
 * Opens the database. Both engines are configured to hand back the same JavaScript types:
 * `date` as a 'YYYY-MM-DD' string and int8 (count(), bigint ids) as a string; repositories
 * map those to domain types.
 *
 * PGlite is a single connection. Kysely's PGlite adapter declares that, so kysely holds a mutex
 * around every connection use: a transaction keeps the connection until it commits or rolls
 * back and every other query waits. Code inside a transaction must therefore use the
 * transaction object, never the outer `db`, or it waits for itself.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Db> {
  switch (config.engine) {
    case 'postgres': {
      const pool = new pg.Pool({
        connectionString: config.url,
        max: 10,
        types: {
          getTypeParser: (oid: number, format?: 'text' | 'binary') => {
            if (oid === DATE_OID || oid === INT8_OID) return (value: string) => value;
            return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
          },
        },
      });
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      pools.set(db, pool);
      return db;
    }
    case 'pglite': {
      if (config.dataDir) await mkdir(config.dataDir, { recursive: true });
      const pglite = await PGlite.create({
        ...(config.dataDir ? { dataDir: config.dataDir } : {}),
        parsers: {
          [pgliteTypes.DATE]: (value: string) => value,
          [pgliteTypes.INT8]: (value: string) => value,
        },
      });
      return new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    }
  }
}
