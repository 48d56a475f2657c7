import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newUnit } from '../support/factories.ts';
import { youthAtIntake } from '../support/journeys.ts';

// The figures themselves are checked on both engines by tests/api/overview.test.ts; this drives
// the page over PGlite only, like tests/browser/web.test.ts.
const NOW = new Date('2026-11-22T10:00:00Z');

describe('the leader overview in Chromium', { timeout: 90_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    // Referred, first conversation and visitation, all on 2 November.
    await youthAtIntake(t.ctx.app, unit.caseworker.headers, 'Amalie Jensen', {
      firstContactAt: '2026-11-02',
      sameDay: true,
    });
  });
  afterAll(() => t?.close());

  it('lets a leader open Overblik from the menu, see a figure and download it as CSV', async () => {
    const page = await t.loggedIn(unit.leader.email, { acceptDownloads: true });
    await page.getByRole('link', { name: 'Overblik' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Overblik');

    // The default period is the month so far: 1 to 22 November.
    expect(await page.getByLabel('Fra og med').inputValue()).toBe('2026-11-01');
    expect(await page.getByLabel('Til og med').inputValue()).toBe('2026-11-22');
    const figure = page.getByRole('region', { name: 'Fordeling på visitationskategori' });
    await eventually(() => figure.getByRole('row', { name: /Hele enheden/ }).textContent()).toMatch(
      /Hele enheden\s*0\s*0\s*0\s*1\s*1/,
    );
    expect(await figure.getByRole('img', { name: 'Fordeling på visitationskategori' }).count()).toBe(1);
    // Each figure says whom it counts and as of when: the status figures at the period's last day.
    const passive = page.getByRole('region', { name: 'Andel uden registreret aktivitet i 14 dage' });
    expect(
      await passive.getByText('Ud af de unge, der var aktive ved periodens slutning (22. nov. 2026)').count(),
    ).toBe(1);
    // A key figure by STAR's definition, by visitation category, with its definition and source:
    // the youth waiting in intake since 2 November has had no LAB offer, so is passive.
    const passivandel = page.getByRole('region', { name: 'Passivandel', exact: true });
    expect(await passivandel.getByRole('row', { name: /Aktivitetsparat/ }).textContent()).toMatch(
      /Aktivitetsparat\s*1\s*1\s*100 %/,
    );
    expect(await passivandel.getByText('Kilde: STAR: Den gode ungeindsats i jobcentrene (2017), s. 35').count()).toBe(
      1,
    );
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
    await page.context().close();
  });
});
