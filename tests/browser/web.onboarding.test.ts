import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMunicipality } from '../../src/municipalities/municipality.service.ts';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';

// The municipality is made by the service behind `npm run municipality:create`, which
// tests/api/onboarding.test.ts runs as a command on both engines; this drives the pages over PGlite.
const NOW = new Date('2026-12-05T09:00:00Z');

describe('choosing a password after a one-time password, in Chromium', { timeout: 120_000 }, () => {
  let t: BrowserTest;
  let oneTime: string;
  const email = 'it@roskilde.dk';

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    const created = await createMunicipality(t.ctx.db, {
      name: 'Roskilde Kommune',
      adminEmail: email,
      adminName: 'Ida Jensen',
    });
    oneTime = created.oneTimePassword;
  });
  afterAll(() => t?.close());

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const fieldError = (page: Page, field: string) => page.locator(`#e-${field}`).textContent();
  const choose = async (page: Page, current: string, chosen: string, repeated = chosen) => {
    await page.getByLabel('Engangsadgangskode').fill(current);
    await page.getByLabel('Ny adgangskode', { exact: true }).fill(chosen);
    await page.getByLabel('Gentag den nye adgangskode').fill(repeated);
    await page.getByRole('button', { name: 'Gem adgangskode' }).click();
  };

  it('sends the first administrator to "Vælg din adgangskode" until they have chosen one, then to the start page', async () => {
    const page = await t.loggedIn(email, { password: oneTime });
    await eventually(() => heading(page)).toBe('Vælg din adgangskode');
    expect(new URL(page.url()).pathname).toBe('/adgangskode');
    // The rules the password is checked against, and no menu to pages that cannot be opened yet.
    const rules = page.getByRole('list', { name: 'Krav til adgangskoden' });
    expect(await rules.getByRole('listitem').allTextContents()).toEqual([
      'Mindst 12 tegn og højst 1.024.',
      'En anden end den nuværende.',
      'Mellemrum og alle andre tegn er tilladt: en sætning på flere ord, som kun du kender, er let at huske og svær at gætte.',
    ]);
    expect(await page.getByRole('navigation').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/adgangskode.png`, fullPage: true });

    // Every other page leads back here.
    for (const path of ['/admin', '/admin/brugere', '/']) {
      await page.goto(`${t.base}${path}`);
      await eventually(() => heading(page)).toBe('Vælg din adgangskode');
      expect(new URL(page.url()).pathname, path).toBe('/adgangskode');
    }

    await choose(page, 'ikke den rigtige', 'idas egen lange adgangskode');
    await eventually(() => fieldError(page, 'currentPassword')).toBe('Den nuværende adgangskode er forkert.');
    expect(await page.getByRole('alert').textContent()).toBe(
      'Nogle felter er ikke udfyldt korrekt. Skriv adgangskoderne igen: de gemmes ikke i formularen.',
    );
    expect(await page.getByLabel('Engangsadgangskode').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Ny adgangskode', { exact: true }).inputValue()).toBe('');

    await choose(page, oneTime, 'kort');
    await eventually(() => fieldError(page, 'newPassword')).toBe('Adgangskoden skal være på mindst 12 tegn.');
    expect(await page.locator('#e-currentPassword').count()).toBe(0);

    await choose(page, oneTime, 'idas egen lange adgangskode', 'idas egen lange adgangskodE');
    await eventually(() => fieldError(page, 'repeatPassword')).toBe('De to nye adgangskoder er ikke ens.');

    // The same page in English, by the switch.
    await page.getByRole('link', { name: 'English' }).click();
    await eventually(() => heading(page)).toBe('Choose your password');
    expect(await page.getByText('At least 12 characters and at most 1,024.').count()).toBe(1);
    await page.getByRole('link', { name: 'Dansk' }).click();
    await eventually(() => heading(page)).toBe('Vælg din adgangskode');

    await choose(page, oneTime, 'idas egen lange adgangskode');
    await eventually(() => heading(page)).toBe('Administration');
    expect(new URL(page.url()).pathname).toBe('/admin');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Brugere' }).count()).toBe(1);
    await page.context().close();

    // The one-time password is spent; the chosen one leads straight to the start page.
    const refused = await t.browser.newPage();
    await refused.goto(`${t.base}/login`);
    await refused.getByLabel('E-mail').fill(email);
    await refused.getByLabel('Adgangskode').fill(oneTime);
    await refused.getByRole('button', { name: 'Log ind' }).click();
    await eventually(() => refused.locator('#e-password').textContent()).toBe('Forkert e-mail eller adgangskode.');
    await refused.context().close();
    const again = await t.loggedIn(email, { password: 'idas egen lange adgangskode' });
    await eventually(() => heading(again)).toBe('Administration');

    // Changing it later is offered from every page, asking for the current password.
    await again.getByRole('link', { name: 'Skift adgangskode' }).click();
    await eventually(() => heading(again)).toBe('Skift adgangskode');
    expect(await again.getByLabel('Nuværende adgangskode').count()).toBe(1);
    await again.context().close();
  });
});
