/**
 * How long the youth search takes when it compares names in code (src/youth/name-match.ts): a
 * municipality with 5,000 youth on PGlite, each search run 30 times through findYouth (which
 * reads every name of the municipality, ranks them, reads the page and audits the search).
 * Prints the median and the 95th percentile for a misspelt name, an exact name and a date of birth.
 *
 *   npm run bench:search
 */
import type { Actor } from '../src/auth/actor.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { createAppDeps } from '../src/deps.ts';
import { insertMunicipality } from '../src/municipalities/municipality.repository.ts';
import { findYouth } from '../src/youth/youth.service.ts';

const YOUTH = 5000;
const ROUNDS = 30;
const SECRET = 'bench-secret-for-cpr-keys-0123456789abcdef';
const FIRST = ['Mikkel', 'Freja', 'Noah', 'Emma', 'Oliver', 'Ida', 'Lucas', 'Sofie', 'Ali', 'Sara', 'Jonas', 'Laura'];
const LAST = ['Hansen', 'Jensen', 'Nielsen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen'];

const db = await openDatabase({ engine: 'pglite', dataDir: undefined });
await migrateToLatest(db);
const deps = await createAppDeps({
  db,
  config: loadConfig({ LOG_LEVEL: 'silent', UNGEFLOW_SECRET: SECRET }),
  secret: SECRET,
});
const municipality = await insertMunicipality(db, 'Bench Kommune');
const rows = Array.from({ length: YOUTH }, (_, i) => ({
  municipality_id: municipality.id,
  name: `${FIRST[i % FIRST.length]} ${String.fromCharCode(65 + (i % 26))}. ${LAST[(i * 7) % LAST.length]}${i}`,
  cpr_encrypted: `bench-${i}`,
  cpr_hash: `bench-${i}`,
  birth_date: `${1997 + (i % 12)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
}));
for (let i = 0; i < rows.length; i += 500)
  await db
    .insertInto('youth')
    .values(rows.slice(i, i + 500))
    .execute();
const actor: Actor = {
  userId: (
    await db
      .insertInto('app_user')
      .values({ municipality_id: municipality.id, email: 'b@b.dk', name: 'B', role: 'caseworker', password_hash: 'x' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id,
  municipalityId: municipality.id,
  role: 'caseworker',
  name: 'B',
  email: 'b@b.dk',
  passwordMustChange: false,
  via: { kind: 'session', sessionId: 'bench' },
  ip: null,
  requestId: null,
};

for (const query of ['mikel hansn', 'Sofie', '010203']) {
  const times: number[] = [];
  let total = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    total = (await findYouth(deps, actor, { query, page: 1, pageSize: 50 })).total;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
  console.log(`${query.padEnd(16)} ${String(total).padStart(5)} found   median ${at(0.5)} ms   p95 ${at(0.95)} ms`);
}
await db.destroy();
