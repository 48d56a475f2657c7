import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newCpr, newUnit, newYouth } from '../support/factories.ts';
import { openJourney } from '../support/journeys.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.ts';
import { accessibilityViolations, horizontalOverflow } from '../support/page-checks.ts';
import { freePort } from '../support/processes.ts';
import { PHONE } from '../support/youth-login.ts';

describe(
  'Log ind med MitID on a phone, in Chromium, through a real OpenID Connect provider',
  { timeout: 180_000 },
  () => {
    let t: BrowserTest;
    let provider: TestOidcProvider;
    /** The provider's accounts: the name typed on its log-in page, and the claims it answers with. */
    const accounts: Record<string, Record<string, string>> = {};
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      // The broker must know the app's callback, so the app's address is chosen before it starts.
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      provider = await startOidcProvider({ publicUrl: base, accounts });
      t = await startBrowserTest({ now: new Date(), port, env: { PUBLIC_URL: base, ...provider.env } });
    });
    afterAll(async () => {
      for (const context of contexts) await context.close();
      await t?.close();
      await provider?.close();
    });

    const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

    async function checkPage(page: Page, name: string) {
      expect(await accessibilityViolations(page), name).toEqual([]);
      expect(await horizontalOverflow(page), name).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}/mit-forloeb-${name}.png`, fullPage: true });
    }

    /** A phone's browser on the youth's log-in page; it reaches nothing but this machine. */
    async function phoneOnLogInPage(): Promise<Page> {
      const context = await t.browser.newContext({
        viewport: PHONE,
        locale: 'da-DK',
        bypassCSP: true,
        isMobile: true,
        hasTouch: true,
      });
      contexts.push(context);
      // The provider's own page asks for a web font; nothing leaves the machine.
      await context.route(
        (url) => url.hostname !== '127.0.0.1',
        (route) => route.abort(),
      );
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      await page.goto(`${t.base}/mit-forloeb/log-ind`);
      return page;
    }

    /** Presses "Log ind med MitID" and logs in on the provider's own page as `login`. */
    async function logInAtProvider(page: Page, login: string) {
      await page.getByRole('link', { name: 'Log ind med MitID' }).click();
      await page.waitForURL((url) => url.origin === provider.issuer);
      await page.locator('input[name="login"]').fill(login);
      await page.locator('input[name="password"]').fill('test');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await page.waitForURL((url) => url.origin === t.base);
    }

    it('logs a youth with an open journey in with MitID and lands on Mit forløb', async () => {
      const unit = await newUnit(t.ctx.app, t.ctx.db);
      const youth = await newYouth(t.ctx.app, unit.caseworker.headers, { name: 'Emma Nørgaard', cpr: newCpr() });
      await openJourney(t.ctx.app, unit.caseworker.headers, youth.id);
      const digits = youth.enteredCpr.replace('-', '');
      accounts['emma'] = { 'dk.cpr': digits };

      const page = await phoneOnLogInPage();
      await eventually(() => heading(page)).toBe('Log ind på Mit forløb');
      await checkPage(page, 'log-ind-mitid');
      await logInAtProvider(page, 'emma');
      await eventually(() => heading(page)).toBe('Hej Emma');
      expect(new URL(page.url()).pathname).toBe('/mit-forloeb');
      await checkPage(page, 'forside-mitid');

      await page.getByRole('link', { name: 'Dine enheder' }).click();
      await eventually(() => heading(page)).toBe('Dine enheder');
      await expect.poll(() => page.getByRole('main').textContent()).toContain('med MitID');

      const cookies = await page.context().cookies();
      expect(cookies.map((c) => c.value).filter((v) => v.includes(digits))).toEqual([]);
      expect(t.ctx.logLines.filter((line) => line.includes(digits) || line.includes(youth.enteredCpr))).toEqual([]);
    });

    it('tells a youth whose CPR number is unknown, in Danish and in English, and logs no one in', async () => {
      const digits = newCpr('2006-08-09').replace('-', '');
      accounts['ukendt'] = { 'dk.cpr': digits };

      const page = await phoneOnLogInPage();
      await logInAtProvider(page, 'ukendt');
      await eventually(() => page.getByRole('alert').textContent()).toContain('Vi kan ikke finde dig i Mit forløb.');
      expect(new URL(page.url()).pathname).toBe('/mit-forloeb/log-ind');
      expect(await heading(page)).toBe('Log ind på Mit forløb');
      await checkPage(page, 'mitid-ukendt');
      expect((await page.context().cookies()).filter((c) => c.name === 'ungeflow_youth' && c.value)).toEqual([]);

      await page.getByRole('link', { name: 'English' }).click();
      await eventually(() => page.getByRole('alert').textContent()).toContain('We cannot find you in Mit forløb.');

      // Nothing opens Mit forløb on this phone.
      await page.goto(`${t.base}/mit-forloeb`);
      expect(new URL(page.url()).pathname).toBe('/mit-forloeb/log-ind');
      expect(t.ctx.logLines.filter((line) => line.includes(digits))).toEqual([]);
    });
  },
);
