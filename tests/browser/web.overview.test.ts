import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newUnit, newYouth, TEST_PASSWORD } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';

// The figures themselves are checked on both engines by tests/api/overview.test.ts; this drives
// the page over PGlite only, like tests/browser/web.test.ts.
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts/web';
const NOW = new Date('2026-11-22T10:00:00Z');

const eventually = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 10_000 });

describe('the leader overview in Chromium', { timeout: 90_000 }, () => {
  let ctx: TestContext;
  let browser: Browser;
  let base: string;
  let unit: Awaited<ReturnType<typeof newUnit>>;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    ctx = await startTestApp('pglite', { now: NOW });
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    });
    await mkdir(ARTIFACTS, { recursive: true });
    unit = await newUnit(ctx.app, ctx.db);
    const h = unit.caseworker.headers;
    const youth = await newYouth(ctx.app, h, { name: 'Amalie Jensen' });
    const journey = await openJourney(ctx.app, h, youth.id, { firstContactAt: '2026-11-02' });
    await sendEvent(ctx.app, h, journey.id, {
      type: 'FIRST_CONVERSATION_HELD',
      occurredAt: '2026-11-02T09:00:00+01:00',
    });
    await sendEvent(ctx.app, h, journey.id, { ...activityReadyVisitation(), occurredAt: '2026-11-02T10:00:00+01:00' });
  });
  afterAll(async () => {
    await browser?.close();
    await ctx?.close();
  });

  it('lets a leader open Overblik from the menu, see a figure and download it as CSV', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'da-DK',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('E-mail').fill(unit.leader.email);
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('link', { name: 'Overblik' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Overblik');

    // The default period is the month so far: 1 to 22 November.
    expect(await page.getByLabel('Fra og med').inputValue()).toBe('2026-11-01');
    expect(await page.getByLabel('Til og med').inputValue()).toBe('2026-11-22');
    const figure = page.getByRole('region', { name: 'Fordeling på visitationskategori' });
    await eventually(() => figure.getByRole('row', { name: /Hele enheden/ }).textContent()).toMatch(
      /Hele enheden\s*0\s*0\s*1\s*1/,
    );
    expect(await figure.getByRole('img', { name: 'Fordeling på visitationskategori' }).count()).toBe(1);
    // Each figure says whom it counts and as of when: the status figures at the period's last day.
    const passive = page.getByRole('region', { name: 'Passivandel (ingen aktivitet i 14 dage)' });
    expect(
      await passive.getByText('Ud af de unge, der var aktive ved periodens slutning (22. nov. 2026)').count(),
    ).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}/overblik.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('overblik-2026-11-01-2026-11-22.csv');
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [heading, row] = csv.slice(1).split('\r\n');
    expect(heading!.split(';').slice(0, 2)).toEqual(['Enhed', 'Fordeling på visitationskategori: I alt']);
    expect(row!.split(';').slice(0, 2)).toEqual(['Hele enheden', '1']);
    await context.close();
  });
});
