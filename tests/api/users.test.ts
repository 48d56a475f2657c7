import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { MAX_FAILED_LOGINS } from '../../src/auth/auth.service.ts';
import { newUnit, newUser, TEST_PASSWORD } from '../support/factories.ts';

describe.each(engines)('user administration on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    // More log-ins than the default limit a minute: lockouts are tried on purpose.
    ctx = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
    unit = await newUnit(ctx.app, ctx.db);
  });
  afterAll(() => ctx.close());

  it('lets an administrator create a user who can then log in with the given role', async () => {
    const email = `ny-${Date.now()}@kommune.dk`;
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: unit.admin.headers,
      payload: { email, name: 'Nina Ny', role: 'caseworker', password: 'en lang adgangskode' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email, role: 'caseworker', active: true, version: 1 });
    expect(created.body).not.toContain('adgangskode');
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'en lang adgangskode' },
    });
    expect(login.json().user.role).toBe('caseworker');
  });

  it('refuses a short password and a taken e-mail with field errors', async () => {
    const short = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: unit.admin.headers,
      payload: { email: `k-${Date.now()}@kommune.dk`, name: 'K', role: 'leader', password: 'kort' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.details).toEqual([
      { field: 'password', message: 'Adgangskoden skal være på mindst 12 tegn.' },
    ]);
    const taken = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: unit.admin.headers,
      payload: {
        email: unit.caseworker.email.toUpperCase(),
        name: 'Dublet',
        role: 'leader',
        password: 'en lang adgangskode',
      },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.details).toEqual([{ field: 'email', message: 'E-mailadressen er allerede i brug.' }]);
  });

  it('stores a Danish phone number written the Danish way, and clears it when emptied', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    const url = `/api/users/${fresh.caseworker.id}`;
    const patch = (version: number, phone: string | null) =>
      ctx.app.inject({ method: 'PATCH', url, headers: fresh.admin.headers, payload: { version, phone } });
    const given = await patch(1, '+45 12 34 56 78');
    expect(given.statusCode).toBe(200);
    expect(given.json()).toMatchObject({ phone: '12 34 56 78', version: 2 });
    const compact = await patch(2, '87654321');
    expect(compact.json()).toMatchObject({ phone: '87 65 43 21', version: 3 });
    const cleared = await patch(3, '');
    expect(cleared.json()).toMatchObject({ phone: null, version: 4 });
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: fresh.admin.headers,
      payload: {
        email: `tlf-${Date.now()}@kommune.dk`,
        name: 'Tine Telefon',
        role: 'caseworker',
        phone: '0045 11-22-33-44',
        password: 'en lang adgangskode',
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().phone).toBe('11 22 33 44');
  });

  it('refuses a phone number that is not Danish with a Danish message at the field, and changes nothing', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    for (const phone of ['1234', '+46 12 34 56 78', '12 34 56 78 9', 'ring mig']) {
      const refused = await ctx.app.inject({
        method: 'PATCH',
        url: `/api/users/${fresh.caseworker.id}`,
        headers: fresh.admin.headers,
        payload: { version: 1, phone },
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual([
        { field: 'phone', message: 'Skriv et dansk telefonnummer med 8 cifre, fx 12 34 56 78 eller +45 12 34 56 78.' },
      ]);
    }
    const read = await ctx.app.inject({
      method: 'GET',
      url: `/api/users/${fresh.caseworker.id}`,
      headers: fresh.admin.headers,
    });
    expect(read.json()).toMatchObject({ phone: null, version: 1 });
  });

  it('answers 403 to caseworkers and leaders on user administration', async () => {
    for (const headers of [unit.caseworker.headers, unit.leader.headers]) {
      expect((await ctx.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(403);
    }
  });

  const patch = (id: string, payload: Record<string, unknown>, headers = unit.admin.headers) =>
    ctx.app.inject({ method: 'PATCH', url: `/api/users/${id}`, headers, payload });
  const me = (headers: { cookie: string }) => ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers });

  it('does not let an administrator demote or deactivate themself, and says so in Danish', async () => {
    for (const [change, field] of [
      [{ role: 'caseworker' }, 'role'],
      [{ active: false }, 'active'],
    ] as const) {
      const response = await patch(unit.admin.id, { version: 1, ...change });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.details).toEqual([
        { field, message: 'Du kan ikke fjerne din egen administratoradgang.' },
      ]);
    }
    const self = await ctx.app.inject({
      method: 'GET',
      url: `/api/users/${unit.admin.id}`,
      headers: unit.admin.headers,
    });
    expect(self.json()).toMatchObject({ role: 'admin', active: true, version: 1 });
    // Their own name is theirs to change.
    expect((await patch(unit.admin.id, { version: 1, name: 'Anna Admin' })).json()).toMatchObject({
      name: 'Anna Admin',
      version: 2,
    });
  });

  it('changes a role and makes the user log in again', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    const response = await patch(fresh.caseworker.id, { version: 1, role: 'leader' }, fresh.admin.headers);
    expect(response.json()).toMatchObject({ role: 'leader', version: 2 });
    expect((await me(fresh.caseworker.headers)).statusCode).toBe(401);
  });

  it('keeps the session of a user whose role is given unchanged with a new name', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    const response = await patch(
      fresh.caseworker.id,
      { version: 1, name: 'Nyt Navn', role: 'caseworker' },
      fresh.admin.headers,
    );
    expect(response.json()).toMatchObject({ name: 'Nyt Navn', role: 'caseworker' });
    expect((await me(fresh.caseworker.headers)).statusCode).toBe(200);
  });

  it('requires the version a change was made against and refuses a stale one with the current version', async () => {
    const user = await newUser(ctx.db, { municipalityId: unit.municipality.id });
    const missing = await patch(user.id, { name: 'Uden version' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual(['version']);

    expect((await patch(user.id, { version: 1, name: 'Første' })).json().version).toBe(2);
    const stale = await patch(user.id, { version: 1, name: 'Anden' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const read = await ctx.app.inject({ method: 'GET', url: `/api/users/${user.id}`, headers: unit.admin.headers });
    expect(read.json()).toMatchObject({ name: 'Første', version: 2 });
  });

  it('sets a new password and lifts a lockout, so the user can log in again', async () => {
    const user = await newUser(ctx.db, { municipalityId: unit.municipality.id });
    const login = (password: string) =>
      ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password } });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await login('forkert adgangskode');
    // Locked: answered as a wrong password, even the right one.
    expect((await login(TEST_PASSWORD)).statusCode).toBe(401);
    const locked = await ctx.app.inject({ method: 'GET', url: `/api/users/${user.id}`, headers: unit.admin.headers });
    expect(locked.json().lockedUntil).not.toBeNull();
    // Failed log-ins are not changes by an administrator: the version stays.
    expect(locked.json().version).toBe(1);

    const unlocked = await patch(user.id, { version: 1, unlock: true, password: 'en helt ny adgangskode' });
    expect(unlocked.json()).toMatchObject({ lockedUntil: null, version: 2 });
    expect((await login(TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login('en helt ny adgangskode')).statusCode).toBe(200);
  });

  it('writes who created and changed which user, and which fields, to the audit log, never a password', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    const email = `revision-${Date.now()}@kommune.dk`;
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: fresh.admin.headers,
      payload: { email, name: 'Revi Sion', role: 'leader', password: 'den første adgangskode' },
    });
    const id = created.json().id as string;
    await patch(id, { version: 1, active: false, password: 'den anden adgangskode' }, fresh.admin.headers);
    const audit = await ctx.app.inject({ method: 'GET', url: '/api/audit?pageSize=50', headers: fresh.admin.headers });
    expect(audit.statusCode).toBe(200);
    const entries = audit
      .json()
      .items.filter((e: { action: string }) => e.action.startsWith('user.'))
      .map((e: { action: string; userId: string; details: unknown }) => ({
        action: e.action,
        userId: e.userId,
        details: e.details,
      }));
    expect(entries).toEqual(
      expect.arrayContaining([
        { action: 'user.created', userId: fresh.admin.id, details: { targetUserId: id, role: 'leader' } },
        {
          action: 'user.updated',
          userId: fresh.admin.id,
          details: { targetUserId: id, fields: ['active', 'password'] },
        },
      ]),
    );
    expect(audit.body).not.toContain('adgangskode');
  });
});
