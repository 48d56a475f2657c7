import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newUnit, newYouth } from '../support/factories.ts';
import { openJourney } from '../support/journeys.ts';
import { pdfText } from '../support/pdf.ts';

// The exports from the pages: a youth's access export from the youth's page, and the evaluation's
// data from the leader's own page, reached from Overblik; each file downloaded and read back.

/** Clicks the link and reads the file the browser downloads. */
async function download(page: Page, linkName: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

describe('the exports in Chromium', { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let youth: { id: string; enteredCpr: string };

  beforeAll(async () => {
    t = await startBrowserTest({ now: new Date('2026-11-25T10:00:00Z') });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    youth = await newYouth(t.ctx.app, unit.caseworker.headers, { name: 'Sofie Holm' });
    await openJourney(t.ctx.app, unit.caseworker.headers, youth.id);
  });
  afterAll(() => t?.close());

  it("downloads a youth's access export from the youth's page, in Danish and English and as JSON", async () => {
    const page = await t.loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${youth.id}`);
    const danish = await download(page, 'PDF på dansk');
    expect(danish.name).toMatch(/^indsigt-\d{4}-\d{2}-\d{2}\.pdf$/);
    const text = await pdfText(danish.bytes);
    expect(text).toContain('Dine oplysninger i Ungeflow');
    expect(text).toContain('Sofie Holm');
    expect(text).toContain(youth.enteredCpr);
    expect(await pdfText((await download(page, 'PDF på engelsk')).bytes)).toContain('Your data in Ungeflow');
    const json = JSON.parse((await download(page, 'JSON')).bytes.toString('utf8')) as { youth: { name: string } };
    expect(json.youth.name).toBe('Sofie Holm');
    await page.screenshot({ path: `${ARTIFACTS}/indsigt-knapper.png`, fullPage: true });
    await page.context().close();
  });

  it("takes a leader from Overblik to the evaluation's data, checks the form, and downloads the CSV", async () => {
    const page = await t.loggedIn(unit.leader.email);
    await page.goto(`${t.base}/overblik`);
    await page.getByRole('link', { name: 'Evalueringsdata til lodtrækningsforsøget (pseudonymiseret)' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Evalueringsdata');
    await page.getByLabel('Lodtrukket fra og med').fill('2026-11-30');
    await page.getByLabel('Lodtrukket til og med').fill('2026-11-01');
    await page.getByRole('button', { name: 'Vis udtræk' }).click();
    await eventually(() => page.locator('#e-to').textContent()).toBe('Til-datoen ligger før fra-datoen.');
    expect(await page.locator('#e-evaluation').textContent()).toBe('Skriv evalueringens navn.');
    await page.getByLabel('Lodtrukket fra og med').fill('2026-11-01');
    await page.getByLabel('Lodtrukket til og med').fill('2026-11-30');
    await page.getByLabel('Evalueringens navn').fill('NExTWORK 2026');
    await page.getByRole('button', { name: 'Vis udtræk' }).click();
    await eventually(() => page.getByTestId('evaluation-files').isVisible()).toBe(true);
    const csv = await download(page, 'Hent som CSV (til Excel)');
    expect(csv.name).toBe('evaluering-nextwork-2026-2026-11-01-2026-11-30.csv');
    expect(csv.bytes.toString('utf8')).toMatch(/^\uFEFFpseudonym;arm;seed;/);
    await page.screenshot({ path: `${ARTIFACTS}/evalueringsdata.png`, fullPage: true });
    await page.context().close();
  });

  it('is not offered to caseworkers', async () => {
    const response = await t.ctx.app.inject({ method: 'GET', url: '/evaluering', headers: unit.caseworker.headers });
    expect(response.statusCode).toBe(403);
  });
});
