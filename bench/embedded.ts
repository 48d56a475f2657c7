/**
 * A new, migrated embedded database, as each test file makes one (createTestDatabase('pglite'),
 * in memory) and as a first start makes one (a new data folder): from the migrated template, and
 * without it (initdb and every migration, as when there is no template). Each run is a process of
 * its own, as a test file's is, so the figures include compiling PGlite's WebAssembly. Prints
 * each run's wall and CPU time, the medians, and the load average before and after.
 *
 *   npm run bench:embedded            (RUNS=3 by default)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import { openDatabase } from '../src/db/database.ts';
import { ensureEmbeddedTemplate } from '../src/db/embedded-template.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import type { Database } from '../src/db/schema.ts';
import { createTestDatabase } from '../tests/support/engines.ts';

const MODES = ['memory, template', 'memory, initdb', 'data folder, template', 'data folder, initdb'] as const;
type Mode = (typeof MODES)[number];
interface Figures {
  wallSeconds: number;
  cpuSeconds: number;
}

/** One new database in this process: the figures of making it, migrated, and closing it. */
async function oneDatabase(mode: Mode): Promise<Figures> {
  const folder = mode.startsWith('data folder') ? await mkdtemp(join(tmpdir(), 'ungeflow-bench-')) : undefined;
  const cpu = process.cpuUsage();
  const started = performance.now();
  try {
    if (mode === 'memory, template') {
      await (await createTestDatabase('pglite')).drop();
    } else if (mode === 'data folder, template') {
      const db = await openDatabase({ engine: 'pglite', dataDir: join(folder!, 'pgdata') });
      await migrateToLatest(db);
      await db.destroy();
    } else {
      // What openDatabase does without a template: a new cluster, then every migration.
      const pglite = await PGlite.create(folder ? { dataDir: join(folder, 'pgdata') } : {});
      const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
      await migrateToLatest(db);
      await db.destroy();
    }
    const used = process.cpuUsage(cpu);
    return { wallSeconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  } finally {
    if (folder) await rm(folder, { recursive: true, force: true });
  }
}

function inChildProcess(mode: Mode): Promise<Figures> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, mode], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(JSON.parse(output) as Figures);
      else reject(new Error(`the run of "${mode}" ended with ${code}`));
    });
  });
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(', ');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

const onlyMode = process.argv[2] as Mode | undefined;
if (onlyMode) {
  if (!MODES.includes(onlyMode)) throw new Error(`unknown mode ${onlyMode}`);
  console.log(JSON.stringify(await oneDatabase(onlyMode)));
} else {
  const runs = Number(process.env.RUNS ?? 3);
  const { made } = await ensureEmbeddedTemplate();
  if (made) console.log('(the template was made first)');
  console.log(`load average before: ${load()}`);
  const figures = new Map<Mode, Figures[]>(MODES.map((mode) => [mode, []]));
  // Round by round, so that a change in the machine's load falls on every mode alike.
  for (let run = 1; run <= runs; run++) {
    for (const mode of MODES) {
      const result = await inChildProcess(mode);
      figures.get(mode)!.push(result);
      console.log(
        `run ${run}, ${mode}: ${result.wallSeconds.toFixed(2)} s wall, ${result.cpuSeconds.toFixed(2)} s CPU`,
      );
    }
  }
  console.log(`load average after: ${load()}`);
  for (const [mode, results] of figures) {
    const wall = median(results.map((r) => r.wallSeconds)).toFixed(2);
    const cpu = median(results.map((r) => r.cpuSeconds)).toFixed(2);
    console.log(`${mode.padEnd(22)} median ${wall} s wall, ${cpu} s CPU (${runs} runs)`);
  }
}
