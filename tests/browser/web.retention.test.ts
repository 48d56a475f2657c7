import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserTest, startBrowserTest } from '../support/browser.ts';
import { newUnit } from '../support/factories.ts';
import { referredYouth } from '../support/journeys.ts';

// A leader's legal hold and deletion of a youth registered by mistake, and the municipality's
// retention periods on the settings page, driven in Chromium over PGlite.
describe('retention pages in Chromium', { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;

  beforeAll(async () => {
    t = await startBrowserTest({ now: new Date() });
    unit = await newUnit(t.ctx.app, t.ctx.db);
  });
  afterAll(() => t.close());

  it('puts a youth on legal hold with a reason, lifts it, and deletes a youth registered by mistake', async () => {
    const { youth } = await referredYouth(t.ctx.app, unit.caseworker.headers, 'Dobbelt Registreretsen');
    const page = await t.loggedIn(unit.leader.email);
    await page.goto(`${t.base}/unge/${youth.id}`);

    await page.getByText('Sæt retligt hold').first().click();
    await page.locator('[data-testid=hold-form] button[type=submit]').click();
    await expect.poll(() => page.locator('#e-hold-reason').textContent()).toBe('Skriv en begrundelse.');
    await page.getByLabel('Begrundelse for det retlige hold').fill('Klagesag hos Ankestyrelsen');
    await page.locator('[data-testid=hold-form] button[type=submit]').click();
    await expect.poll(() => page.getByTestId('legal-hold').textContent()).toContain('Klagesag hos Ankestyrelsen');
    // On legal hold, the youth cannot be deleted.
    expect(await page.locator('[data-testid=delete-form]').count()).toBe(0);
    await page.getByRole('button', { name: 'Ophæv retligt hold' }).click();
    await expect.poll(() => page.locator('.notice').first().textContent()).toContain('Det retlige hold er ophævet.');

    await page.getByText('Slet fejlregistreret ung').click();
    await page.getByLabel('Begrundelse for sletningen').fill('Registreret to gange');
    await page.locator('[data-testid=delete-form] button[type=submit]').click();
    await expect
      .poll(() => page.locator('#e-delete-confirm').textContent())
      .toBe('Sæt kryds for at bekræfte sletningen.');
    await page.getByLabel(/Jeg bekræfter/).check();
    await page.locator('[data-testid=delete-form] button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === '/');
    const gone = await t.ctx.app.inject({ method: 'GET', url: `/api/youth/${youth.id}`, headers: unit.leader.headers });
    expect(gone.statusCode).toBe(404);
    await page.context().close();
  });

  it('keeps the retention periods the administrator sets', async () => {
    const page = await t.loggedIn(unit.admin.email);
    await page.goto(`${t.base}/admin/indstillinger`);
    await page.getByLabel(/År efter afsluttet forløb/).fill('0');
    await page.getByRole('button', { name: /Gem/ }).click();
    await expect.poll(() => page.locator('#e-personalDataYears').textContent()).toBeTruthy();
    await page.getByLabel(/År efter afsluttet forløb/).fill('10');
    await page.getByLabel(/År loggen gemmes/).fill('7');
    await page.getByRole('button', { name: /Gem/ }).click();
    await page.waitForURL((url) => url.search.includes('registreret'));
    const settings = await t.ctx.app.inject({ method: 'GET', url: '/api/settings', headers: unit.admin.headers });
    expect(settings.json<{ retention: unknown }>().retention).toEqual({ personalDataYears: 10, auditYears: 7 });
    await page.context().close();
  });
});
