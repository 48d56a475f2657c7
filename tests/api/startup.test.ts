import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, demoUsers, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { resolveSecret } from '../../src/shared/secret.ts';
import { loadConfig } from '../../src/config.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/engines.ts';
import { buildApp } from '../../src/app.ts';
import { TEST_SECRET } from '../support/app.ts';

describe.each(engines)('first start on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.drop());

  it('seeds the demo municipality and its four users once; a second start seeds nothing', async () => {
    expect(await seedDemo(database.db)).toBe(true);
    expect(await seedDemo(database.db)).toBe(false);
    const municipalities = await database.db.selectFrom('municipality').select('name').execute();
    expect(municipalities).toEqual([{ name: 'Demo Kommune' }]);
    const users = await database.db.selectFrom('app_user').select(['email', 'role']).execute();
    expect(users.sort((a, b) => a.email.localeCompare(b.email))).toEqual(
      demoUsers.map((u) => ({ email: u.email, role: u.role })).sort((a, b) => a.email.localeCompare(b.email)),
    );
  });

  it('lets every demo user log in with the demo password', async () => {
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), db: database.db, secret: TEST_SECRET });
    try {
      for (const user of demoUsers) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: user.email, password: DEMO_PASSWORD },
        });
        expect(response.statusCode, user.email).toBe(200);
        expect(response.json().user.role).toBe(user.role);
      }
    } finally {
      await app.close();
    }
  });
});

describe('the embedded secret', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ungeflow-secret-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is generated once into the data folder, readable by the owner only, and reused', async () => {
    const first = await resolveSecret(undefined, dir);
    const second = await resolveSecret(undefined, dir);
    expect(first).toHaveLength(64);
    expect(second).toBe(first);
    expect((await readFile(join(dir, 'secret.key'), 'utf8')).trim()).toBe(first);
    expect((await stat(join(dir, 'secret.key'))).mode & 0o777).toBe(0o600);
  });

  it('is not generated when one is configured', async () => {
    expect(await resolveSecret('x'.repeat(40), join(dir, 'unused'))).toBe('x'.repeat(40));
  });
});

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      database: { engine: 'pglite', dataDir: './data/pgdata' },
      dataDir: './data',
    });
  });

  it('uses PostgreSQL when DATABASE_URL is set, and then requires a secret', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/x' })).toThrow(/UNGEFLOW_SECRET is required/);
    expect(loadConfig({ DATABASE_URL: 'postgres://localhost/x', UNGEFLOW_SECRET: 's'.repeat(32) }).database).toEqual({
      engine: 'postgres',
      url: 'postgres://localhost/x',
    });
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ PORT: 'abc', UNGEFLOW_SECRET: 'short' })).toThrow(/PORT[\s\S]*UNGEFLOW_SECRET/);
  });
});
