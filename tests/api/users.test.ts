import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newUnit } from '../support/factories.ts';

describe.each(engines)('user administration on %s', (engine) => {
  let ctx: TestContext;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  beforeAll(async () => {
    ctx = await startTestApp(engine);
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
    expect(created.json()).toMatchObject({ email, role: 'caseworker', active: true });
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

  it('answers 403 to caseworkers and leaders on user administration', async () => {
    for (const headers of [unit.caseworker.headers, unit.leader.headers]) {
      expect((await ctx.app.inject({ method: 'GET', url: '/api/users', headers })).statusCode).toBe(403);
    }
  });

  it('does not let an administrator remove their own administrator access', async () => {
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${unit.admin.id}`,
      headers: unit.admin.headers,
      payload: { role: 'caseworker' },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.details[0].field).toBe('role');
  });

  it('changes a role and makes the user log in again', async () => {
    const fresh = await newUnit(ctx.app, ctx.db);
    const response = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${fresh.caseworker.id}`,
      headers: fresh.admin.headers,
      payload: { role: 'leader' },
    });
    expect(response.json().role).toBe('leader');
    expect(
      (await ctx.app.inject({ method: 'GET', url: '/api/auth/me', headers: fresh.caseworker.headers })).statusCode,
    ).toBe(401);
  });
});
