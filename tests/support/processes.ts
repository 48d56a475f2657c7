import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/**
 * Ungeflow's own commands as real processes: the server and the CLIs, started as an operator
 * starts them (node with tsx), under a chosen umask and with only the environment given.
 */

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

const running = new Set<ChildProcess>();

function start(script: string, args: string[], env: Record<string, string>, umask: string): ChildProcess {
  // The shell sets the umask and then becomes node, so the child's pid is node's.
  const child = spawn(
    'sh',
    ['-c', `umask ${umask}; exec "$0" "$@"`, process.execPath, '--import', 'tsx', script, ...args],
    { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env } },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function collect(child: ChildProcess) {
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  return output;
}

/** Runs a command to its end, e.g. `runCommand('src/db/backup.cli.ts', ['--to', file], env)`. */
export async function runCommand(
  script: string,
  args: string[],
  env: Record<string, string>,
  umask = '0022',
): Promise<Finished> {
  const child = start(script, args, env, umask);
  const output = collect(child);
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, ...output };
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
  pid: number;
  url: string;
  /** SIGTERM, then what the process printed and its exit code. */
  stop(): Promise<Finished>;
}

/**
 * Starts `src/server.ts` on a free port and waits until /api/health answers. Rejects with the
 * server's output when it exits before that.
 */
export async function startServer(env: Record<string, string>, umask = '0022'): Promise<ServerProcess> {
  const port = await freePort();
  const child = start('src/server.ts', [], { ...env, PORT: String(port), HOST: '127.0.0.1' }, umask);
  const output = collect(child);
  const exited = once(child, 'exit') as Promise<[number | null]>;
  const url = `http://127.0.0.1:${port}`;
  let ended = false;
  void exited.then(() => (ended = true));
  for (;;) {
    if (ended) {
      const [code] = await exited;
      throw new Error(`the server exited with ${code} before answering:\n${output.stdout}\n${output.stderr}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    pid: child.pid!,
    url,
    async stop() {
      child.kill('SIGTERM');
      const [code] = await exited;
      return { code, ...output };
    },
  };
}

/** Ends the processes a test started and left running (after a failed assertion). */
export async function stopAll(): Promise<void> {
  for (const child of running) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}
