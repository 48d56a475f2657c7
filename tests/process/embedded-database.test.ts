import { chmod, lstat, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { newMunicipality, newUser, TEST_PASSWORD, type TestUser } from '../support/factories.ts';
import { runCommand, runScript, type ServerProcess, startServer, stopAll } from '../support/processes.ts';

// The embedded database as an operator runs it: the real server and the backup and restore
// commands as processes of their own, on one data folder, started under umask 0022.

let root: string;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'ungeflow-embedded-'));
  // A folder the server creates itself, so its mode is the server's doing.
  dataDir = join(root, 'data');
  env = { UNGEFLOW_DATA_DIR: dataDir, DEMO_SEED: 'false', SWEEP_ENABLED: 'false', LOG_LEVEL: 'warn' };
});
afterAll(async () => {
  await stopAll();
  await rm(root, { recursive: true, force: true });
});

/** Every folder and file under `path` with its permission bits, by path relative to `path`. */
async function modes(path: string): Promise<Map<string, { dir: boolean; mode: number }>> {
  const found = new Map<string, { dir: boolean; mode: number }>();
  const walk = async (relative: string) => {
    const stats = await lstat(join(path, relative));
    found.set(relative || '.', { dir: stats.isDirectory(), mode: stats.mode & 0o777 });
    if (stats.isDirectory()) for (const entry of await readdir(join(path, relative))) await walk(join(relative, entry));
  };
  await walk('');
  return found;
}

function expectOwnerOnly(found: Map<string, { dir: boolean; mode: number }>) {
  const loose = [...found].filter(([, e]) => e.mode !== (e.dir ? 0o700 : 0o600));
  expect(loose.map(([p, e]) => `${p} ${e.mode.toString(8)}`)).toEqual([]);
}

/** Opens the stopped server's database in this process for a moment. */
async function withDatabase<T>(pgdata: string, work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const db = await openDatabase({ engine: 'pglite', dataDir: pgdata });
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

const municipalityNames = (pgdata: string) =>
  withDatabase(pgdata, async (db) =>
    (await db.selectFrom('municipality').select('name').orderBy('name').execute()).map((m) => m.name),
  );

async function login(server: ServerProcess, user: { email: string }): Promise<string> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
  });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function revealCpr(server: ServerProcess, cookie: string, youthId: string): Promise<string> {
  const response = await fetch(`${server.url}/api/youth/${youthId}?reveal=cpr`, { headers: { cookie } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { cpr: string }).cpr;
}

describe('the embedded database on disk', () => {
  const pgdata = () => join(dataDir, 'pgdata');
  const keyFile = () => join(dataDir, 'secret.key');
  let caseworker: TestUser;
  let youthId: string;
  const cpr = '150504-4321';

  it('creates the data folder readable by its owner only, though the umask is 0022', async () => {
    const server = await startServer(env);
    expect(Number(await readFile(join(dataDir, 'ungeflow.pid'), 'utf8'))).toBe(server.pid);
    const stopped = await server.stop();
    expect(stopped.code, stopped.stderr).toBe(0);

    const found = await modes(dataDir);
    expect(found.has('ungeflow.pid')).toBe(false);
    expect(found.get('secret.key')).toEqual({ dir: false, mode: 0o600 });
    expect(found.get('pgdata/PG_VERSION')).toEqual({ dir: false, mode: 0o600 });
    expect(found.size).toBeGreaterThan(500);
    expectOwnerOnly(found);
  }, 120_000);

  it('tightens looser modes at start, takes over a stale lock and refuses a second server', async () => {
    for (const [path, entry] of await modes(dataDir)) {
      await chmod(join(dataDir, path), entry.dir ? 0o755 : 0o644);
    }
    // A lock left by a process that is gone: this pid is above Linux's largest, so never alive.
    const deadPid = 2 ** 22 + 1;
    await writeFile(join(dataDir, 'ungeflow.pid'), `${deadPid}\n`);

    const server = await startServer(env);
    const second = await runCommand('src/server.ts', [], { ...env, PORT: '0', HOST: '127.0.0.1' });
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`in use by another Ungeflow process (pid ${server.pid})`);
    expect((await server.stop()).code).toBe(0);

    expectOwnerOnly(await modes(dataDir));
  }, 120_000);

  it('backs up without the key, refuses while the server runs, and restores the data as it was', async () => {
    caseworker = await withDatabase(pgdata(), async (db) => {
      const municipality = await newMunicipality(db, 'Roskilde Kommune');
      return newUser(db, { municipalityId: municipality.id });
    });
    const server = await startServer(env);
    const cookie = await login(server, caseworker);
    const created = await fetch(`${server.url}/api/youth`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sofie Hansen', cpr }),
    });
    expect(created.status).toBe(201);
    youthId = ((await created.json()) as { id: string }).id;

    const archive = join(root, 'backup.tar.gz');
    const whileRunning = await runScript('backup', ['--to', archive], env);
    expect(whileRunning.code).toBe(2);
    expect(whileRunning.stderr).toContain(`in use by another Ungeflow process (pid ${server.pid})`);
    expect(whileRunning.stderr).toContain('stop that process first');
    expect((await runScript('restore', ['--from', archive, '--force'], env)).code).toBe(2);
    // Every other command that opens the database keeps off it too while the server runs.
    for (const script of ['src/db/migrate.ts', 'src/alerts/sweep.cli.ts', 'src/municipalities/municipality.cli.ts']) {
      const refused = await runCommand(script, script.includes('municipality') ? ['list'] : [], env);
      expect(refused.code, script).toBe(2);
      expect(refused.stderr, script).toContain(`in use by another Ungeflow process (pid ${server.pid})`);
    }
    expect((await server.stop()).code).toBe(0);

    const backup = await runScript('backup', ['--to', archive], env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('The key is not in the backup');
    expect((await lstat(archive)).mode & 0o777).toBe(0o600);
    expect((await readdir(root)).sort()).toEqual(['backup.tar.gz', 'data']);
    const tarball = gunzipSync(await readFile(archive));
    expect(tarball.includes('PG_VERSION')).toBe(true);
    expect(tarball.includes('secret.key')).toBe(false);
    expect(tarball.includes((await readFile(keyFile(), 'utf8')).trim())).toBe(false);

    await withDatabase(pgdata(), (db) =>
      db
        .updateTable('municipality')
        .set({ name: 'Omdøbt Kommune' })
        .execute()
        .then(() => undefined),
    );
    const withoutForce = await runScript('restore', ['--from', archive], env);
    expect(withoutForce.code).toBe(2);
    expect(withoutForce.stderr).toContain('run again with --force');
    expect(await municipalityNames(pgdata())).toEqual(['Omdøbt Kommune']);

    const restored = await runScript('restore', ['--from', archive, '--force'], env);
    expect(restored.code, restored.stderr).toBe(0);
    expect(await municipalityNames(pgdata())).toEqual(['Roskilde Kommune']);
    const keptAside = (await readdir(dataDir)).filter((name) => name.startsWith('pgdata.before-restore-'));
    expect(keptAside).toHaveLength(1);
    expect(await municipalityNames(join(dataDir, keptAside[0]!))).toEqual(['Omdøbt Kommune']);
    expectOwnerOnly(await modes(dataDir));

    // The restored database opens in the server and its CPR numbers read with the key.
    const again = await startServer(env);
    expect(await revealCpr(again, await login(again, caseworker), youthId)).toBe(cpr);
    expect((await again.stop()).code).toBe(0);
  }, 240_000);

  it('restores nothing from a file that is not a backup', async () => {
    const notABackup = join(root, 'not-a-backup.tar.gz');
    await writeFile(notABackup, 'not a tarball');
    const result = await runScript('restore', ['--from', notABackup, '--force'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('could not be opened as an embedded database');
    expect(await municipalityNames(pgdata())).toEqual(['Roskilde Kommune']);
    expect((await readdir(dataDir)).filter((name) => name.startsWith('pgdata')).sort()).toEqual([
      'pgdata',
      expect.stringMatching(/^pgdata\.before-restore-/),
    ]);
  }, 120_000);

  it('starts with the key moved out of the data folder, and refuses to start without it', async () => {
    const outside = join(root, 'ungeflow.key');
    await rename(keyFile(), outside);
    const withoutKey = await runCommand('src/server.ts', [], { ...env, PORT: '0', HOST: '127.0.0.1' });
    expect(withoutKey.code).toBe(1);
    expect(withoutKey.stderr).toContain('has no key');
    expect(withoutKey.stderr).toContain('UNGEFLOW_SECRET_FILE');
    expect((await readdir(dataDir)).includes('secret.key')).toBe(false);

    const server = await startServer({ ...env, UNGEFLOW_SECRET_FILE: outside });
    expect(await revealCpr(server, await login(server, caseworker), youthId)).toBe(cpr);
    expect((await server.stop()).code).toBe(0);
    expect((await readdir(dataDir)).includes('secret.key')).toBe(false);
  }, 120_000);
});

describe('backup and restore with DATABASE_URL', () => {
  const postgres = { DATABASE_URL: 'postgres://localhost:1/ungeflow', UNGEFLOW_SECRET: 's'.repeat(32) };

  it('refuse and point to pg_dump and pg_restore', async () => {
    const backup = await runScript('backup', ['--to', join(root, 'x.tar.gz')], postgres);
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain('pg_dump');
    const restore = await runScript('restore', ['--from', join(root, 'x.tar.gz')], postgres);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toContain('pg_restore');
  });
});
