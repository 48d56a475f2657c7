import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newCpr, newUnit, newYouth } from '../support/factories.ts';
import { openJourney } from '../support/journeys.ts';
import { passProviderLogin, startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { freePort } from '../support/processes.ts';
import { PHONE_USER_AGENT } from '../support/youth-login.ts';

const PUBLIC_URL = 'http://ungeflow.test';
const CALLBACK = `${PUBLIC_URL}/mit-forloeb/mitid/callback`;

describe.each(engines)("The young person's log-in with MitID (OpenID Connect) on %s", (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  let provider: TestOidcProvider;
  /** The broker's accounts: the name typed on its log-in page, and the claims it answers with. */
  const accounts: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    provider = await startOidcProvider({ publicUrl: PUBLIC_URL, accounts });
    ctx = await startTestApp(engine, {
      env: { PUBLIC_URL, LOGIN_RATE_LIMIT_PER_MINUTE: '1000', ...provider.env },
    });
  });
  afterAll(async () => {
    await ctx?.close();
    await provider?.close();
  });

  /** A youth of a new unit, with an open journey unless told otherwise, known to the broker as `login`. */
  async function youthAtBroker(login: string, options: { journey?: boolean; cpr?: string } = {}) {
    const unit = await newUnit(ctx.app, ctx.db);
    const youth = await newYouth(ctx.app, unit.caseworker.headers, { cpr: options.cpr ?? newCpr() });
    if (options.journey ?? true) await openJourney(ctx.app, unit.caseworker.headers, youth.id);
    accounts[login] = { 'dk.cpr': youth.enteredCpr.replace('-', '') };
    return { unit, youth, digits: youth.enteredCpr.replace('-', ''), formatted: youth.enteredCpr };
  }

  /**
   * "Log ind med MitID" as a phone does it: the app's redirect to the broker with the attempt's
   * cookie, the broker's own log-in page (or its Cancel), and back to the app's callback.
   */
  async function logInWithMitId(login: string, options: { cancel?: boolean } = {}) {
    const start = await ctx.app.inject({
      method: 'GET',
      url: '/mit-forloeb/mitid',
      headers: { 'user-agent': PHONE_USER_AGENT },
    });
    expect(start.statusCode).toBe(303);
    const attempt = start.cookies.find((c) => c.name === 'ungeflow_mitid');
    expect(attempt).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const back = new URL(
      await passProviderLogin(start.headers.location as string, { login, redirectUri: CALLBACK, ...options }),
    );
    const callback = await ctx.app.inject({
      method: 'GET',
      url: `${back.pathname}${back.search}`,
      headers: { 'user-agent': PHONE_USER_AGENT, cookie: `ungeflow_mitid=${attempt!.value}` },
    });
    const youthCookie = callback.cookies.find((c) => c.name === 'ungeflow_youth' && c.value);
    return {
      start,
      attempt: attempt!.value,
      back,
      callback,
      cookie: youthCookie ? `ungeflow_youth=${youthCookie.value}` : undefined,
    };
  }

  const oidcAudit = () =>
    ctx.db
      .selectFrom('audit_log')
      .select(['action', 'municipality_id', 'youth_id', 'user_id', 'details'])
      .where('action', 'like', 'youth_login.login_%')
      .orderBy('id')
      .execute()
      .then((rows) => rows.filter((r) => (r.details as { method?: string }).method === 'oidc'));

  /** Nothing the app logged, and no audit entry, holds the CPR number in any form. */
  async function expectNoCprAnywhere(digits: string) {
    const forms = [digits, `${digits.slice(0, 6)}-${digits.slice(6)}`, digits.slice(6)];
    expect(ctx.logLines.length).toBeGreaterThan(0);
    for (const form of forms) expect(ctx.logLines.filter((line) => line.includes(form))).toEqual([]);
    const details = JSON.stringify((await oidcAudit()).map((e) => e.details));
    for (const form of forms) expect(details).not.toContain(form);
  }

  it('logs in a youth with an open journey through the real provider: PKCE, state and nonce, an oidc session, audited', async () => {
    const { youth, unit, digits } = await youthAtBroker('sofie');
    const loginPage = await ctx.app.inject({ method: 'GET', url: '/mit-forloeb/log-ind' });
    expect(loginPage.body).toContain('<a class="button-link" href="/mit-forloeb/mitid">Log ind med MitID</a>');
    const { start, callback, cookie, attempt } = await logInWithMitId('sofie');

    const authorize = new URL(start.headers.location as string);
    expect(authorize.origin).toBe(provider.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: provider.clientId,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'openid mitid ssn',
      code_challenge_method: 'S256',
    });
    for (const name of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(name)).toBeTruthy();
    expect(attempt).not.toContain(digits);

    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/mit-forloeb');
    expect(cookie).toBeDefined();
    // The attempt is used up: its cookie is cleared.
    expect(callback.cookies.find((c) => c.name === 'ungeflow_mitid')?.value).toBe('');

    const devices = await ctx.app.inject({ method: 'GET', url: '/api/my/devices', headers: { cookie: cookie! } });
    expect(devices.statusCode).toBe(200);
    expect(devices.json().items).toEqual([
      expect.objectContaining({ device: 'Safari, iPhone', method: 'oidc', current: true }),
    ]);
    const page = await ctx.app.inject({ method: 'GET', url: '/mit-forloeb', headers: { cookie: cookie! } });
    expect(page.statusCode).toBe(200);

    const entries = (await oidcAudit()).filter((e) => e.youth_id === youth.id);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'youth_login.login_succeeded',
        municipality_id: unit.municipality.id,
        user_id: null,
        details: { by: 'youth', method: 'oidc' },
      }),
    ]);
    await expectNoCprAnywhere(digits);
  });

  it('refuses an unknown CPR number with a plain Danish page, no session, audited without the number', async () => {
    const digits = newCpr('2005-02-03').replace('-', '');
    accounts['ukendt'] = { 'dk.cpr': digits };
    const { callback, cookie } = await logInWithMitId('ukendt');
    expect(callback.statusCode).toBe(303);
    expect(callback.headers.location).toBe('/mit-forloeb/log-ind?mitid=unknown_cpr');
    expect(cookie).toBeUndefined();

    const shown = await ctx.app.inject({ method: 'GET', url: callback.headers.location as string });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Vi kan ikke finde dig i Mit forløb.');
    expect(shown.body).toContain('Log ind med MitID');
    // The reason is in the address only (the language switch keeps it), never in what the youth reads.
    expect(shown.body.split('<main')[1]).not.toContain('unknown_cpr');
    const english = await ctx.app.inject({ method: 'GET', url: `${callback.headers.location}&lang=en` });
    expect(english.body).toContain('We cannot find you in Mit forløb.');

    const refused = (await oidcAudit()).at(-1);
    expect(refused).toMatchObject({
      action: 'youth_login.login_failed',
      municipality_id: null,
      youth_id: null,
      details: { by: 'youth', method: 'oidc', reason: 'unknown_cpr' },
    });
    await expectNoCprAnywhere(digits);
  });

  it('refuses a youth without an open journey, audited on the youth', async () => {
    const { youth, digits } = await youthAtBroker('uden-forloeb', { journey: false });
    const { callback, cookie } = await logInWithMitId('uden-forloeb');
    expect(callback.headers.location).toBe('/mit-forloeb/log-ind?mitid=no_open_journey');
    expect(cookie).toBeUndefined();
    const shown = await ctx.app.inject({ method: 'GET', url: callback.headers.location as string });
    expect(shown.body).toContain('Du har ikke et forløb hos os lige nu');
    expect((await oidcAudit()).at(-1)).toMatchObject({
      youth_id: youth.id,
      details: { method: 'oidc', reason: 'no_open_journey' },
    });
    await expectNoCprAnywhere(digits);
  });

  it('refuses a CPR number with an open journey in two municipalities, and logs in neither', async () => {
    const { digits, formatted } = await youthAtBroker('to-kommuner');
    await youthAtBroker('to-kommuner', { cpr: formatted });
    const { callback, cookie } = await logInWithMitId('to-kommuner');
    expect(callback.headers.location).toBe('/mit-forloeb/log-ind?mitid=ambiguous_cpr');
    expect(cookie).toBeUndefined();
    expect((await oidcAudit()).at(-1)).toMatchObject({ youth_id: null, details: { reason: 'ambiguous_cpr' } });
    await expectNoCprAnywhere(digits);
  });

  it('answers a cancelled log-in at the broker with a page of its own, no session, audited', async () => {
    await youthAtBroker('fortryder');
    const { back, callback, cookie } = await logInWithMitId('fortryder', { cancel: true });
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(callback.headers.location).toBe('/mit-forloeb/log-ind?mitid=cancelled');
    expect(cookie).toBeUndefined();
    const shown = await ctx.app.inject({ method: 'GET', url: callback.headers.location as string });
    expect(shown.body).toContain('Du afbrød log-ind med MitID');
    expect((await oidcAudit()).at(-1)).toMatchObject({ details: { method: 'oidc', reason: 'cancelled' } });
  });

  it('refuses an answer replayed with the same attempt (the code is used), and one without the attempt cookie', async () => {
    await youthAtBroker('gentager');
    const first = await logInWithMitId('gentager');
    expect(first.cookie).toBeDefined();
    const url = `${first.back.pathname}${first.back.search}`;

    const replayed = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { cookie: `ungeflow_mitid=${first.attempt}` },
    });
    expect(replayed.headers.location).toBe('/mit-forloeb/log-ind?mitid=provider_error');
    expect(replayed.cookies.find((c) => c.name === 'ungeflow_youth' && c.value)).toBeUndefined();
    const shown = await ctx.app.inject({ method: 'GET', url: replayed.headers.location as string });
    expect(shown.body).toContain('Log-ind med MitID virker ikke lige nu.');

    const withoutAttempt = await ctx.app.inject({ method: 'GET', url });
    expect(withoutAttempt.headers.location).toBe('/mit-forloeb/log-ind?mitid=attempt_expired');

    const forged = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { cookie: `ungeflow_mitid=${first.attempt.replace(/\.[^.]*$/, '.forged')}` },
    });
    expect(forged.headers.location).toBe('/mit-forloeb/log-ind?mitid=attempt_expired');
    const reasons = (await oidcAudit()).slice(-3).map((e) => (e.details as { reason: string }).reason);
    expect(reasons).toEqual(['provider_error', 'attempt_expired', 'attempt_expired']);
  });

  it('runs out an attempt after ten minutes at the broker', async () => {
    await youthAtBroker('langsom');
    const start = await ctx.app.inject({ method: 'GET', url: '/mit-forloeb/mitid' });
    const attempt = start.cookies.find((c) => c.name === 'ungeflow_mitid')!.value;
    const back = new URL(
      await passProviderLogin(start.headers.location as string, { login: 'langsom', redirectUri: CALLBACK }),
    );
    try {
      ctx.setNow(new Date(Date.now() + 11 * 60_000));
      const callback = await ctx.app.inject({
        method: 'GET',
        url: `${back.pathname}${back.search}`,
        headers: { cookie: `ungeflow_mitid=${attempt}` },
      });
      expect(callback.headers.location).toBe('/mit-forloeb/log-ind?mitid=attempt_expired');
    } finally {
      ctx.setNow(new Date());
    }
  });
});

describe('The log-in with MitID when the broker is missing or out of reach', () => {
  it('shows no "Log ind med MitID", and has no such route', async () => {
    const plain = await startTestApp('pglite');
    try {
      const page = await plain.app.inject({ method: 'GET', url: '/mit-forloeb/log-ind' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Du logger ind med det link, din rådgiver sender dig');
      expect(page.body).not.toContain('/mit-forloeb/mitid');
      expect((await plain.app.inject({ method: 'GET', url: '/mit-forloeb/mitid' })).statusCode).toBe(404);
      expect((await plain.app.inject({ method: 'GET', url: '/mit-forloeb/mitid/callback?code=x' })).statusCode).toBe(
        404,
      );
    } finally {
      await plain.close();
    }
  });

  it('sends the youth back to the log-in page when the broker cannot be reached, audited, with a warning in the log', async () => {
    const issuer = `http://127.0.0.1:${await freePort()}`;
    const app = await startTestApp('pglite', {
      env: { YOUTH_OIDC_ISSUER: issuer, YOUTH_OIDC_CLIENT_ID: 'ungeflow', YOUTH_OIDC_CLIENT_SECRET: 'secret' },
    });
    try {
      const start = await app.app.inject({ method: 'GET', url: '/mit-forloeb/mitid' });
      expect(start.statusCode).toBe(303);
      expect(start.headers.location).toBe('/mit-forloeb/log-ind?mitid=provider_error');
      expect(start.cookies.find((c) => c.name === 'ungeflow_mitid')).toBeUndefined();
      const shown = await app.app.inject({ method: 'GET', url: start.headers.location as string });
      expect(shown.body).toContain('Log-ind med MitID virker ikke lige nu.');
      const audit = await app.db
        .selectFrom('audit_log')
        .select(['action', 'details'])
        .where('action', '=', 'youth_login.login_failed')
        .execute();
      expect(audit).toEqual([
        { action: 'youth_login.login_failed', details: { by: 'youth', method: 'oidc', reason: 'provider_error' } },
      ]);
      expect(app.logLines.some((line) => line.includes('the MitID broker could not be reached'))).toBe(true);
    } finally {
      await app.close();
    }
  });
});
