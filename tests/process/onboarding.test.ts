import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/database.ts';
import { danishDate } from '../../src/shared/clock.ts';
import { TEST_SECRET, uniqueSuffix } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCpr } from '../support/factories.ts';
import { openJourney } from '../support/journeys.ts';
import { createProcessDatabase, type Finished, type ProcessDatabase, runScript } from '../support/processes.ts';

// An operator's first day, as the README's "Running on PostgreSQL" walks it: the commands run as
// processes on an empty database (PostgreSQL, or the embedded one in an empty data folder), and
// the first administrator logs in through the API with the printed one-time password. The steps
// below follow one another on one database.

type Headers = { cookie: string };

const ADMIN = { email: 'it@roskilde.dk', name: 'Ida Jensen' };
const OWN_PASSWORD = 'idas egen lange adgangskode';

const createMunicipality = (database: ProcessDatabase, name: string, email: string, adminName = ADMIN.name) =>
  runScript('municipality:create', ['--name', name, '--admin-email', email, '--admin-name', adminName], database.env);

const oneTimePasswordIn = (result: Finished) => /^One-time password: (\S+)$/m.exec(result.stdout)?.[1];

describe.each(engines)('a new municipality on %s', { timeout: 120_000 }, (engine) => {
  let database: ProcessDatabase;
  let created: Finished;

  beforeAll(async () => {
    database = await createProcessDatabase(engine);
    created = await createMunicipality(database, 'Roskilde Kommune', ADMIN.email);
  }, 120_000);
  afterAll(() => database?.drop());

  /** Opens the database in this process for what `read` needs, and closes it again for the next command. */
  async function withDb<T>(read: (db: Db) => Promise<T>): Promise<T> {
    const db = await database.open();
    try {
      return await read(db);
    } finally {
      await db.destroy();
    }
  }

  const rowCounts = () =>
    withDb(async (db) => {
      const count = async (table: 'municipality' | 'app_user' | 'audit_log') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        municipalities: await count('municipality'),
        users: await count('app_user'),
        audit: await count('audit_log'),
      };
    });

  it('migrates the empty database, creates the municipality and its administrator and prints a one-time password', async () => {
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created the municipality "Roskilde Kommune"');
    expect(oneTimePasswordIn(created)).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){4}$/);
    const stored = await withDb(async (db) => ({
      municipalities: await db.selectFrom('municipality').select(['name', 'settings', 'settings_version']).execute(),
      users: await db
        .selectFrom('app_user')
        .select(['email', 'name', 'role', 'active', 'password_must_change'])
        .execute(),
    }));
    expect(stored.municipalities).toEqual([{ name: 'Roskilde Kommune', settings: {}, settings_version: 1 }]);
    expect(stored.users).toEqual([
      { email: ADMIN.email, name: ADMIN.name, role: 'admin', active: true, password_must_change: true },
    ]);
  });

  it('refuses the same name again in another case, a malformed e-mail and an e-mail in use, writing nothing', async () => {
    const before = await rowCounts();
    expect(before).toMatchObject({ municipalities: 1, users: 1 });

    const sameName = await createMunicipality(database, 'ROSKILDE kommune', 'ny@roskilde.dk');
    expect(sameName.code).toBe(2);
    expect(sameName.stderr).toContain('--name: A municipality with this name already exists.');

    const badEmail = await createMunicipality(database, 'Køge Kommune', 'it-koege.dk');
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain('--admin-email: Write a valid e-mail address, e.g. name@municipality.dk.');

    // Køge Kommune itself would be new: the municipality is inserted before the user is refused,
    // and the one transaction takes it back.
    const emailInUse = await createMunicipality(database, 'Køge Kommune', 'IT@Roskilde.dk');
    expect(emailInUse.code).toBe(2);
    expect(emailInUse.stderr).toContain('--admin-email: The e-mail address is already in use.');

    for (const refused of [sameName, badEmail, emailInUse]) expect(oneTimePasswordIn(refused)).toBeUndefined();
    expect(await rowCounts()).toEqual(before);
  });

  describe('the first administrator', () => {
    let db: Db;
    let app: FastifyInstance;
    const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers?: Record<string, string>, payload?: object) =>
      app.inject({ method, url, ...(headers ? { headers } : {}), ...(payload ? { payload } : {}) });
    const login = async (email: string, password: string) => {
      const response = await call('POST', '/api/auth/login', undefined, { email, password });
      const cookie = response.cookies.find((c) => c.name === 'ungeflow_session');
      return { response, headers: { cookie: `ungeflow_session=${cookie?.value ?? ''}` } };
    };
    const changePassword = (headers: Headers, currentPassword: string, newPassword: string) =>
      call('POST', '/api/auth/password', headers, { currentPassword, newPassword });

    beforeAll(async () => {
      db = await database.open();
      app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), db, secret: TEST_SECRET });
    });
    afterAll(async () => {
      await app?.close();
      await db?.destroy();
    });

    it('logs in with the one-time password and may do nothing else until choosing their own', async () => {
      const oneTime = oneTimePasswordIn(created) ?? '';
      const { response, headers } = await login(ADMIN.email, oneTime);
      expect(response.statusCode).toBe(200);
      expect(response.json().user).toMatchObject({ email: ADMIN.email, role: 'admin', passwordMustChange: true });
      expect((await call('GET', '/api/auth/me', headers)).json()).toMatchObject({ passwordMustChange: true });

      for (const [method, url] of [
        ['GET', '/api/users'],
        ['GET', '/api/settings'],
        ['GET', '/api/audit'],
        ['POST', '/api/auth/tokens'],
      ] as const) {
        const refused = await call(method, url, headers, method === 'POST' ? { name: 'script' } : undefined);
        expect(refused.statusCode, `${method} ${url}`).toBe(403);
        expect(refused.json().error).toEqual({
          code: 'password_change_required',
          message: 'Du er logget ind med en engangsadgangskode. Vælg din egen adgangskode, før du fortsætter.',
        });
      }
      const english = await call('GET', '/api/users', { ...headers, 'accept-language': 'en' });
      expect(english.json().error.message).toBe(
        'You are logged in with a one-time password. Choose your own password before you continue.',
      );

      // A second log-in (another browser) before the change: it ends with the change.
      const elsewhere = await login(ADMIN.email, oneTime);

      const wrong = await changePassword(headers, 'ikke engangsadgangskoden', OWN_PASSWORD);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.details).toEqual([
        { field: 'currentPassword', message: 'Den nuværende adgangskode er forkert.' },
      ]);
      const short = await changePassword(headers, oneTime, 'kort');
      expect(short.json().error.details).toEqual([
        { field: 'newPassword', message: 'Adgangskoden skal være på mindst 12 tegn.' },
      ]);
      const same = await changePassword(headers, oneTime, oneTime);
      expect(same.json().error.details).toEqual([
        { field: 'newPassword', message: 'Vælg en anden adgangskode end den nuværende.' },
      ]);
      expect((await call('GET', '/api/users', headers)).statusCode).toBe(403);

      expect((await changePassword(headers, oneTime, OWN_PASSWORD)).statusCode).toBe(204);
      expect((await call('GET', '/api/auth/me', headers)).json()).toMatchObject({ passwordMustChange: false });
      const users = await call('GET', '/api/users', headers);
      expect(users.statusCode).toBe(200);
      expect(users.json().items).toEqual([
        expect.objectContaining({ email: ADMIN.email, role: 'admin', passwordMustChange: false }),
      ]);
      // The new municipality runs on the default settings.
      const settings = await call('GET', '/api/settings', headers);
      expect(settings.json()).toMatchObject({
        version: 1,
        eligibility: {},
        risk: {},
        randomisation: { enabled: false },
        webhook: { url: null, secretSet: false },
      });
      expect((await call('GET', '/api/auth/me', elsewhere.headers)).statusCode).toBe(401);

      expect((await login(ADMIN.email, oneTime)).response.statusCode).toBe(401);
      const again = await login(ADMIN.email, OWN_PASSWORD);
      expect(again.response.json().user.passwordMustChange).toBe(false);

      const audit = await call('GET', '/api/audit?pageSize=100', headers);
      const actions = audit.json().items.map((e: { action: string; details: object }) => [e.action, e.details]);
      expect(actions).toEqual(
        expect.arrayContaining([
          ['municipality.created', { name: 'Roskilde Kommune' }],
          ['auth.password_change_failed', { reason: 'wrong_password' }],
          ['auth.password_changed', { wasOneTime: true }],
        ]),
      );
      expect(audit.body).not.toContain(OWN_PASSWORD);
    });

    it('gives a caseworker a password that is one-time, at creation and when given anew', async () => {
      const admin = (await login(ADMIN.email, OWN_PASSWORD)).headers;
      const createdUser = await call('POST', '/api/users', admin, {
        email: 'rasmus@roskilde.dk',
        name: 'Rasmus Rådgiver',
        role: 'caseworker',
        password: 'fra administratoren',
      });
      expect(createdUser.json()).toMatchObject({ passwordMustChange: true, version: 1 });

      let caseworker = await login('rasmus@roskilde.dk', 'fra administratoren');
      expect(caseworker.response.json().user.passwordMustChange).toBe(true);
      const youth = { name: 'Sofie Hansen', cpr: newCpr() };
      expect((await call('POST', '/api/youth', caseworker.headers, youth)).statusCode).toBe(403);
      expect(
        (await changePassword(caseworker.headers, 'fra administratoren', 'rasmus egen adgangskode')).statusCode,
      ).toBe(204);
      const registered = await call('POST', '/api/youth', caseworker.headers, youth);
      expect(registered.statusCode).toBe(201);
      // Referred today, so the sweep below has an open journey of this municipality to look at.
      await openJourney(app, caseworker.headers, registered.json().id, { firstContactAt: danishDate(new Date()) });
      const token = (await call('POST', '/api/auth/tokens', caseworker.headers, { name: 'script' })).json().token;

      // The administrator gives a new password: one-time again, and the sessions end.
      const patched = await call('PATCH', `/api/users/${createdUser.json().id}`, admin, {
        version: 1,
        password: 'igen fra administratoren',
      });
      expect(patched.json()).toMatchObject({ passwordMustChange: true, version: 2 });
      expect((await call('GET', '/api/auth/me', caseworker.headers)).statusCode).toBe(401);
      // A token made before the password was given anew stops working with it.
      const bearer = { authorization: `Bearer ${token}` };
      expect((await call('GET', '/api/youth', bearer)).statusCode).toBe(401);
      expect((await call('GET', '/api/auth/me', bearer)).statusCode).toBe(401);

      caseworker = await login('rasmus@roskilde.dk', 'igen fra administratoren');
      expect(caseworker.response.json().user.passwordMustChange).toBe(true);
      expect(
        (await changePassword(caseworker.headers, 'igen fra administratoren', 'rasmus nye adgangskode')).statusCode,
      ).toBe(204);
      expect((await call('GET', '/api/youth', caseworker.headers)).statusCode).toBe(200);
    });

    it('does not make a password administrators give themselves one-time', async () => {
      const admin = (await login(ADMIN.email, OWN_PASSWORD)).headers;
      const me = (await call('GET', '/api/users', admin))
        .json()
        .items.find((u: { email: string }) => u.email === ADMIN.email);
      const patched = await call('PATCH', `/api/users/${me.id}`, admin, {
        version: me.version,
        password: 'idas anden lange adgangskode',
      });
      expect(patched.json()).toMatchObject({ passwordMustChange: false });
      const again = await login(ADMIN.email, 'idas anden lange adgangskode');
      expect(again.response.json().user.passwordMustChange).toBe(false);
      expect((await call('GET', '/api/users', again.headers)).statusCode).toBe(200);
    });
  });

  it('sweeps the new municipality with the sweep command', async () => {
    const swept = await runScript('sweep', [], { ...database.env, LOG_LEVEL: 'silent' });
    expect(swept.stderr).toBe('');
    expect(swept.code).toBe(0);
    expect(swept.stdout).toMatch(/^Swept \d+ open journeys/m);
  });

  it('lists the municipalities with their numbers of users and youth, and no personal data', async () => {
    const second = await createMunicipality(database, 'Køge Kommune', 'it@koege.dk', 'Karl Nielsen');
    expect(second.code).toBe(0);
    const listed = await runScript('municipality:list', [], database.env);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+name\s+users\s+youth$/);
    // By name: Køge before Roskilde.
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^[0-9a-f-]{36}\s+Køge Kommune\s+1\s+0$/),
      expect.stringMatching(/^[0-9a-f-]{36}\s+Roskilde Kommune\s+2\s+1$/),
    ]);
    expect(listed.stdout).not.toMatch(/@|Ida Jensen|Karl Nielsen|Sofie/);
  });
});

describe('municipality:create with wrong arguments', { timeout: 60_000 }, () => {
  // A data folder the command would create if it went on to the database; it must not.
  const dataDir = join(tmpdir(), `ungeflow-never-created-${uniqueSuffix()}`);
  const env = { UNGEFLOW_DATA_DIR: dataDir };

  it('answers a missing option with what is missing and the usage line, exit code 2', async () => {
    const result = await runScript('municipality:create', ['--name', 'Roskilde Kommune'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Missing --admin-email, --admin-name.');
    expect(result.stderr).toContain('Usage: npm run municipality:create -- --name');
    expect(result.stdout).toBe('');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('answers an unknown option with the usage line, exit code 2', async () => {
    const result = await runScript('municipality:create', ['--nmae', 'Roskilde Kommune'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--nmae'[\s\S]*Usage: npm run municipality:create/);
    expect(existsSync(dataDir)).toBe(false);
  });
});
