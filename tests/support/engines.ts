import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { type Db, openDatabase } from '../../src/db/database.ts';
import { migrateToLatest } from '../../src/db/migrator.ts';

export type Engine = 'pglite' | 'postgres';

const postgresUrl = process.env.TEST_DATABASE_URL;

if (process.env.CI && !postgresUrl) {
  // In CI both engines must run; a missing server is a failure, never a silent skip.
  throw new Error('CI is set but TEST_DATABASE_URL is not: the PostgreSQL run would be skipped');
}

/** The engines the database tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const engines: Engine[] = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase {
  db: Db;
  engine: Engine;
  /** The database's URL on PostgreSQL (for a server process started on it); undefined on PGlite. */
  url: string | undefined;
  drop(): Promise<void>;
}

/** A new, migrated, empty database: in memory for PGlite, a fresh database on the server for PostgreSQL. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const db = await openDatabase({ engine: 'pglite', dataDir: undefined });
    await migrateToLatest(db);
    return { db, engine, url: undefined, drop: () => db.destroy() };
  }
  const server = await createPostgresDatabase();
  const db = await openDatabase({ engine: 'postgres', url: server.url });
  await migrateToLatest(db);
  return {
    db,
    engine,
    url: server.url,
    async drop() {
      await db.destroy();
      await server.drop();
    },
  };
}

export interface PostgresTestDatabase {
  /** Its URL, e.g. for DATABASE_URL of a process the test starts. */
  url: string;
  /** Drops it; every connection to it must have been closed. */
  drop(): Promise<void>;
}

/** A fresh database on the TEST_DATABASE_URL server, not migrated: nothing in it at all. */
export async function createPostgresDatabase(): Promise<PostgresTestDatabase> {
  if (!postgresUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `ungeflow_test_${randomBytes(6).toString('hex')}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: postgresUrl, max: 1 }) }),
  });
  await sql`create database ${sql.id(name)}`.execute(admin);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      // The pool's connections close asynchronously on the server; wait for them rather than
      // forcing them closed (which would surface as errors in the ending clients).
      for (let attempt = 0; ; attempt++) {
        try {
          await sql`drop database ${sql.id(name)}`.execute(admin);
          break;
        } catch (error) {
          if (attempt >= 50 || (error as { code?: string }).code !== '55006') throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await admin.destroy();
    },
  };
}
