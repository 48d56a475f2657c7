import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { startTestApp, type TestContext } from './app.ts';
import { TEST_PASSWORD } from './factories.ts';

/** Debian's Chromium, which .ci/run installs; a missing browser fails the tests, never skips them. */
export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots of the pages are kept here as test artefacts. */
export const ARTIFACTS = 'test-artifacts/web';

/** Waits for the page to show something (a click's navigation finishes on its own time). */
export const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

/** Records the first conversation on a youth's page, choosing how it was held ("Fremmøde", "Telefon", "Video"). */
export async function recordFirstConversation(page: Page, mode: string): Promise<void> {
  const first = page
    .locator('details.step')
    .filter({ has: page.locator('summary', { hasText: 'Registrér første samtale' }) });
  await first.locator('summary').click();
  await first.getByLabel('Hvordan blev samtalen holdt').selectOption({ label: mode });
  await first.getByRole('button', { name: 'Registrér første samtale' }).click();
}

/**
 * Answers the visitation questionnaire on a youth's page as a youth who stopped after primary
 * school, wants an education (grade average 7, supported by the parents), with profile C and a
 * mental-health barrier weighed as some: the rules suggest uddannelsesparat (STAR: Den gode
 * ungeindsats i jobcentrene (2017), s. 16 og 21).
 */
export async function answerQuestionnaire(page: Page): Promise<void> {
  const answer = (number: number, label: string) =>
    page
      .getByRole('group', { name: new RegExp(`^${number}\\. `) })
      .getByLabel(label, { exact: true })
      .check();
  await answer(1, 'Grundskole (9. eller 10. klasse)');
  await answer(2, 'Ja');
  await answer(3, 'Ja');
  await answer(4, '5 (Meget vigtigt)');
  await answer(5, 'I gang med en uddannelse');
  await answer(6, 'Nej');
  await answer(7, 'Forældre');
  await answer(9, 'Nej');
  await page
    .getByRole('group', { name: /^10\. / })
    .getByLabel(/Gennemsnit/)
    .fill('7');
  await page
    .getByRole('group', { name: 'Profilafklaring' })
    .getByLabel('C: I risiko for langvarig offentlig forsørgelse')
    .check();
  await page.getByRole('group', { name: 'Barrierer', exact: true }).getByLabel('Psykiske problemer').check();
}

/**
 * Chromium without a window, a sandbox or anything that reaches the network by itself; `args` adds
 * switches, e.g. `--host-resolver-rules` to reach the app under an intranet host name.
 */
export async function launchChromium(args: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...args,
    ],
  });
}

/**
 * How a log-in differs from the usual: what the browser window allows (e.g. `acceptDownloads`), and
 * the password of a user who has another than the factories' TEST_PASSWORD.
 */
export type LogInOptions = BrowserContextOptions & { password?: string };

/** A fresh browser session (laptop-sized, Danish) logged in as the user, on the page the log-in leads to. */
export async function logIn(
  browser: Browser,
  base: string,
  email: string,
  { password = TEST_PASSWORD, ...contextOptions }: LogInOptions = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'da-DK',
    ...contextOptions,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${base}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
  return page;
}

export interface BrowserTest {
  ctx: TestContext & { setNow(d: Date): void };
  browser: Browser;
  /** The app's address, e.g. http://127.0.0.1:41234. */
  base: string;
  /** A new browser window, logged in as the user, on the page the log-in leads to. */
  loggedIn(email: string, options?: LogInOptions): Promise<Page>;
  close(): Promise<void>;
}

/**
 * The app on a fresh PGlite database, listening on a free port, and Chromium to drive it. The pages
 * run on the same services the API tests cover on both engines, so the browser tests use PGlite.
 */
export async function startBrowserTest(options: {
  now: Date;
  env?: Record<string, string>;
  /** The port to listen on, when the app must know its address beforehand (PUBLIC_URL); a free one by default. */
  port?: number;
}): Promise<BrowserTest> {
  const ctx = await startTestApp('pglite', { now: options.now, ...(options.env && { env: options.env }) });
  await ctx.app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  await mkdir(ARTIFACTS, { recursive: true });
  return {
    ctx,
    browser,
    base,
    loggedIn: (email, logInOptions) => logIn(browser, base, email, logInOptions),
    async close() {
      await browser.close();
      await ctx.close();
    },
  };
}
