import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = new URL('../..', import.meta.url).pathname;

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Everything the process wrote, standard output and error. */
  output: string[];
  /** Resolves with the exit code (or the signal that ended it). */
  exited: Promise<number | NodeJS.Signals>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Ungeflow in a process of its own (see spawnServer), once /api/health/live answers. */
export async function startServerProcess(options: SpawnOptions): Promise<ServerProcess> {
  return untilLive(await spawnServer(options));
}

export interface SpawnOptions {
  env: Record<string, string>;
  via?: 'npm' | 'node';
}

/**
 * Ungeflow as an operator runs it, in a process of its own: `npm start` (the default) or the
 * node command npm runs. It is started in a process group of its own, so a test can send a
 * signal to the group as a terminal's Ctrl-C does.
 */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    SWEEP_ENABLED: 'false',
    DEMO_SEED: 'false',
    ...options.env,
  };
  const [command, args] =
    options.via === 'node' ? ['node', ['--import', 'tsx', 'src/server.ts']] : ['npm', ['start', '--silent']];
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return { child, port, baseUrl: `http://127.0.0.1:${port}`, output, exited };
}

/** Waits until the server answers /api/health/live; fails when it exits first or takes 90 s. */
export async function untilLive(server: ServerProcess): Promise<ServerProcess> {
  let done: number | NodeJS.Signals | undefined;
  void server.exited.then((result) => (done = result));
  for (const started = Date.now(); Date.now() - started < 90_000; await sleep(200)) {
    if (done !== undefined)
      throw new Error(`the server exited (${done}) before it answered:\n${server.output.join('')}`);
    try {
      if ((await fetch(`${server.baseUrl}/api/health/live`)).ok) return server;
    } catch {
      // not listening yet
    }
  }
  killGroup(server, 'SIGKILL');
  throw new Error(`the server did not answer within 90 s:\n${server.output.join('')}`);
}

/** A signal to the server's whole process group (npm and the node process it started). */
export function killGroup(server: ServerProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.child.pid!, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Waits until the process has written a line matching the pattern. */
export async function untilOutput(server: ServerProcess, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(100)) {
    const line = server.output
      .join('')
      .split('\n')
      .find((l) => pattern.test(l));
    if (line) return line;
  }
  throw new Error(`no output matching ${pattern} within ${timeoutMs} ms:\n${server.output.join('')}`);
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
