import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newCpr, newUnit } from '../support/factories.ts';
import { caseloadCsv } from '../support/import.ts';

// The import itself is checked on both engines by tests/api/import.test.ts; this drives the page.
const NOW = new Date('2026-12-01T10:00:00Z');

describe('the caseload import page in Chromium', { timeout: 120_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
  });
  afterAll(() => t?.close());

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const row = (cpr: string, overrides: Record<string, string> = {}) => ({
    Navn: 'Ida Nørgaard',
    'CPR-nummer': cpr,
    Henvisningsdato: '01-10-2026',
    'Henvist af': 'UU',
    'Rådgivers e-mail': unit.caseworker.email,
    Visitationsdato: '08-10-2026',
    Visitationskategori: 'Aktivitetsparat',
    Barrierer: 'Psykiske problemer',
    ...overrides,
  });
  const choose = (page: Page, name: string, content: string) =>
    page.getByLabel('Fil med sagsstammen').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });

  it('checks a file, lists its problems by row and column, and imports nothing', async () => {
    const page = await t.loggedIn(unit.admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
    await eventually(() => heading(page)).toBe('Importér sagsstamme');
    const template = await page.request.get(`${t.base}/admin/import/skabelon.csv`);
    expect((await template.text()).startsWith('\uFEFFNavn;CPR-nummer;')).toBe(true);

    await choose(page, 'fejl.csv', caseloadCsv([row(newCpr('2002-03-04'), { Henvisningsdato: '2027-02-01' })]));
    await page.getByRole('button', { name: 'Kontrollér' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Intet er importeret');
    const cells = await page.getByRole('table', { name: 'Fejl i filen' }).getByRole('cell').allTextContents();
    expect(cells.slice(0, 3)).toEqual(['2', 'Henvisningsdato', 'Datoen 01-02-2027 ligger i fremtiden.']);
    await page.screenshot({ path: `${ARTIFACTS}/import-problems.png`, fullPage: true });
    expect(await page.getByRole('button', { name: 'Importér' }).count()).toBe(0);
  });

  it('checks a clean file, then imports the checked file with one press', async () => {
    const page = await t.loggedIn(unit.admin.email);
    await page.goto(`${t.base}/admin/import`);
    const cpr = newCpr('2001-07-08');
    await choose(page, 'sagsstamme.csv', caseloadCsv([row(cpr)]));
    await page.getByRole('button', { name: 'Kontrollér' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('1 række er kontrolleret uden fejl.');
    expect(await page.getByText('Fil: sagsstamme.csv').count()).toBe(1);
    await page.getByRole('button', { name: 'Importér' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe(
      '1 ung er importeret med sit forløb. Hver rådgiver finder sine unge i sin sagsstamme.',
    );
    await page.screenshot({ path: `${ARTIFACTS}/import-done.png`, fullPage: true });

    // The caseworker finds the youth in their caseload, at the stage the file gave.
    const caseworker = await t.loggedIn(unit.caseworker.email);
    await caseworker.goto(`${t.base}/`);
    await eventually(() => caseworker.getByRole('link', { name: 'Ida Nørgaard' }).count()).toBe(1);
  });
});
