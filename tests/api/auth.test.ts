import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredSessions } from '../../src/auth/auth.repository.ts';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { loginAs, newMunicipality, newUser, TEST_PASSWORD } from '../support/factories.ts';

describe.each(engines)('authentication on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  beforeAll(async () => {
    ctx = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '30' } });
  });
  afterAll(() => ctx.close());

  const login = (email: string, password: string, ip = '10.0.0.1') =>
    ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });

  it('logs in with the right password and sets an HttpOnly SameSite session cookie', async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id, role: 'leader' });
    const response = await login(user.email.toUpperCase(), TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: user.id, role: 'leader', municipalityId: m.id });
    const cookie = response.cookies.find((c) => c.name === 'ungeflow_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `ungeflow_session=${cookie?.value}` },
    });
    expect(me.json()).toMatchObject({ id: user.id, email: user.email });
  });

  it('gives the session cookie a lifetime counted from the server clock, not an absolute expiry', async () => {
    // A server clock far in the past: an Expires date would already be over in the browser.
    ctx.setNow(new Date('2020-03-01T08:00:00Z'));
    try {
      const m = await newMunicipality(ctx.db);
      const user = await newUser(ctx.db, { municipalityId: m.id });
      const response = await login(user.email, TEST_PASSWORD);
      const cookie = response.cookies.find((c) => c.name === 'ungeflow_session');
      expect(cookie?.maxAge).toBe(8 * 3600);
      expect(cookie?.expires).toBeUndefined();
    } finally {
      ctx.setNow(new Date());
    }
  });

  it('stores the session hashed, not the cookie value', async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id });
    const { cookie } = await loginAs(ctx.app, user);
    const token = cookie.split('=')[1];
    const rows = await ctx.db.selectFrom('session').select('id').where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(token);
  });

  it('refuses a wrong password with 401 and a Danish message', async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id });
    const response = await login(user.email, 'wrong password');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Forkert e-mail eller adgangskode.' },
    });
    expect(response.cookies).toHaveLength(0);
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const response = await login('nobody@nowhere.dk', 'whatever');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('invalid_credentials');
  });

  it('ends the session on logout, so the cookie no longer works', async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id });
    const headers = await loginAs(ctx.app, user);
    const out = await ctx.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(out.statusCode).toBe(204);
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('unauthenticated');
  });

  it('locks the account for 15 minutes after 5 failed attempts, even for the right password', async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id });
    const start = new Date('2026-11-22T09:00:00Z');
    ctx.setNow(start);
    try {
      for (let i = 0; i < 5; i++) expect((await login(user.email, `wrong ${i}`)).statusCode).toBe(401);
      const locked = await login(user.email, TEST_PASSWORD);
      expect(locked.statusCode).toBe(401);
      expect(locked.json().error.code).toBe('invalid_credentials');

      ctx.setNow(new Date(start.getTime() + 14 * 60_000));
      expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(401);

      ctx.setNow(new Date(start.getTime() + 15 * 60_000 + 1000));
      expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    } finally {
      ctx.setNow(new Date());
    }
  });

  it('does not lock after 4 failures followed by a success', async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id });
    for (let i = 0; i < 4; i++) await login(user.email, 'wrong');
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login(user.email, 'wrong');
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers 401 for a missing or forged session cookie', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/youth' })).statusCode).toBe(401);
    const forged = await ctx.app.inject({
      method: 'GET',
      url: '/api/youth',
      headers: { cookie: 'ungeflow_session=ufs_forged' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('clears expired sessions from the database and keeps live ones', async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id });
    await loginAs(ctx.app, user);
    const sessions = () => ctx.db.selectFrom('session').select('id').where('user_id', '=', user.id).execute();
    await deleteExpiredSessions(ctx.db, new Date(Date.now() + 3_600_000));
    expect(await sessions()).toHaveLength(1);
    await deleteExpiredSessions(ctx.db, new Date(Date.now() + 9 * 3_600_000));
    expect(await sessions()).toHaveLength(0);
  });

  it('refuses an expired session', async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id });
    const headers = await loginAs(ctx.app, user);
    ctx.setNow(new Date(Date.now() + 9 * 3_600_000));
    try {
      expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(401);
    } finally {
      ctx.setNow(new Date());
    }
  });

  it('creates an API token that is shown once, stored hashed, works as a bearer token and can be revoked', async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id, role: 'leader' });
    const headers = await loginAs(ctx.app, user);
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers,
      payload: { name: 'Rapport-script' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^uft_/);

    const stored = await ctx.db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const listed = await ctx.app.inject({ method: 'GET', url: '/api/auth/tokens', headers });
    expect(listed.json().items).toHaveLength(1);
    expect(listed.body).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json().id).toBe(user.id);

    const revoked = await ctx.app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers });
    expect(revoked.statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer })).statusCode).toBe(401);
  });

  it('lets only the token owner revoke a token', async () => {
    const m = await newMunicipality(ctx.db);
    const owner = await newUser(ctx.db, { municipalityId: m.id });
    const other = await newUser(ctx.db, { municipalityId: m.id });
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: await loginAs(ctx.app, owner),
      payload: { name: 'mit script' },
    });
    const response = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/auth/tokens/${created.json().id}`,
      headers: await loginAs(ctx.app, other),
    });
    expect(response.statusCode).toBe(404);
  });

  it('lets a user change their own password, ending their other sessions but not this one', async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id, role: 'leader' });
    // An address of its own, so this test's log-ins do not count against the others' limit.
    const sessionOf = async (password: string) => {
      const response = await login(user.email, password, '10.0.7.1');
      const cookie = response.cookies.find((c) => c.name === 'ungeflow_session');
      return { statusCode: response.statusCode, headers: { cookie: `ungeflow_session=${cookie?.value ?? ''}` } };
    };
    const here = await sessionOf(TEST_PASSWORD);
    const elsewhere = await sessionOf(TEST_PASSWORD);
    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: here.headers,
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'en helt anden adgangskode' },
    });
    expect(changed.statusCode).toBe(204);
    const me = (headers: { cookie: string }) => ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers });
    expect((await me(here.headers)).json()).toMatchObject({ id: user.id, passwordMustChange: false });
    expect((await me(elsewhere.headers)).statusCode).toBe(401);
    expect((await sessionOf(TEST_PASSWORD)).statusCode).toBe(401);
    expect((await sessionOf('en helt anden adgangskode')).statusCode).toBe(200);
    const audit = await ctx.app.inject({
      method: 'GET',
      url: `/api/audit?action=auth.password_changed&userId=${user.id}`,
      headers: here.headers,
    });
    expect(audit.json().items.map((e: { details: unknown }) => e.details)).toEqual([{ wasOneTime: false }]);
  });

  it('answers a password change without the current password, or while logged out, with 400 and 401', async () => {
    const m = await newMunicipality(ctx.db);
    const user = await newUser(ctx.db, { municipalityId: m.id });
    const headers = await loginAs(ctx.app, user);
    const missing = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers,
      payload: { newPassword: 'en helt anden adgangskode' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details).toEqual([{ field: 'currentPassword', message: 'Skal udfyldes.' }]);
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'en helt anden adgangskode' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses the login of a deactivated user and ends their sessions', async () => {
    const m = await newMunicipality(ctx.db);
    const admin = await newUser(ctx.db, { municipalityId: m.id, role: 'admin' });
    const user = await newUser(ctx.db, { municipalityId: m.id });
    const userHeaders = await loginAs(ctx.app, user);
    const patched = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: await loginAs(ctx.app, admin),
      payload: { version: 1, active: false },
    });
    expect(patched.statusCode).toBe(200);
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: userHeaders })).statusCode).toBe(401);
    expect((await login(user.email, TEST_PASSWORD)).statusCode).toBe(401);
  });
});

describe.each(engines)('login rate limit on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => ctx.close());

  it('answers 429 in Danish once an address has tried too often, and not for another address', async () => {
    const attempt = (ip: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'x@y.dk', password: 'z' },
        remoteAddress: ip,
      });
    for (let i = 0; i < 3; i++) expect((await attempt('10.1.1.1')).statusCode).toBe(401);
    const limited = await attempt('10.1.1.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toEqual({
      code: 'rate_limited',
      message: 'For mange forsøg. Vent lidt og prøv igen.',
    });
    expect((await attempt('10.2.2.2')).statusCode).toBe(401);
  });
});
