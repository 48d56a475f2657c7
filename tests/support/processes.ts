import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '../../src/config.ts';
import { type Db, openDatabase } from '../../src/db/database.ts';
import { TEST_SECRET } from './app.ts';
import { createPostgresDatabase, type Engine } from './engines.ts';

/**
 * Ungeflow's own commands as real processes: the server and the CLIs, started as an operator
 * starts them (`npm start`, or node with tsx), under a chosen umask and with only the environment
 * given. Each runs in a process group of its own, so a test can signal the group as a terminal's
 * Ctrl-C does.
 */

const ROOT = new URL('../..', import.meta.url).pathname;

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

const running = new Set<ChildProcess>();

function start(
  command: string[],
  env: Record<string, string>,
  umask: string,
): { child: ChildProcess; output: { stdout: string; stderr: string } } {
  // The shell sets the umask and then becomes the command, so the child's pid is the command's.
  const child = spawn('sh', ['-c', `umask ${umask}; exec "$0" "$@"`, ...command], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  return { child, output };
}

const nodeScript = (script: string, args: string[]) => [process.execPath, '--import', 'tsx', script, ...args];

/** Runs a command to its end, e.g. `runCommand('src/db/backup.cli.ts', ['--to', file], env)`. */
export async function runCommand(
  script: string,
  args: string[],
  env: Record<string, string>,
  umask = '0022',
): Promise<Finished> {
  const { child, output } = start(nodeScript(script, args), env, umask);
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, ...output };
}

/**
 * Runs one of the project's npm scripts as an operator would (`npm run <script> -- <args>`), with
 * only the environment given: nothing of the test's own database settings leaks into it.
 */
export async function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<Finished> {
  const { child, output } = start(['npm', 'run', '--silent', script, '--', ...args], env, '0022');
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, ...output };
}

/** An empty database for a command to run on, found as the server finds its own: by the environment. */
export interface ProcessDatabase {
  /** The environment that points a process at it (with a secret, which PostgreSQL requires). */
  env: Record<string, string>;
  /**
   * Opens it in the test's own process. The embedded database is one process's at a time: close
   * what this returns before a command runs on it again.
   */
  open(): Promise<Db>;
  drop(): Promise<void>;
}

/**
 * Nothing in it, not even the migrations: a fresh database on the PostgreSQL server, or an empty
 * data folder for the embedded database.
 */
export async function createProcessDatabase(engine: Engine): Promise<ProcessDatabase> {
  if (engine === 'postgres') {
    const server = await createPostgresDatabase();
    return {
      env: { DATABASE_URL: server.url, UNGEFLOW_SECRET: TEST_SECRET },
      open: () => openDatabase({ engine: 'postgres', url: server.url }),
      drop: () => server.drop(),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'ungeflow-process-'));
  const env = { UNGEFLOW_DATA_DIR: dataDir, UNGEFLOW_SECRET: TEST_SECRET };
  return {
    env,
    open: () => openDatabase(loadConfig(env).database),
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** A port nothing listens on just now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** Everything the process has written so far, standard output and error together. */
  output(): string;
  /** Resolves with the exit code, or the signal that ended the process. */
  exited: Promise<number | NodeJS.Signals>;
  /** SIGTERM, then what the process printed and its exit code. */
  stop(): Promise<Finished>;
}

export interface ServerOptions {
  /** `npm start` as an operator runs it, or the node command it runs (the default). */
  via?: 'npm' | 'node';
  umask?: string;
}

/** Starts the server on a free port without waiting for it (see untilLive). */
export async function spawnServer(env: Record<string, string>, options: ServerOptions = {}): Promise<ServerProcess> {
  const port = await freePort();
  const command = options.via === 'npm' ? ['npm', 'start', '--silent'] : nodeScript('src/server.ts', []);
  const { child, output } = start(
    command,
    { LOG_LEVEL: 'info', SWEEP_ENABLED: 'false', DEMO_SEED: 'false', ...env, PORT: String(port), HOST: '127.0.0.1' },
    options.umask ?? '0022',
  );
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    child,
    pid: child.pid!,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => output.stdout + output.stderr,
    exited,
    async stop() {
      child.kill('SIGTERM');
      const result = await exited;
      return { code: typeof result === 'number' ? result : null, ...output };
    },
  };
}

/**
 * Starts the server on a free port and waits until /api/health/live answers. Rejects with the
 * server's output when it exits before that.
 */
export async function startServer(env: Record<string, string>, options: ServerOptions = {}): Promise<ServerProcess> {
  return untilLive(await spawnServer(env, options));
}

/** Waits until the server answers /api/health/live; fails when it exits first or takes 90 s. */
export async function untilLive(server: ServerProcess): Promise<ServerProcess> {
  let ended: number | NodeJS.Signals | undefined;
  void server.exited.then((result) => (ended = result));
  for (const started = Date.now(); Date.now() - started < 90_000; await sleep(200)) {
    if (ended !== undefined) throw new Error(`the server exited with ${ended} before answering:\n${server.output()}`);
    try {
      if ((await fetch(`${server.url}/api/health/live`)).ok) return server;
    } catch {
      // Not listening yet.
    }
  }
  killGroup(server, 'SIGKILL');
  throw new Error(`the server did not answer within 90 s:\n${server.output()}`);
}

/** Waits until the process has written a line matching the pattern, and returns the line. */
export async function untilOutput(server: ServerProcess, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(100)) {
    const line = server
      .output()
      .split('\n')
      .find((l) => pattern.test(l));
    if (line) return line;
  }
  throw new Error(`no output matching ${pattern} within ${timeoutMs} ms:\n${server.output()}`);
}

/** A signal to the server's whole process group (npm and the node process it started). */
export function killGroup(server: ServerProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Whether anything still accepts connections on the port. */
export async function isListening(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/api/health/live`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

/** Ends the processes a test started and left running (after a failed assertion). */
export async function stopAll(): Promise<void> {
  for (const child of running) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = once(child, 'exit');
    process.kill(-child.pid!, 'SIGKILL');
    await exited;
  }
}
