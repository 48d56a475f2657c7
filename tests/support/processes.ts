import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { type Db, openDatabase } from '../../src/db/database.ts';
import { TEST_SECRET } from './app.ts';
import { createPostgresDatabase, type Engine } from './engines.ts';

/** What the configuration reads from the environment to find the database; a test sets its own. */
const DATABASE_VARIABLES = ['DATABASE_URL', 'UNGEFLOW_DATA_DIR', 'UNGEFLOW_SECRET', 'DEMO_SEED'];

export interface CommandResult {
  /** The exit code; null when the process was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's npm scripts as an operator would (`npm run <script> -- <args>`), in a
 * process of its own with the given environment. Nothing of the test's own database settings
 * leaks into it.
 */
export function runScript(
  script: string,
  args: readonly string[],
  env: Record<string, string>,
): Promise<CommandResult> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !DATABASE_VARIABLES.includes(key)),
  ) as Record<string, string>;
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', script, '--', ...args], {
      cwd: join(import.meta.dirname, '..', '..'),
      env: { ...inherited, npm_config_update_notifier: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
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
