import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newUnit } from '../support/factories.ts';
import { referredYouth } from '../support/journeys.ts';
import { accessibilityViolations, horizontalOverflow } from '../support/page-checks.ts';
import { youthPhonePage } from '../support/youth-login.ts';

const NOW = new Date('2026-12-10T09:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;

describe("The youth's own voice on a phone, in Chromium", { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let unit: Unit;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
  });
  afterAll(() => t?.close());

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const staff = (method: 'POST' | 'PUT', url: string, payload?: object) =>
    t.ctx.app.inject({ method, url, headers: unit.caseworker.headers, ...(payload ? { payload } : {}) });

  async function checkPage(page: Page, name: string) {
    expect(await accessibilityViolations(page), name).toEqual([]);
    expect(await horizontalOverflow(page), name).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/mit-forloeb-${name}.png`, fullPage: true });
  }

  /** Picks a score in the question's group of radio buttons. */
  const score = (page: Page, question: string, value: string) =>
    page.getByRole('group', { name: question }).getByLabel(value, { exact: true }).check();

  it('rates progression, shows the scores as a chart and a table, and the shared assessment beside them', async () => {
    const { youth, journey } = await referredYouth(t.ctx.app, unit.caseworker.headers, 'Selma Udvikling');
    const page = await youthPhonePage(t.browser, t.base, t.ctx.db, youth.id, { now: NOW });
    await page.getByRole('link', { name: 'Min udvikling' }).click();
    await eventually(() => heading(page)).toBe('Min udvikling');
    expect(await page.getByTestId('mine').textContent()).toContain('Du har ikke svaret endnu.');
    await checkPage(page, 'min-udvikling');

    await score(page, 'Hvor meget tror du på, at du kan klare det, du går i gang med?', '6');
    await score(page, 'Hvor godt har du det for tiden?', '7');
    await score(page, 'Hvor ofte føler du dig alene? Her er et lavt tal godt.', '3');
    await page.getByRole('button', { name: 'Send mine svar' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Tak! Dine svar er gemt.');

    // The chart, named and described, and the same numbers in the table.
    const chart = page.getByRole('img', { name: 'Dine svar over tid' });
    expect(await chart.count()).toBe(1);
    expect(await page.locator('#c-mine-desc').textContent()).toContain('Ensom: et lavt tal er godt.');
    expect(await page.locator('svg.line-chart polyline').count()).toBe(3);
    const rows = page.getByTestId('my-ratings').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect((await rows.first().locator('td').allTextContents()).map((s) => s.trim())).toEqual([
      '6',
      '–',
      '–',
      '–',
      '7',
      '3',
    ]);
    // Rated this month: no form, but the day they can again.
    expect(await page.getByTestId('not-yet').textContent()).toContain('Du kan svare igen 1. jan. 2027');
    expect(await page.getByRole('button', { name: 'Send mine svar' }).count()).toBe(0);
    expect(await page.getByTestId('caseworker-assessment').count()).toBe(0);
    await checkPage(page, 'min-udvikling-svaret');

    // The caseworker asks again and shares their own assessment.
    expect((await staff('POST', `/api/journeys/${journey.id}/self-rating-requests`)).statusCode).toBe(201);
    const measured = await staff('POST', `/api/journeys/${journey.id}/progression`, {
      assessedBy: 'caseworker',
      measuredOn: '2026-12-08',
      scores: { network: 5, readiness: 4 },
    });
    expect(measured.statusCode).toBe(201);
    expect((await staff('PUT', `/api/journeys/${journey.id}/progression-sharing`, { shared: true })).statusCode).toBe(
      200,
    );
    await page.reload();
    expect(await page.getByTestId('asked').textContent()).toBe('Din rådgiver har bedt dig om at svare nu.');
    await score(page, 'Hvor mange har du at tale med og få hjælp fra?', '8');
    await page.getByRole('button', { name: 'Send mine svar' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Tak! Dine svar er gemt.');
    expect(await page.getByTestId('my-ratings').locator('tbody tr').count()).toBe(2);
    const assessment = page.getByTestId('caseworker-assessment');
    expect(await assessment.getByRole('img', { name: 'Din rådgivers vurdering' }).count()).toBe(1);
    expect((await assessment.locator('tbody td').allTextContents()).map((s) => s.trim())).toEqual([
      '–',
      '–',
      '5',
      '–',
      '4',
    ]);
    await checkPage(page, 'min-udvikling-delt');

    // A second rating this month without being asked is refused with the day, on the page.
    const again = await page.request.post(`${t.base}/mit-forloeb/min-udvikling`, {
      form: { _csrf: (await page.locator('input[name=_csrf]').first().getAttribute('value')) ?? '', wellbeing: '5' },
    });
    expect(again.status()).toBe(409);
    expect(await again.text()).toContain('Du har allerede svaret i denne måned.');
  });
});
