import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newCpr, newGroup, newUnit, newYouth } from '../support/factories.ts';
import { openJourney, referredYouth, youthAtIntake } from '../support/journeys.ts';

// "I dag", the caseworker's start page, and the caseload sorted by every column and searched by a
// misspelt name and by date of birth; in Danish and in English.
/** Monday 7 December 2026, 09.00 in Denmark. */
const NOW = new Date('2026-12-07T08:00:00Z');

describe('"I dag" and the caseload in Chromium', { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let page: Page;
  let unit: Awaited<ReturnType<typeof newUnit>>;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    const h = unit.caseworker.headers;
    const group = await newGroup(t.ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Mandagsgruppen',
    });
    const meeting = await t.ctx.app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/meetings`,
      headers: h,
      payload: { startsAt: '2026-12-07T14:00:00+01:00' },
    });
    if (meeting.statusCode !== 201) throw new Error(meeting.body);
    // Referred on Thursday: the first conversation is due this Thursday.
    const { youth: mikkel } = await referredYouth(t.ctx.app, h, 'Mikkel Hansen', '2026-12-03');
    const booked = await t.ctx.app.inject({
      method: 'POST',
      url: `/api/youth/${mikkel.id}/appointments`,
      headers: h,
      payload: { kind: 'job_conversation', mode: 'phone', startsAt: '2026-12-07T11:00:00+01:00' },
    });
    if (booked.statusCode !== 201) throw new Error(booked.body);
    // Referred 17 days ago and never seen: overdue, an alert, and no contact since.
    await referredYouth(t.ctx.app, h, 'Bo Nielsen', '2026-11-20');
    const amalie = await newYouth(t.ctx.app, h, { name: 'Amalie Jensen', cpr: newCpr('2003-02-01') });
    await openJourney(t.ctx.app, h, amalie.id, { firstContactAt: '2026-12-06' });
    page = await t.loggedIn(unit.caseworker.email);
  });
  afterAll(() => t?.close());

  const section = (id: string) => page.getByTestId(id).textContent();
  const names = async () =>
    (await page.locator('tbody tr td:first-child a').allTextContents()).map((name) => name.trim());

  it('opens on "I dag" with a meeting, an appointment, a deadline, an alert and youth without contact', async () => {
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^I dag/);
    expect(new URL(page.url()).pathname).toBe('/i-dag');
    expect(await section('today-meetings')).toContain('kl. 14.00: Mandagsgruppen, Jobcentret, mødelokale 3');
    expect(await section('today-appointments')).toContain('Mikkel Hansen: Jobsamtale, Telefon');
    const deadlines = await section('today-deadlines');
    expect(deadlines).toContain('Mikkel Hansen: Første samtale senest 10. dec. 2026');
    expect(deadlines).toMatch(/Bo Nielsen: Første samtale senest 27\. nov\. 2026\s*\(Overskredet\)/);
    expect(await section('today-alerts')).toMatch(/Høj: 1 advarsel\s*Bo Nielsen: Første samtale ikke holdt i tide/);
    const contact = await section('today-contact');
    expect(contact).toContain('Unge uden kontakt i 14 dage');
    expect(contact).toContain('Bo Nielsen');
    expect(contact).not.toContain('Mikkel Hansen');
    await page.screenshot({ path: `${ARTIFACTS}/today.png`, fullPage: true });

    // The number of days is the caseworker's choice.
    await page.getByLabel('Dage uden kontakt').fill('3');
    await page.getByRole('button', { name: 'Vis' }).click();
    await eventually(() => section('today-contact')).toContain('Mikkel Hansen');
    expect(new URL(page.url()).search).toBe('?dage=3');
    expect(await section('today-contact')).not.toContain('Amalie Jensen');
  });

  it('sorts the caseload by every column, both ways, with aria-sort on the sorted header', async () => {
    await page.getByRole('link', { name: 'Mine unge' }).click();
    await eventually(() => names()).toEqual(['Amalie Jensen', 'Bo Nielsen', 'Mikkel Hansen']);
    expect(await page.locator('th[aria-sort]').textContent()).toContain('Navn');
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');
    await page.getByRole('link', { name: /^Navn/ }).click();
    await eventually(() => names()).toEqual(['Mikkel Hansen', 'Bo Nielsen', 'Amalie Jensen']);
    expect(await page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');

    await page.getByRole('link', { name: /^Næste frist/ }).click();
    await eventually(() => names()).toEqual(['Bo Nielsen', 'Mikkel Hansen', 'Amalie Jensen']);
    await page.getByRole('link', { name: /^Sidste aktivitet/ }).click();
    await eventually(() => page.locator('th[aria-sort]').textContent()).toContain('Sidste aktivitet');
    await page
      .getByRole('link', { name: /^Advarsler/ })
      .last()
      .click();
    await eventually(() => page.locator('th[aria-sort]').textContent()).toContain('Advarsler');
    expect(await names()).toEqual(['Amalie Jensen', 'Mikkel Hansen', 'Bo Nielsen']);
    await page
      .getByRole('link', { name: /^Advarsler/ })
      .last()
      .click();
    await eventually(() => names()).toEqual(['Bo Nielsen', 'Amalie Jensen', 'Mikkel Hansen']);
    await page.getByRole('link', { name: /^Fase/ }).click();
    await eventually(() => page.locator('th[aria-sort]').textContent()).toContain('Fase');
  });

  it('finds a youth by a misspelt name and by date of birth, keeping the term out of the address', async () => {
    const search = async (term: string) => {
      await page.goto(`${t.base}/`);
      await page.getByLabel('Søg efter navn eller CPR-nummer').fill(term);
      await page.getByRole('button', { name: 'Søg', exact: true }).click();
      await eventually(() => page.getByRole('heading', { name: 'Søgeresultater' }).count()).toBe(1);
      expect(page.url()).not.toContain(term);
      return (await page.locator('#h-results ~ table tbody').textContent()) ?? '';
    };
    expect(await search('mikel')).toContain('Mikkel Hansen');
    expect(await search('bo nilsen')).toContain('Bo Nielsen');
    expect(await search('010203')).toContain('Amalie Jensen');
    expect(await search('01-02-03')).toContain('Amalie Jensen');
    const byCpr = await search('010203-4999');
    expect(byCpr).toContain('Amalie Jensen');
    expect(await page.locator('main').textContent()).toContain('Ingen har netop det CPR-nummer.');
    expect(await search('010203')).not.toContain('Mikkel Hansen');
  });

  it('shows "I dag" and the sortable caseload in English when English is chosen', async () => {
    await page.goto(`${t.base}/i-dag?lang=en`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Today/);
    expect(await section('today-meetings')).toContain('14:00: Mandagsgruppen');
    expect(await section('today-deadlines')).toContain('Overdue');
    expect(await section('today-contact')).toContain('Youth without contact for 14 days');
    await page.getByRole('link', { name: 'My youth' }).click();
    await page.getByRole('link', { name: /^Name/ }).click();
    await eventually(() => page.locator('th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect(await page.locator('#h-q').textContent()).toContain('small misspelling');
    await page.goto(`${t.base}/?lang=da`);
  });

  it('puts the review day set in a plan on "I dag" and the caseload, and refuses one in the past', async () => {
    const { youth } = await youthAtIntake(t.ctx.app, unit.caseworker.headers, 'Sara Holm', {
      firstContactAt: '2026-11-30',
    });
    await page.goto(`${t.base}/unge/${youth.id}/plan`);
    const review = page.getByLabel('Næste gennemgang');
    await review.fill('2026-12-01');
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await eventually(() => page.locator('#e-reviewOn').textContent()).toContain(
      'Datoen for næste gennemgang ligger før i dag.',
    );
    expect(await review.getAttribute('aria-invalid')).toBe('true');

    await review.fill('2026-12-09');
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await eventually(() => page.getByTestId('plan-saved').textContent()).toContain('Senest gemt');
    expect(await page.getByLabel('Næste gennemgang').inputValue()).toBe('2026-12-09');

    await page.goto(`${t.base}/i-dag`);
    expect(await section('today-deadlines')).toContain('Sara Holm: Gennemgang af planen senest 9. dec. 2026');
    await page.goto(`${t.base}/?sort=deadline`);
    const sara = page.locator('tbody tr', { hasText: 'Sara Holm' });
    expect(await sara.textContent()).toContain('Gennemgang af planen senest 9. dec. 2026');
  });
});
