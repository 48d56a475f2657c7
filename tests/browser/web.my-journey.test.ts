import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newCpr, newMunicipality, newUser } from '../support/factories.ts';
import { accessibilityViolations, horizontalOverflow } from '../support/page-checks.ts';
import { linkInOutbox, PHONE, youthPhonePage } from '../support/youth-login.ts';

const NOW = new Date('2026-12-10T09:00:00Z');

describe('Mit forløb on a phone, in Chromium', { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let caseworkerEmail: string;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    const municipality = await newMunicipality(t.ctx.db);
    caseworkerEmail = (await newUser(t.ctx.db, { municipalityId: municipality.id, role: 'caseworker' })).email;
  });
  afterAll(() => t?.close());

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  /** A youth registered by the caseworker on "Ny ung"; their id. */
  async function registeredYouth(staff: Page, name: string, phone: string): Promise<string> {
    const created = await staff.request.post(`${t.base}/api/youth`, {
      data: { name, cpr: newCpr(), phone },
    });
    expect(created.status()).toBe(201);
    return ((await created.json()) as { id: string }).id;
  }

  async function checkPage(page: Page, name: string) {
    expect(await accessibilityViolations(page), name).toEqual([]);
    expect(await horizontalOverflow(page), name).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/mit-forloeb-${name}.png`, fullPage: true });
  }

  it("logs the youth in with the link the caseworker sends from the youth's page, and shows no staff page", async () => {
    const staff = await t.loggedIn(caseworkerEmail);
    const youthId = await registeredYouth(staff, 'Sofie Marie Hansen', '12 34 56 78');
    await staff.goto(`${t.base}/unge/${youthId}`);
    const invite = staff.getByTestId('invite');
    await invite.getByLabel('På sms til 12 34 56 78').check();
    await invite.getByRole('button', { name: 'Send link til Mit forløb' }).click();
    await eventually(() => staff.getByRole('status').textContent()).toBe('Linket til Mit forløb er sendt.');

    const link = await linkInOutbox(t.ctx.db, youthId);
    const context = await t.browser.newContext({ viewport: PHONE, locale: 'da-DK', bypassCSP: true, isMobile: true });
    const phone = await context.newPage();
    await phone.goto(link.replace(t.ctx.config.publicUrl, t.base));
    await eventually(() => heading(phone)).toBe('Log ind på Mit forløb');
    await checkPage(phone, 'link');
    await phone.getByRole('button', { name: 'Log ind' }).click();
    await eventually(() => heading(phone)).toBe('Hej Sofie');
    expect(new URL(phone.url()).pathname).toBe('/mit-forloeb');
    await checkPage(phone, 'forside');

    // The link again, on the same phone: used.
    await phone.goto(link.replace(t.ctx.config.publicUrl, t.base));
    await phone.getByRole('button', { name: 'Log ind' }).click();
    await eventually(() => phone.getByRole('alert').textContent()).toContain('Linket virker ikke længere');

    // Staff pages are not the youth's.
    for (const path of [`/unge/${youthId}`, '/']) {
      const response = await phone.goto(`${t.base}${path}`);
      expect(response?.status(), path).toBe(403);
    }
    await context.close();
  });

  it('lists the devices in Danish and English, and logs them all out', async () => {
    const staff = await t.loggedIn(caseworkerEmail);
    const youthId = await registeredYouth(staff, 'Jonas Berg', '87 65 43 21');
    const page = await youthPhonePage(t.browser, t.base, t.ctx.db, youthId, { now: NOW });
    const other = await youthPhonePage(t.browser, t.base, t.ctx.db, youthId, { now: NOW });
    await eventually(() => heading(page)).toBe('Hej Jonas');
    await page.getByRole('link', { name: 'Dine enheder' }).click();
    await eventually(() => heading(page)).toBe('Dine enheder');
    expect(await page.getByRole('listitem').filter({ hasText: 'Chrome, Android' }).count()).toBe(2);
    await checkPage(page, 'enheder');
    await page.getByRole('link', { name: 'English' }).click();
    await eventually(() => heading(page)).toBe('Your devices');
    await checkPage(page, 'devices-en');
    await page.getByRole('button', { name: 'Log out on all devices' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('You are logged out on all your devices.');
    await checkPage(page, 'logged-out-en');

    await other.reload();
    await eventually(() => heading(other)).toBe('Log ind på Mit forløb');
    expect(await other.getByRole('status').textContent()).toBe('Du er blevet logget ud på denne enhed. Log ind igen.');
  });
});
