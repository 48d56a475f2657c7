import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anotherInstance, startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { loginAs, newMunicipality, newUser, TEST_PASSWORD, type TestUser } from '../support/factories.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The app listening on a real port: only a real connection has the address a proxy would connect
 * from (inject always comes from 127.0.0.1 unless told otherwise).
 */
async function listening(ctx: TestContext): Promise<string> {
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
}

/** A log-in over HTTP, as the proxy would forward it. */
function postLogin(
  base: string,
  user: { email: string },
  headers: Record<string, string> = {},
  password = TEST_PASSWORD,
) {
  return fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: user.email, password }),
  });
}

/** The user's log-ins as the audit log shows them to a leader of the municipality. */
async function auditedLogins(ctx: TestContext, leader: TestUser, user: TestUser) {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/api/audit?action=auth.login_succeeded&userId=${user.id}`,
    headers: await loginAs(ctx.app, leader),
  });
  expect(response.statusCode).toBe(200);
  return response.json<{ items: { ip: string | null; requestId: string | null }[] }>().items;
}

async function newPeople(ctx: TestContext) {
  const municipality = await newMunicipality(ctx.db);
  return {
    leader: await newUser(ctx.db, { municipalityId: municipality.id, role: 'leader' }),
    caseworker: await newUser(ctx.db, { municipalityId: municipality.id, role: 'caseworker' }),
  };
}

describe.each(engines)('behind a trusted reverse proxy on %s', (engine) => {
  let ctx: TestContext;
  let base: string;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { env: { TRUST_PROXY: '127.0.0.1', LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    base = await listening(ctx);
  });
  afterAll(() => ctx.close());

  it("records the forwarded client's address in the audit log", async () => {
    const { leader, caseworker } = await newPeople(ctx);
    expect((await postLogin(base, caseworker, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
    expect((await auditedLogins(ctx, leader, caseworker)).map((e) => e.ip)).toEqual(['203.0.113.7']);
  });

  it('believes only the proxies named: an address the client put before its own is ignored', async () => {
    const { leader, caseworker } = await newPeople(ctx);
    const response = await postLogin(base, caseworker, { 'x-forwarded-for': '198.51.100.99, 203.0.113.8' });
    expect(response.status).toBe(200);
    expect((await auditedLogins(ctx, leader, caseworker)).map((e) => e.ip)).toEqual(['203.0.113.8']);
  });

  it('counts log-in attempts per forwarded client', async () => {
    const attempt = (client: string) =>
      postLogin(base, { email: 'nobody@test.dk' }, { 'x-forwarded-for': client }, 'wrong').then((r) => r.status);
    for (let i = 0; i < 3; i++) expect(await attempt('203.0.113.20')).toBe(401);
    expect(await attempt('203.0.113.20')).toBe(429);
    // Another client behind the same proxy is not held up by the first.
    expect(await attempt('203.0.113.21')).toBe(401);
  });
});

describe.each(engines)('without TRUST_PROXY on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  let base: string;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    base = await listening(ctx);
  });
  afterAll(() => ctx.close());

  it('ignores X-Forwarded-For: the audit log has the address the connection came from', async () => {
    const { leader, caseworker } = await newPeople(ctx);
    expect((await postLogin(base, caseworker, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
    expect((await auditedLogins(ctx, leader, caseworker)).map((e) => e.ip)).toEqual(['127.0.0.1']);
  });

  it('counts attempts per connecting address, whatever X-Forwarded-For claims', async () => {
    const attempt = (client: string) =>
      postLogin(base, { email: 'nobody@test.dk' }, { 'x-forwarded-for': client }, 'wrong').then((r) => r.status);
    // A minute of its own, apart from the log-ins of the test before.
    ctx.setNow(new Date('2030-01-07T09:00:00Z'));
    expect(await attempt('203.0.113.30')).toBe(401);
    expect(await attempt('203.0.113.31')).toBe(401);
    expect(await attempt('203.0.113.32')).toBe(401);
    expect(await attempt('203.0.113.33')).toBe(429);
  });
});

describe.each(engines)('with another address in TRUST_PROXY on %s', (engine) => {
  let ctx: TestContext;
  let base: string;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { env: { TRUST_PROXY: '10.0.0.1,192.168.0.0/16' } });
    base = await listening(ctx);
  });
  afterAll(() => ctx.close());

  it('ignores X-Forwarded-For from a connection that is not one of the proxies', async () => {
    const { leader, caseworker } = await newPeople(ctx);
    expect((await postLogin(base, caseworker, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
    expect((await auditedLogins(ctx, leader, caseworker)).map((e) => e.ip)).toEqual(['127.0.0.1']);
  });
});

describe.each(engines)('request ids on %s', (engine) => {
  let ctx: TestContext;
  let second: FastifyInstance;
  beforeAll(async () => {
    ctx = await startTestApp(engine);
    second = await anotherInstance(ctx);
  });
  afterAll(async () => {
    await second.close();
    await ctx.close();
  });

  it('gives requests to two instances on one database ids that are all different', async () => {
    const ids: string[] = [];
    for (const app of [ctx.app, second, ctx.app, second]) {
      const response = await app.inject({ method: 'GET', url: '/api/health' });
      expect(response.statusCode).toBe(200);
      ids.push(String(response.headers['x-request-id']));
    }
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(4);
  });

  it('takes a well-formed X-Request-Id from the proxy, answers with it and stores it with the audit entry', async () => {
    const { leader, caseworker } = await newPeople(ctx);
    const requestId = 'proxy-7f3a9c21.request_1';
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-request-id': requestId },
      payload: { email: caseworker.email, password: TEST_PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toBe(requestId);
    expect((await auditedLogins(ctx, leader, caseworker)).map((e) => e.requestId)).toEqual([requestId]);
  });

  it('replaces an X-Request-Id that is too short, too long or has other characters, and stores its own', async () => {
    const { leader, caseworker } = await newPeople(ctx);
    const given = ['has spaces in it', 'a'.repeat(500), 'short', 'semi;colon-12345', 'æøå-12345678'];
    const answered: string[] = [];
    for (const requestId of given) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-request-id': requestId },
        payload: { email: caseworker.email, password: TEST_PASSWORD },
      });
      expect(response.statusCode).toBe(200);
      answered.push(String(response.headers['x-request-id']));
    }
    for (const id of answered) expect(id).toMatch(UUID);
    const stored = (await auditedLogins(ctx, leader, caseworker)).map((e) => e.requestId);
    expect(stored.sort()).toEqual([...answered].sort());
  });

  it('answers with the request id on errors, on unknown addresses and on pages', async () => {
    const responses = await Promise.all([
      ctx.app.inject({ method: 'GET', url: '/api/youth' }),
      ctx.app.inject({ method: 'GET', url: '/no/such/page' }),
      ctx.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: '{not json',
      }),
      ctx.app.inject({ method: 'GET', url: '/login' }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([401, 404, 400, 200]);
    for (const response of responses) expect(response.headers['x-request-id']).toMatch(UUID);
  });
});

describe.each(engines)('security headers of the pages on %s', (engine) => {
  const headersOf = async (env: Record<string, string>) => {
    const ctx = await startTestApp(engine, { env });
    try {
      const response = await ctx.app.inject({ method: 'GET', url: '/login' });
      expect(response.statusCode).toBe(200);
      return {
        csp: String(response.headers['content-security-policy']),
        hsts: response.headers['strict-transport-security'],
      };
    } finally {
      await ctx.close();
    }
  };

  it('asks browsers to upgrade to HTTPS and to remember it when PUBLIC_URL is https', async () => {
    const { csp, hsts } = await headersOf({ PUBLIC_URL: 'https://ungeflow.kommune.dk' });
    expect(csp).toContain('upgrade-insecure-requests');
    expect(hsts).toMatch(/^max-age=\d+/);
  });

  it('does the same when the cookies are Secure', async () => {
    const { csp, hsts } = await headersOf({ PUBLIC_URL: 'http://ungeflow.intern', COOKIE_SECURE: 'true' });
    expect(csp).toContain('upgrade-insecure-requests');
    expect(hsts).toMatch(/^max-age=\d+/);
  });

  it('asks for neither when served over plain HTTP, and keeps the rest of the policy', async () => {
    const { csp, hsts } = await headersOf({ PUBLIC_URL: 'http://ungeflow.intern:3000' });
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(csp).toContain("script-src 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(hsts).toBeUndefined();
  });
});
