import { PGlite } from '@electric-sql/pglite';
const counts = new Map<string, { n: number; ms: number }>();
const orig = PGlite.prototype.query;
(PGlite.prototype as any).query = async function (this: any, q: string, params?: any, opts?: any) {
  const t = performance.now();
  try { return await orig.call(this, q, params, opts); } finally {
    const k = q.replace(/\s+/g, ' ').slice(0, 140);
    const e = counts.get(k) ?? { n: 0, ms: 0 }; e.n++; e.ms += performance.now() - t; counts.set(k, e);
  }
};
const { openDatabase } = await import('./src/db/database.ts');
const { migrateToLatest } = await import('./src/db/migrator.ts');
const { seedDemo } = await import('./src/demo/seed.ts');
const { createAppDeps } = await import('./src/deps.ts');
const { loadConfig } = await import('./src/config.ts');
const { loadRuleSets } = await import('./src/rules/rule-set.loader.ts');
const config = loadConfig({ ...process.env, UNGEFLOW_SECRET: 'x'.repeat(40) } as any);
const { Kysely, PGliteDialect } = await import('kysely');
const db0 = await openDatabase({ engine: 'pglite', dataDir: undefined });
await migrateToLatest(db0);
const pgl = (db0 as any).getExecutor().adapter ? null : null;
const pglite = await PGlite.create({ parsers: { 1082: (v: string) => v, 20: (v: string) => v }, loadDataDir: new Blob([await (await import('node:fs/promises')).readFile((await import('node:fs')).readdirSync('node_modules/.cache/ungeflow').map((f) => 'node_modules/.cache/ungeflow/' + f)[0])]) });
const db = new Kysely<any>({ dialect: new PGliteDialect({ pglite }), log: (e: any) => { if (e.level !== 'query') return; const k = e.query.sql.replace(/\s+/g, ' ').slice(0, 140); const c = counts.get(k) ?? { n: 0, ms: 0 }; c.n++; c.ms += e.queryDurationMillis; counts.set(k, c); } });
const ruleSets = await loadRuleSets();
const deps = await createAppDeps({ db, config, secret: 'x'.repeat(40), ruleSets } as any);
counts.clear();
await seedDemo(deps);
let total = 0, tms = 0; for (const e of counts.values()) { total += e.n; tms += e.ms; }
console.log('queries', total, 'ms', tms.toFixed(0));
for (const [k, e] of [...counts].sort((a, b) => b[1].n - a[1].n).slice(0, 45)) console.log(String(e.n).padStart(5), e.ms.toFixed(0).padStart(6), k);
process.exit(0);
