import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserTest, startBrowserTest } from '../support/browser.ts';
import { newGroup, newUnit } from '../support/factories.ts';
import { youthAtIntake } from '../support/journeys.ts';

// Offers recorded on their own from the youth's page, with Danish messages at the fields, and the
// education injunction, which the 2025 rules allow an activity-ready youth too.
const NOW = new Date('2026-11-25T10:00:00Z');

describe("offers on a youth's page in Chromium", { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let page: Page;
  let youthId: string;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    const unit = await newUnit(t.ctx.app, t.ctx.db);
    const group = await newGroup(t.ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    const { youth } = await youthAtIntake(t.ctx.app, unit.caseworker.headers, 'Freja Madsen', {
      firstContactAt: '2026-11-03',
      groupId: group.id,
    });
    youthId = youth.id;
    page = await t.loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${youthId}`);
  });
  afterAll(() => t?.close());

  const offers = () => page.getByTestId('offers');

  it('names each wrong field in Danish and keeps what was typed', async () => {
    await offers().locator('summary', { hasText: 'Registrér et tilbud' }).click();
    const form = page.getByTestId('offer-form');
    await form.getByLabel('Tilbud', { exact: true }).selectOption('mentor');
    await form.getByLabel('Udbyder eller mentor').fill('Mentor Mette');
    await form.getByLabel('Startdato').fill('2026-11-10');
    await form.getByLabel('Planlagt slutdato').fill('2026-11-09');
    await form.getByRole('button', { name: 'Registrér tilbuddet' }).click();

    const kept = page.getByTestId('offer-form');
    expect(await kept.locator('#e-offer-hoursPerWeek').textContent()).toBe(
      'Skriv, hvor mange timer om ugen mentorstøtten er bevilget til.',
    );
    expect(await kept.locator('#e-offer-plannedEnd').textContent()).toBe(
      'Den planlagte slutdato kan ikke ligge før startdatoen.',
    );
    expect(await kept.getByLabel('Udbyder eller mentor').inputValue()).toBe('Mentor Mette');
  });

  it('records the mentor grant and lists it, then ends it', async () => {
    const form = page.getByTestId('offer-form');
    await form.getByLabel('Planlagt slutdato').fill('2027-02-28');
    await form.getByLabel(/Timer om ugen/).fill('2,5');
    await form.getByRole('button', { name: 'Registrér tilbuddet' }).click();
    await page.waitForURL(/registreret=1/);
    const row = offers().locator('tbody tr');
    expect(await row.allTextContents()).toEqual([expect.stringMatching(/Mentorstøtte.*Mentor Mette.*2,5.*I gang/)]);

    const end = offers().locator('details.step', { hasText: 'Afslut tilbuddet' });
    await end.locator('summary').click();
    await end.getByLabel('Sluttede', { exact: true }).fill('2026-11-24');
    await end.getByLabel('Hvordan sluttede det?').selectOption('completed');
    await end.getByRole('button', { name: 'Afslut tilbuddet' }).click();
    await page.waitForURL(/registreret=1/);
    expect(await offers().locator('tbody tr').allTextContents()).toEqual([expect.stringMatching(/Gennemført/)]);
  });

  it('offers an education injunction to an activity-ready youth under the 2025 rules (LAB § 30)', async () => {
    expect(await page.getByTestId('injunction-form').count()).toBe(1);
  });
});
