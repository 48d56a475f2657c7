/**
 * The first start as a new user meets it: `npm start` on a fresh, empty data folder, timed to the
 * moment the log-in page answers 200, and to the moment the demo unit is complete (the server
 * listens while it is added; a log-in waits for it), three times (a new folder each time). Prints
 * each run and the medians, and the split the server's own log gives (the demo seed's line).
 *
 *   npm run bench:start
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const RUNS = Number(process.env.RUNS ?? 3);
const ROOT = new URL('..', import.meta.url).pathname;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function oneStart(): Promise<{ seconds: number; demoSeconds: number; seedLine: string }> {
  const folder = await mkdtemp(join(tmpdir(), 'ungeflow-start-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), UNGEFLOW_DATA_DIR: folder, LOG_LEVEL: 'info', NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stillRunning = () => {
    if (child.exitCode !== null) throw new Error(`npm start ended with ${child.exitCode}:\n${output}`);
  };
  try {
    for (;;) {
      stillRunning();
      try {
        const response = await fetch(`http://127.0.0.1:${port}/login`);
        if (response.status === 200 && (await response.text()).includes('<form')) break;
      } catch {
        // Not listening yet.
      }
      await sleep(50);
    }
    const seconds = (performance.now() - started) / 1000;
    while (!/Demo content:/.test(output)) {
      stillRunning();
      await sleep(50);
    }
    const demoSeconds = (performance.now() - started) / 1000;
    const seedLine = /Demo content:[^"\n]*/.exec(output)?.[0] ?? '(no demo line in the log)';
    return { seconds, demoSeconds, seedLine };
  } finally {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(folder, { recursive: true, force: true });
  }
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(', ');
console.log(`load average before: ${load()}`);
const seconds: number[] = [];
const demoSeconds: number[] = [];
for (let run = 1; run <= RUNS; run++) {
  const result = await oneStart();
  seconds.push(result.seconds);
  demoSeconds.push(result.demoSeconds);
  console.log(
    `run ${run}: ${result.seconds.toFixed(1)} s to a working log-in page, ${result.demoSeconds.toFixed(1)} s to the whole demo unit`,
  );
  // The seed's line ends with its own time: "...; 9.3 s".
  const seedSeconds = /([\d.]+) s$/.exec(result.seedLine)?.[1];
  console.log(`  of which adding the demo unit: ${seedSeconds ? `${seedSeconds} s` : result.seedLine}`);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]?.toFixed(1);
console.log(`load average after: ${load()}`);
console.log(`first start on a fresh data folder: median ${median(seconds)} s to the log-in page`);
console.log(`                                    median ${median(demoSeconds)} s to the whole demo unit`);
