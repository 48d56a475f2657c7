import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newMunicipality, newUser, TEST_PASSWORD } from '../support/factories.ts';

/** A browser: its cookies, kept from answer to answer, and the CSRF token of the last page it got. */
interface Browser {
  cookies: Record<string, string>;
  token: string;
}

const form = 'application/x-www-form-urlencoded';

function keep(browser: Browser, response: LightMyRequestResponse): void {
  for (const cookie of response.cookies) browser.cookies[cookie.name] = cookie.value;
  const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
  if (token) browser.token = token;
}

async function logInWithTheForm(ctx: TestContext, email: string): Promise<Browser> {
  const browser: Browser = { cookies: {}, token: '' };
  keep(browser, await ctx.app.inject({ method: 'GET', url: '/login' }));
  const body = new URLSearchParams({ _csrf: browser.token, email, password: TEST_PASSWORD }).toString();
  const loggedIn = await ctx.app.inject({
    method: 'POST',
    url: '/login',
    payload: body,
    headers: { 'content-type': form },
    cookies: browser.cookies,
  });
  expect(loggedIn.statusCode).toBe(303);
  keep(browser, loggedIn);
  // The first page after log-in carries a token made for this session.
  keep(browser, await ctx.app.inject({ method: 'GET', url: '/adgangskode', cookies: browser.cookies }));
  return browser;
}

const logOut = (ctx: TestContext, cookies: Record<string, string>, token: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/logout',
    payload: new URLSearchParams({ _csrf: token }).toString(),
    headers: { 'content-type': form },
    cookies,
  });

describe.each(engines)('CSRF tokens bound to the session, on %s', (engine) => {
  let ctx: TestContext;
  let email = '';
  beforeAll(async () => {
    ctx = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '100' } });
    const m = await newMunicipality(ctx.db);
    email = (await newUser(ctx.db, { municipalityId: m.id, role: 'leader' })).email;
  });
  afterAll(() => ctx.close());

  it("refuses a valid token and secret from another browser's cookies", async () => {
    const mine = await logInWithTheForm(ctx, email);
    const theirs = await logInWithTheForm(ctx, email);
    // Their CSRF cookie and token, tossed into my browser beside my session.
    const tossed = { ...mine.cookies, ungeflow_csrf: theirs.cookies.ungeflow_csrf ?? '' };
    const refused = await logOut(ctx, tossed, theirs.token);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('Formularen er udløbet');
    // Each browser's own pair works.
    expect((await logOut(ctx, mine.cookies, mine.token)).statusCode).toBe(303);
    expect((await logOut(ctx, theirs.cookies, theirs.token)).statusCode).toBe(303);
  });

  it('refuses a token made before log-in once the browser has a session', async () => {
    const browser: Browser = { cookies: {}, token: '' };
    keep(browser, await ctx.app.inject({ method: 'GET', url: '/login' }));
    const anonymousToken = browser.token;
    const body = new URLSearchParams({ _csrf: anonymousToken, email, password: TEST_PASSWORD }).toString();
    keep(
      browser,
      await ctx.app.inject({
        method: 'POST',
        url: '/login',
        payload: body,
        headers: { 'content-type': form },
        cookies: browser.cookies,
      }),
    );
    expect(browser.cookies.ungeflow_session).toMatch(/^ufs_/);
    expect((await logOut(ctx, browser.cookies, anonymousToken)).statusCode).toBe(403);
  });
});

describe.each(engines)('cookies served over HTTPS, on %s', (engine) => {
  let ctx: TestContext;
  let email = '';
  beforeAll(async () => {
    ctx = await startTestApp(engine, {
      env: { PUBLIC_URL: 'https://ungeflow.kommune.dk', LOGIN_RATE_LIMIT_PER_MINUTE: '100' },
    });
    const m = await newMunicipality(ctx.db);
    email = (await newUser(ctx.db, { municipalityId: m.id })).email;
  });
  afterAll(() => ctx.close());

  it('names every cookie with the __Host- prefix, Secure, for the whole site and no domain', async () => {
    const login = await ctx.app.inject({ method: 'GET', url: '/login?lang=en' });
    const api = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    const cookies = [...login.cookies, ...api.cookies];
    expect(cookies.map((c) => c.name).sort()).toEqual([
      '__Host-ungeflow_csrf',
      '__Host-ungeflow_lang',
      '__Host-ungeflow_session',
    ]);
    for (const cookie of cookies) {
      expect(cookie).toMatchObject({ secure: true, path: '/', httpOnly: true });
      expect(cookie.domain).toBeUndefined();
    }
  });

  it('logs in with the form and keeps the session under the prefixed name only', async () => {
    const browser = await logInWithTheForm(ctx, email);
    const session = browser.cookies['__Host-ungeflow_session'] ?? '';
    expect(session).toMatch(/^ufs_/);
    const page = await ctx.app.inject({ method: 'GET', url: '/adgangskode', cookies: browser.cookies });
    expect(page.statusCode).toBe(200);
    const unprefixed = await ctx.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { ungeflow_session: session },
    });
    expect(unprefixed.statusCode).toBe(401);
    expect((await logOut(ctx, browser.cookies, browser.token)).statusCode).toBe(303);
  });
});
