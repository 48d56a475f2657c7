import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedTemplateFolder, ensureEmbeddedTemplate } from '../../src/db/embedded-template.ts';
import { runCommand, stopAll } from '../support/processes.ts';

// A new embedded database is a copy of the migrated template (src/db/embedded-template.ts). A
// copy of a cluster that was not shut down cleanly starts with recovery, which leaves a timer
// armed in PGlite after close, and a command that opened one never ended. Each command here opens
// a new database, closes it and must then exit on its own, with no timer left.

/** Long enough for a loaded machine; the left timer kept the process alive for ever. */
const EXIT_LIMIT_MS = 90_000;

let root: string;

beforeAll(async () => {
  await ensureEmbeddedTemplate();
  root = await mkdtemp(join(tmpdir(), 'ungeflow-template-'));
}, 300_000);
afterAll(async () => {
  await stopAll();
  await rm(root, { recursive: true, force: true });
});

/** Runs a script to its end, or fails once the limit has passed (and ends the process). */
async function runToExit(script: string, args: string[]) {
  const run = runCommand(script, args, { LOG_LEVEL: 'silent' });
  const limit = new Promise<'too long'>((resolve) => setTimeout(() => resolve('too long'), EXIT_LIMIT_MS).unref());
  const finished = await Promise.race([run, limit]);
  if (finished === 'too long') {
    await stopAll();
    throw new Error(`${script} did not exit within ${EXIT_LIMIT_MS / 1000} s of starting`);
  }
  return finished;
}

describe('a new embedded database from the template', () => {
  it('is in place after the install or the test set-up, made from a cleanly shut down cluster', async () => {
    const folder = await embeddedTemplateFolder();
    expect(existsSync(join(folder, 'pgdata.tar'))).toBe(true);
    // PostgreSQL's control file: state 1 is DB_SHUTDOWNED, after a clean shutdown; a running or
    // crashed cluster says 6 (in production). The state is the first 4 bytes after the 8-byte system
    // identifier and the two 4-byte version numbers.
    const control = await readFile(join(folder, 'pgdata', 'global', 'pg_control'));
    expect(control.readUInt32LE(16)).toBe(1);
  });

  it('in memory: migrated already, and the command exits after closing it', async () => {
    const finished = await runToExit('tests/support/open-and-close.ts', []);
    expect(finished.stderr).toBe('');
    expect(JSON.parse(finished.stdout)).toMatchObject({ fromTemplate: true, migrationsRun: 0 });
    expect(JSON.parse(finished.stdout).pending).not.toContain('Timeout');
    expect(finished.code).toBe(0);
  }, 120_000);

  it('in a new data folder: migrated already, and the command exits after closing it, then and when opened again', async () => {
    const pgdata = join(root, 'data', 'pgdata');
    const first = await runToExit('tests/support/open-and-close.ts', [pgdata]);
    expect(first.stderr).toBe('');
    expect(JSON.parse(first.stdout)).toMatchObject({ fromTemplate: true, migrationsRun: 0 });
    expect(JSON.parse(first.stdout).pending).not.toContain('Timeout');
    expect(first.code).toBe(0);
    // Opened again, as the next start opens it.
    const second = await runToExit('tests/support/open-and-close.ts', [pgdata]);
    expect(JSON.parse(second.stdout)).toMatchObject({ fromTemplate: true, migrationsRun: 0 });
    expect(JSON.parse(second.stdout).pending).not.toContain('Timeout');
    expect(second.code).toBe(0);
  }, 240_000);

  it('the OpenAPI document command, on a new in-memory database, exits', async () => {
    const target = join(root, 'openapi.json');
    const finished = await runToExit('scripts/openapi.ts', [target]);
    expect(finished.code).toBe(0);
    expect(JSON.parse(await readFile(target, 'utf8'))).toHaveProperty('openapi');
  }, 120_000);
});
