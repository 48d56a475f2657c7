import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FAILED_LOGINS } from '../../src/auth/auth.service.ts';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { loginAs, newMunicipality, newUser, TEST_PASSWORD } from '../support/factories.ts';

const DAY = 86_400_000;

describe.each(engines)('API tokens on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  beforeAll(async () => {
    ctx = await startTestApp(engine);
  });
  afterAll(() => ctx.close());

  async function userWithToken(payload: Record<string, unknown> = { name: 'Rapport' }, role = 'caseworker' as const) {
    const m = await newMunicipality(ctx.db);
    const admin = await newUser(ctx.db, { municipalityId: m.id, role: 'admin' });
    const user = await newUser(ctx.db, { municipalityId: m.id, role });
    const headers = await loginAs(ctx.app, user);
    const created = await ctx.app.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload });
    return { admin, user, headers, created, bearer: { authorization: `Bearer ${created.json().token as string}` } };
  }
  const me = (headers: Record<string, string>) => ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers });

  it('gives a token 90 days unless another lifetime is chosen, and stops it at its end', async () => {
    const start = new Date('2026-12-01T09:00:00Z');
    ctx.setNow(start);
    try {
      const { created, bearer, headers } = await userWithToken();
      expect(created.statusCode).toBe(201);
      expect(created.json().expiresAt).toBe(new Date(start.getTime() + 90 * DAY).toISOString());

      const week = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers,
        payload: { name: 'Kort', expiresInDays: 7 },
      });
      expect(week.json().expiresAt).toBe(new Date(start.getTime() + 7 * DAY).toISOString());

      ctx.setNow(new Date(start.getTime() + 90 * DAY - 60_000));
      expect((await me(bearer)).statusCode).toBe(200);
      ctx.setNow(new Date(start.getTime() + 90 * DAY));
      expect((await me(bearer)).statusCode).toBe(401);
    } finally {
      ctx.setNow(new Date());
    }
  });

  it('refuses a lifetime over a year, or under a day, naming the field', async () => {
    const { headers } = await userWithToken();
    for (const expiresInDays of [366, 0, 1.5]) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers,
        payload: { name: 'For længe', expiresInDays },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details.map((d: { field: string }) => d.field)).toEqual(['expiresInDays']);
    }
    const year = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers,
      payload: { name: 'Et år', expiresInDays: 365 },
    });
    expect(year.statusCode).toBe(201);
  });

  it('shows when a token was last used', async () => {
    const start = new Date('2026-12-02T09:00:00Z');
    ctx.setNow(start);
    try {
      const { headers, bearer } = await userWithToken();
      const listed = async () =>
        (await ctx.app.inject({ method: 'GET', url: '/api/auth/tokens', headers })).json().items[0];
      expect((await listed()).lastUsedAt).toBeNull();
      const used = new Date(start.getTime() + 3_600_000);
      ctx.setNow(used);
      await me(bearer);
      expect(await listed()).toMatchObject({ lastUsedAt: used.toISOString(), revokedAt: null });
    } finally {
      ctx.setNow(new Date());
    }
  });

  it('cannot create tokens with a token', async () => {
    const { bearer } = await userWithToken();
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: bearer,
      payload: { name: 'Afledt' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  const patchUser = async (admin: { email: string }, id: string, change: Record<string, unknown>) => {
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: await loginAs(ctx.app, admin),
      payload: { version: 1, ...change },
    });
    expect(response.statusCode).toBe(200);
  };

  it.each([
    ['the password is reset', { password: 'en ny adgangskode fra admin' }],
    ['the role changes', { role: 'leader' }],
    ['the user is deactivated', { active: false }],
  ])('stops a token when %s, and it stays stopped', async (_what, change) => {
    const { admin, user, bearer } = await userWithToken();
    expect((await me(bearer)).statusCode).toBe(200);
    await patchUser(admin, user.id, change);
    expect((await me(bearer)).statusCode).toBe(401);
    const token = await ctx.db
      .selectFrom('api_token')
      .select('revoked_at')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(token.revoked_at).not.toBeNull();
    if ('active' in change) {
      await ctx.db.updateTable('app_user').set({ active: true }).where('id', '=', user.id).execute();
      expect((await me(bearer)).statusCode).toBe(401);
    }
  });

  it('keeps a token when only the name changes', async () => {
    const { admin, user, bearer } = await userWithToken();
    await patchUser(admin, user.id, { name: 'Nyt Navn' });
    expect((await me(bearer)).statusCode).toBe(200);
  });
});

describe.each(engines)('log-in lock-out on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  beforeAll(async () => {
    ctx = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
  });
  afterAll(() => ctx.close());

  const login = (email: string, password: string, ip: string) =>
    ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

  it('answers a locked account exactly as a wrong password and an unknown e-mail', async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await login(user.email, 'forkert', '10.9.0.1');
    const locked = await login(user.email, TEST_PASSWORD, '10.9.0.1');
    const wrong = await login(user.email, 'forkert', '10.9.0.2');
    const unknown = await login(`ingen-${user.email}`, 'forkert', '10.9.0.3');
    for (const response of [locked, wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.body).toBe(unknown.body);
      expect(response.headers['content-type']).toBe(unknown.headers['content-type']);
      expect(response.body).not.toMatch(/lock|låst/i);
    }
  });

  it('locks the account for the address that guessed, not for the owner at another address', async () => {
    const m = await newMunicipality(ctx.db);
    const leader = await newUser(ctx.db, { municipalityId: m.id, role: 'leader' });
    for (let i = 0; i < MAX_FAILED_LOGINS * 3; i++) await login(leader.email, `gæt ${i}`, '203.0.113.9');
    expect((await login(leader.email, TEST_PASSWORD, '203.0.113.9')).statusCode).toBe(401);
    expect((await login(leader.email, TEST_PASSWORD, '10.9.1.1')).statusCode).toBe(200);
    // The lock is noted for the administrators all the same.
    const row = await ctx.db
      .selectFrom('app_user')
      .select('locked_until')
      .where('id', '=', leader.id)
      .executeTakeFirstOrThrow();
    expect(row.locked_until).not.toBeNull();
  });

  it('lets an administrator lift the lock for every address', async () => {
    const m = await newMunicipality(ctx.db);
    const admin = await newUser(ctx.db, { municipalityId: m.id, role: 'admin' });
    const user = await newUser(ctx.db, { municipalityId: m.id });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await login(user.email, 'forkert', '10.9.2.1');
    expect((await login(user.email, TEST_PASSWORD, '10.9.2.1')).statusCode).toBe(401);
    const unlocked = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: await loginAs(ctx.app, admin),
      payload: { version: 1, unlock: true },
    });
    expect(unlocked.json().lockedUntil).toBeNull();
    expect((await login(user.email, TEST_PASSWORD, '10.9.2.1')).statusCode).toBe(200);
  });

  it("keeps what was typed as e-mail in the audit log only when it is a user's", async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id });
    const cpr = '0101041234';
    await login(cpr, 'forkert', '10.9.3.1');
    await login(user.email, 'forkert', '10.9.3.1');
    const failures = await ctx.db
      .selectFrom('audit_log')
      .select(['user_id', 'details'])
      .where('action', '=', 'auth.login_failed')
      .where('ip', '=', '10.9.3.1')
      .orderBy('id')
      .execute();
    expect(failures.map((f) => f.details)).toEqual([
      { reason: 'unknown_email' },
      { reason: 'wrong_password', email: user.email, locked: false },
    ]);
    const everything = await ctx.db.selectFrom('audit_log').select('details').execute();
    expect(JSON.stringify(everything)).not.toContain(cpr);
  });
});
