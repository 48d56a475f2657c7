import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { ARTIFACTS, eventually, launchChromium } from '../support/browser.ts';
import { newMunicipality, newUser, TEST_PASSWORD } from '../support/factories.ts';

// A municipality's intranet serves Ungeflow over plain HTTP under a host name of its own. Chromium
// treats localhost and 127.0.0.1 as secure, so the app is reached here as ungeflow.intern, which
// Chromium resolves to the local listener.
const HOST = 'ungeflow.intern';

describe('the pages over plain HTTP on an intranet host name, in Chromium', { timeout: 90_000 }, () => {
  let ctx: TestContext;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    ctx = await startTestApp('pglite');
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://${HOST}:${(ctx.app.server.address() as AddressInfo).port}`;
    browser = await launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
    await mkdir(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('logs a caseworker in through the form and shows the start page with its stylesheet', async () => {
    const municipality = await newMunicipality(ctx.db);
    const caseworker = await newUser(ctx.db, { municipalityId: municipality.id, role: 'caseworker' });
    const context = await browser.newContext({ locale: 'da-DK' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    // Every answer for the stylesheet, wherever the browser asked for it.
    const stylesheets: string[] = [];
    page.on('requestfinished', (request) => {
      if (request.url().endsWith('/web.css')) {
        void request.response().then((response) => stylesheets.push(`${response?.status()} ${request.url()}`));
      }
    });
    page.on('requestfailed', (request) => {
      if (request.url().endsWith('/web.css')) stylesheets.push(`failed ${request.url()}`);
    });

    await page.goto(`${base}/login`);
    await page.getByLabel('E-mail').fill(caseworker.email);
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();

    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^I dag/);
    expect(page.url()).toBe(`${base}/i-dag`);
    // Asked for over the same plain HTTP each time (not upgraded to an HTTPS port that is not there).
    await eventually(async () => stylesheets.length).toBeGreaterThan(0);
    expect(new Set(stylesheets)).toEqual(new Set([`200 ${base}/web.css`]));
    const brand = await page.evaluate<string>("getComputedStyle(document.documentElement).getPropertyValue('--brand')");
    expect(brand.trim()).toBe('#0b4f8a');
    await page.screenshot({ path: `${ARTIFACTS}/intranet-start.png` });
    await context.close();
  });
});
