import { mkdir } from 'node:fs/promises';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.ts';
import { hasEmbeddedDatabase, restrictToOwner } from './data-folder.ts';
import { copyEmbeddedTemplate, embeddedTemplateTarball } from './embedded-template.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;

const DATE_OID = 1082;
const INT8_OID = 20;

/** Told about every connection the server loses outside a query (see openDatabase). */
export type ConnectionErrorListener = (error: Error) => void;

const pools = new WeakMap<Db, pg.Pool>();
const connectionErrorListeners = new WeakMap<pg.Pool, ConnectionErrorListener>();

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
        max: config.poolSize ?? 10,
        // A connection attempt to a server that does not answer (a cut network) fails after this
        // rather than leaving the request waiting for ever; the request then answers 503.
        connectionTimeoutMillis: (config.connectTimeoutSeconds ?? 5) * 1000,
        // Lets the operating system notice a connection that a firewall dropped silently.
        keepAlive: true,
        application_name: 'ungeflow',
        types: {
          getTypeParser: (oid: number, format?: 'text' | 'binary') => {
            if (oid === DATE_OID || oid === INT8_OID) return (value: string) => value;
            return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
          },
        },
      });
      handleConnectionErrors(pool);
      const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
      pools.set(db, pool);
      return db;
    }
    case 'pglite': {
      // A new database starts as a copy of the migrated template when there is one (see
      // src/db/embedded-template.ts): copied into a new data folder, or loaded into memory.
      let loadDataDir: Blob | undefined;
      if (config.dataDir) {
        await mkdir(config.dataDir, { recursive: true });
        if (!hasEmbeddedDatabase(config.dataDir)) await copyEmbeddedTemplate(config.dataDir);
      } else {
        loadDataDir = await embeddedTemplateTarball();
      }
      const pglite = await PGlite.create({
        ...(config.dataDir ? { dataDir: config.dataDir } : {}),
        ...(loadDataDir ? { loadDataDir } : {}),
        parsers: {
          [pgliteTypes.DATE]: (value: string) => value,
          [pgliteTypes.INT8]: (value: string) => value,
        },
      });
      // A new database's files arrive world-readable; see src/db/data-folder.ts.
      if (config.dataDir) await restrictToOwner(config.dataDir);
      return new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    }
  }
}

/**
 * A connection the server closes (a restart, a failover, pg_terminate_backend, a firewall)
 * while no query runs on it is reported as an 'error' event: on the pool for an idle
 * connection, on the client for one a transaction holds between two statements. Node ends the
 * process on an 'error' event nobody listens to, so both always have a listener. The lost
 * connection is not reused: the pool drops it, and a transaction that held it fails with its
 * next statement (answered 503, see isDatabaseUnavailable).
 */
function handleConnectionErrors(pool: pg.Pool): void {
  const report = (error: Error) => {
    const listener = connectionErrorListeners.get(pool);
    if (listener) listener(error);
    else console.error(`Lost a database connection: ${error.message}`);
  };
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
}

/** Where lost connections of the PostgreSQL pool are reported (the app's log); no-op on PGlite. */
export function onConnectionError(db: Db, listener: ConnectionErrorListener | undefined): void {
  const pool = pools.get(db);
  if (!pool) return;
  if (listener) connectionErrorListeners.set(pool, listener);
  else connectionErrorListeners.delete(pool);
}

// Node's socket errors when the server cannot be reached or the connection broke.
const unreachableSocketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);
// PostgreSQL's: class 08 (connection exception), the server shutting down or starting
// (57P01-57P03), and no connection slot free (53300).
const unavailableSqlStates = new Set(['57P01', '57P02', '57P03', '53300']);
// pg's own, which carry no code.
const unavailableMessages = [
  /^Connection terminated/,
  /connection error and is not queryable/,
  /^timeout exceeded when trying to connect$/,
  /^Client was closed and is not queryable$/,
];

/**
 * Whether an error means the database is out of reach rather than that the request was wrong:
 * such errors answer 503 ("try again in a moment"), and are not a fault in Ungeflow.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (
    let e = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      if (unreachableSocketCodes.has(code) || unavailableSqlStates.has(code) || code.startsWith('08')) return true;
    }
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    if (typeof message === 'string' && unavailableMessages.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/** "host:port/database" of a PostgreSQL URL, for messages: never the user or password. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.engine === 'pglite') return `the embedded database in ${config.dataDir ?? 'memory'}`;
  const url = new URL(config.url);
  return `PostgreSQL at ${url.hostname || 'localhost'}:${url.port || '5432'}${url.pathname}`;
}
