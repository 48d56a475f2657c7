import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type AppConfig, loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { createTestDatabase, type Engine } from './engines.ts';

export const TEST_SECRET = 'test-secret-for-cpr-keys-0123456789abcdef';

export interface TestContext {
  app: FastifyInstance;
  db: Db;
  engine: Engine;
  config: AppConfig;
  /** Everything the app logged, one JSON line each. */
  logLines: string[];
  /** The clock the app reads (moved by setNow). */
  clock: Clock;
  close(): Promise<void>;
}

/**
 * The app on a fresh database of the given engine. The clock can be moved by the test
 * (`ctx.setNow(...)`) so lockouts and expiry can be checked without waiting.
 */
export async function startTestApp(
  engine: Engine,
  options: { env?: Record<string, string>; now?: Date } = {},
): Promise<TestContext & { setNow(d: Date): void }> {
  const database = await createTestDatabase(engine);
  const config = loadConfig({ LOG_LEVEL: 'info', UNGEFLOW_SECRET: TEST_SECRET, ...options.env });
  let now: Date | undefined = options.now;
  const clock: Clock = () => now ?? new Date();
  const logLines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      callback();
    },
  });
  const app = await buildApp({
    config,
    db: database.db,
    secret: TEST_SECRET,
    clock,
    logStream: stream,
  });
  await app.ready();
  return {
    app,
    db: database.db,
    engine,
    config,
    logLines,
    clock,
    setNow(d: Date) {
      now = d;
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * A second instance of the app on the test's database, with its configuration and clock, as a
 * second server behind the same proxy would be; `db` is the same database seen through another
 * handle (one that counts what the app asks of it, say). The caller closes it.
 */
export async function anotherInstance(ctx: TestContext, db: Db = ctx.db): Promise<FastifyInstance> {
  const app = await buildApp({
    config: ctx.config,
    db,
    secret: TEST_SECRET,
    clock: ctx.clock,
    logStream: new Writable({ write: (_chunk, _encoding, callback) => callback() }),
  });
  await app.ready();
  return app;
}

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}
