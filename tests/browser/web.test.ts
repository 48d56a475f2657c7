import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARTIFACTS,
  type BrowserTest,
  eventually,
  recordFirstConversation,
  startBrowserTest,
} from '../support/browser.ts';
import { newUnit, newYouth, TEST_PASSWORD } from '../support/factories.ts';
import { openJourney, sendEvent } from '../support/journeys.ts';

// The pages run on the same services as the API, which the API tests cover on both engines;
// the browser tests drive the pages over PGlite only.
const NOW = new Date('2026-11-22T10:00:00Z');

describe('web interface in Chromium', { timeout: 90_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let amalie: { id: string; enteredCpr: string };

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    const h = unit.caseworker.headers;
    amalie = await newYouth(t.ctx.app, h, { name: 'Amalie Jensen', phone: '+45 20 30 40 50' });
    await openJourney(t.ctx.app, h, amalie.id, { firstContactAt: '2026-11-20' });
    // Referred twelve days ago without a first conversation: a high alert for the leader.
    const bo = await newYouth(t.ctx.app, h, { name: 'Bo Nielsen' });
    await openJourney(t.ctx.app, h, bo.id, { firstContactAt: '2026-11-10' });
    // Last seen yesterday and the day before: the caseload counts the days in words.
    for (const [name, occurredAt] of [
      ['Carl Holm', '2026-11-21T09:00:00Z'],
      ['Dina Lund', '2026-11-20T09:00:00Z'],
    ] as const) {
      const youth = await newYouth(t.ctx.app, h, { name });
      const journey = await openJourney(t.ctx.app, h, youth.id, { firstContactAt: '2026-11-19' });
      const recorded = await t.ctx.app.inject({
        method: 'POST',
        url: `/api/journeys/${journey.id}/activities`,
        headers: h,
        payload: { kind: 'conversation', conversationKind: 'individual', mode: 'phone', occurredAt },
      });
      expect(recorded.statusCode).toBe(201);
    }
  });
  afterAll(() => t?.close());

  it('lets a caseworker search, open a youth, reveal the CPR and record the first conversation', async () => {
    const page = await t.loggedIn(unit.caseworker.email);
    // A caseworker starts on "I dag"; the caseload is one link away.
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^I dag/);
    await page.getByRole('link', { name: 'Mine unge' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mine unge');
    const amalieRow = page.getByRole('row', { name: /Amalie Jensen/ });
    await eventually(() => amalieRow.textContent()).toContain('Henvist');
    expect(await amalieRow.textContent()).toContain('Første samtale senest');
    const boRow = page.getByRole('row', { name: /Bo Nielsen/ });
    expect(await boRow.textContent()).toContain('Første samtale ikke holdt i tide');
    expect(await page.getByRole('row', { name: /Carl Holm/ }).textContent()).toContain('i går');
    expect(await page.getByRole('row', { name: /Dina Lund/ }).textContent()).toContain('2 dage siden');
    await page.screenshot({ path: `${ARTIFACTS}/mine-unge.png`, fullPage: true });
    // The same page on a tablet held upright.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: `${ARTIFACTS}/mine-unge-tablet.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByLabel('Søg efter navn eller CPR-nummer').fill('Amalie');
    await page.getByRole('button', { name: 'Søg' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Søgeresultater' }).count()).toBe(1);
    // What was searched for stays out of the address (browser history, proxy logs).
    expect(page.url()).not.toContain('Amalie');
    await page.getByRole('link', { name: 'Amalie Jensen' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Amalie Jensen');
    expect(await page.getByTestId('cpr').textContent()).toMatch(/^\d{6}-XXXX$/);

    await page.getByRole('button', { name: 'Vis CPR' }).click();
    await expect
      .poll(() => page.getByTestId('cpr').textContent())
      .toBe(`${amalie.enteredCpr.slice(0, 6)}-${amalie.enteredCpr.slice(-4)}`);
    expect(await page.getByRole('status').textContent()).toContain('Visningen er logget');

    await recordFirstConversation(page, 'Fremmøde');
    await eventually(() => page.getByTestId('timeline').textContent()).toContain('Første samtale holdt');
    expect(await page.getByRole('status').textContent()).toBe('Registreret.');
    expect(await page.locator('.facts').textContent()).toContain('Visitation');
    await page.screenshot({ path: `${ARTIFACTS}/ung.png`, fullPage: true });
    await page.context().close();
  });

  it('logs the search from the search box and the CPR reveal in the audit log', async () => {
    const audit = async (action: string) =>
      (
        await t.ctx.app.inject({
          method: 'GET',
          url: `/api/audit?action=${action}&userId=${unit.caseworker.id}&pageSize=100`,
          headers: unit.leader.headers,
        })
      ).json().items;
    const searches = await audit('youth.searched');
    expect(searches.map((e: { details: { criteria: { query: string } } }) => e.details.criteria.query)).toContain(
      'Amalie',
    );
    const reveals = await audit('youth.cpr_revealed');
    expect(reveals.map((e: { youthId: string }) => e.youthId)).toContain(amalie.id);
  });

  it('shows a wrong password as a Danish message next to the password field', async () => {
    const context = await t.browser.newContext({ locale: 'da-DK' });
    const page = await context.newPage();
    await page.goto(`${t.base}/login`);
    await page.getByLabel('E-mail').fill(unit.caseworker.email);
    await page.getByLabel('Adgangskode').fill('not the password');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await eventually(() => page.locator('#e-password').textContent()).toBe('Forkert e-mail eller adgangskode.');
    expect(await page.getByLabel('Adgangskode').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${ARTIFACTS}/log-ind-fejl.png`, fullPage: true });
    await context.close();
  });

  it('says in Danish that someone else changed the journey and keeps what the caseworker typed', async () => {
    const h = unit.caseworker.headers;
    const carl = await newYouth(t.ctx.app, h, { name: 'Carl Holm' });
    const journey = await openJourney(t.ctx.app, h, carl.id, { firstContactAt: '2026-11-21' });
    const page = await t.loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${carl.id}`);
    await page.locator('summary', { hasText: 'Træk ud af forløbet' }).click();
    await page.getByLabel('Begrundelse', { exact: true }).fill('Flyttet til Aarhus');
    // Meanwhile a colleague records the first conversation through the API.
    expect(
      (await sendEvent(t.ctx.app, h, journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' })).statusCode,
    ).toBe(201);
    await page.getByRole('button', { name: 'Træk ud af forløbet' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Forløbet er ændret af en anden');
    expect(await page.getByLabel('Begrundelse', { exact: true }).inputValue()).toBe('Flyttet til Aarhus');
    expect(await page.getByTestId('timeline').textContent()).toContain('Første samtale holdt');
    await page.screenshot({ path: `${ARTIFACTS}/konflikt.png`, fullPage: true });
    await page.context().close();
  });

  it('asks the leader in Danish for a note before acknowledging an alert', async () => {
    const page = await t.loggedIn(unit.leader.email);
    const alert = page.getByRole('listitem').filter({ hasText: 'Bo Nielsen' });
    await alert.getByRole('button', { name: 'Kvittér' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Nogle felter er ikke udfyldt korrekt.');
    const field = page.getByRole('listitem').filter({ hasText: 'Bo Nielsen' }).getByLabel('Hvad er der gjort?');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('listitem').filter({ hasText: 'Bo Nielsen' }).locator('.error').textContent()).toBe(
      'Må ikke være tomt.',
    );
    await page.context().close();
  });

  it("shows a caseworker the alerts assigned to them, and refuses an administrator's look with a Danish message", async () => {
    const mine = await t.ctx.app.inject({ method: 'GET', url: '/advarsler', headers: unit.caseworker.headers });
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('<h1>Mine advarsler</h1>');
    expect(mine.body).toContain('Bo Nielsen');
    const response = await t.ctx.app.inject({ method: 'GET', url: '/advarsler', headers: unit.admin.headers });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Du har ikke adgang til dette.');
  });

  it('lets a leader acknowledge an open alert with a note', async () => {
    const page = await t.loggedIn(unit.leader.email);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Advarsler');
    const alert = page.getByRole('listitem').filter({ hasText: 'Bo Nielsen' });
    expect(await alert.textContent()).toContain('Første samtale ikke holdt i tide');
    await page.screenshot({ path: `${ARTIFACTS}/advarsler.png`, fullPage: true });
    await alert.getByLabel('Hvad er der gjort?').fill('Ringet til Bo, samtale aftalt på mandag');
    await alert.getByRole('button', { name: 'Kvittér' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Advarslen er kvitteret.');
    expect(await page.getByRole('listitem').filter({ hasText: 'Bo Nielsen' }).count()).toBe(0);
    await page.context().close();
  });

  it('switches the pages to English and remembers the choice', async () => {
    const page = await t.loggedIn(unit.caseworker.email);
    await page.getByRole('link', { name: 'English' }).click();
    // The switch is on "I dag", where a caseworker starts.
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Today/);
    await page.goto(`${t.base}/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My youth');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.context().close();
  });

  it('sends a browser whose session has expired to the log-in page with a message', async () => {
    const response = await t.ctx.app.inject({ method: 'GET', url: '/', cookies: { ungeflow_session: 'ufs_expired' } });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?expired=1');
    const login = await t.ctx.app.inject({ method: 'GET', url: '/login?expired=1' });
    expect(login.body).toContain('din session er udløbet');
  });

  it('refuses a form post without its CSRF token', async () => {
    const response = await t.ctx.app.inject({
      method: 'POST',
      url: '/login',
      payload: `email=${encodeURIComponent(unit.caseworker.email)}&password=${encodeURIComponent(TEST_PASSWORD)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Formularen er udløbet');
    expect(response.headers['set-cookie']?.toString() ?? '').not.toContain('ungeflow_session=ufs_');
  });

  it('sends security headers on pages and leaves the JSON API as it was', async () => {
    const page = await t.ctx.app.inject({ method: 'GET', url: '/login' });
    expect(page.headers['content-security-policy']).toContain("script-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['cache-control']).toBe('no-store');
    const api = await t.ctx.app.inject({ method: 'GET', url: '/api/journeys', headers: unit.caseworker.headers });
    expect(api.statusCode).toBe(200);
    expect(api.headers['content-security-policy']).toBeUndefined();
    const unauthenticated = await t.ctx.app.inject({ method: 'GET', url: '/api/journeys' });
    expect(unauthenticated.statusCode).toBe(401);
  });

  it('escapes what users typed wherever it is shown', async () => {
    const youth = await newYouth(t.ctx.app, unit.caseworker.headers, { name: '<script>x</script> Dorte' });
    const response = await t.ctx.app.inject({
      method: 'GET',
      url: `/unge/${youth.id}`,
      headers: unit.caseworker.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('&lt;script&gt;x&lt;/script&gt; Dorte');
    expect(response.body).not.toContain('<script>x</script>');
  });
});
