/**
 * How long writing an audit entry takes: each entry in a transaction of its own, as a request
 * writes it, one writer at a time and eight at once in one municipality (the entries of a
 * municipality are chained one at a time, docs/decisions/0010). Prints entries per second and the
 * median and 95th percentile per entry, the fastest of three rounds.
 *
 *   npm run bench:audit                      on the embedded database (PGlite)
 *   TEST_DATABASE_URL=postgres://... npm run bench:audit    also on a fresh database on that server
 */
import { appendAudit } from '../src/audit/audit.repository.ts';
import { type Db, openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { createPostgresDatabase } from '../tests/support/engines.ts';

const ENTRIES = 2000;

async function measure(db: Db, municipalityId: string, userId: string, writers: number) {
  const times: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < ENTRIES) {
        next++;
        const t0 = performance.now();
        await db.transaction().execute((trx) =>
          appendAudit(trx, {
            municipalityId,
            userId,
            action: 'youth.read',
            youthId: null,
            details: { criteria: { page: 1 }, resultCount: 3 },
            ip: '127.0.0.1',
            requestId: 'bench',
          }),
        );
        times.push(performance.now() - t0);
      }
    }),
  );
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { perSecond: Math.round((ENTRIES / total) * 1000), median: at(0.5), p95: at(0.95) };
}

async function run(name: string, db: Db) {
  await migrateToLatest(db);
  const municipality = await db
    .insertInto('municipality')
    .values({ name: 'Benchmark Kommune', settings: JSON.stringify({}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto('app_user')
    .values({
      municipality_id: municipality.id,
      email: 'bench@example.dk',
      name: 'Bench',
      role: 'caseworker',
      password_hash: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const writers of name === 'PGlite' ? [1] : [1, 8]) {
    let best: Awaited<ReturnType<typeof measure>> | undefined;
    for (let round = 0; round < 3; round++) {
      const result = await measure(db, municipality.id, user.id, writers);
      if (!best || result.perSecond > best.perSecond) best = result;
    }
    console.log(
      `${name}, ${writers} writer(s): ${best?.perSecond} entries/s, median ${best?.median.toFixed(2)} ms, p95 ${best?.p95.toFixed(2)} ms`,
    );
  }
}

const pglite = await openDatabase({ engine: 'pglite', dataDir: undefined });
await run('PGlite', pglite);
await pglite.destroy();
if (process.env.TEST_DATABASE_URL) {
  const server = await createPostgresDatabase();
  const db = await openDatabase({ engine: 'postgres', url: server.url, poolSize: 10 });
  try {
    await run('PostgreSQL', db);
  } finally {
    await db.destroy();
    await server.drop();
  }
}
