import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { readFeed } from '../support/calendar.ts';
import { newGroup, newUnit } from '../support/factories.ts';
import { referredYouth, youthAtIntake } from '../support/journeys.ts';

// Appointments in Chromium: booking one on the youth's page, holding it in one click (it becomes
// the first conversation), the calendar feed read by an iCalendar parser over HTTP, and a youth's
// afbud before a group meeting; in Danish and in English.
/** Monday 7 December 2026, 09.00 in Denmark. */
const NOW = new Date('2026-12-07T08:00:00Z');

describe('appointments in Chromium', { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let page: Page;
  let mikkel: { id: string };
  let noah: { id: string };
  let group: { id: string; name: string };
  let meetingId: string;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    const h = unit.caseworker.headers;
    group = await newGroup(t.ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Mandagsgruppen',
    });
    ({ youth: mikkel } = await referredYouth(t.ctx.app, h, 'Mikkel Holm Sørensen', '2026-12-04'));
    ({ youth: noah } = await youthAtIntake(t.ctx.app, h, 'Noah Vestergaard', {
      firstContactAt: '2026-11-20',
      groupId: group.id,
    }));
    const meeting = await t.ctx.app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/meetings`,
      headers: h,
      payload: { startsAt: '2026-12-07T14:00:00+01:00' },
    });
    if (meeting.statusCode !== 201) throw new Error(meeting.body);
    meetingId = meeting.json<{ id: string }>().id;
    page = await t.loggedIn(unit.caseworker.email);
  });
  afterAll(() => t?.close());

  const appointments = () => page.getByTestId('appointments').textContent();

  it('books an appointment on the youth page and holds it in one click as the first conversation', async () => {
    await page.goto(`${t.base}/unge/${mikkel.id}`);
    await page.getByRole('link', { name: 'Book en aftale' }).click();
    await page.getByLabel('Slags aftale').selectOption({ label: 'Jobsamtale' });
    await page.getByLabel('Dato').fill('2026-12-07');
    await page.getByLabel(/Klokkeslæt/).fill('10:00');
    await page.getByLabel('Hvordan', { exact: true }).selectOption({ label: 'Video' });
    await page.getByRole('button', { name: 'Book en aftale' }).click();
    await eventually(() => page.locator('.notice').textContent()).toBe('Aftalen er booket.');
    expect(await appointments()).toContain('kl. 10.00');
    expect(await appointments()).toContain('Jobsamtale, Video');
    // Not begun yet: nothing to record.
    expect(await page.getByRole('button', { name: 'Registrér som holdt' }).count()).toBe(0);

    t.ctx.setNow(new Date('2026-12-07T09:05:00Z'));
    await page.reload();
    await page.getByRole('button', { name: 'Registrér som holdt' }).click();
    await eventually(() => page.locator('.notice').textContent()).toBe(
      'Aftalen er holdt, og samtalen er registreret på forløbet.',
    );
    expect(await page.getByTestId('timeline').textContent()).toContain('Første samtale holdt');
    expect(await page.locator('.stage').first().textContent()).toBe('Visitation');
    expect(await appointments()).toMatch(/Holdt og registreret/);
    await page.screenshot({ path: `${ARTIFACTS}/appointment-held.png`, fullPage: true });
  });

  it('moves an appointment on its own page, and refuses a meeting in person without a place', async () => {
    await page.goto(`${t.base}/unge/${mikkel.id}/aftaler/ny`);
    await page.getByLabel('Dato').fill('2026-12-09');
    await page.getByLabel(/Klokkeslæt/).fill('13:30');
    await page.getByRole('button', { name: 'Book en aftale' }).click();
    await eventually(() => page.locator('#e-place').textContent()).toBe('Skriv, hvor I mødes.');
    expect(await page.getByLabel(/Klokkeslæt/).inputValue()).toBe('13:30');
    await page.getByLabel(/^Sted/).fill('Jobcentret, lokale 4');
    await page.getByRole('button', { name: 'Book en aftale' }).click();
    await eventually(() => page.locator('.notice').textContent()).toBe('Aftalen er booket.');
    await page.getByRole('link', { name: 'Flyt eller aflys' }).click();
    await page.getByLabel(/Klokkeslæt/).fill('14:15');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await eventually(() => page.locator('.notice').textContent()).toBe('Aftalen er gemt.');
    expect(await page.locator('.facts').textContent()).toContain('kl. 14.15');
  });

  it('gives a calendar address that an iCalendar parser reads over HTTP without a session', async () => {
    await page.getByRole('link', { name: 'Min kalender' }).click();
    expect(await page.locator('main').textContent()).toContain('Du har ikke en kalenderadresse endnu.');
    await page.getByRole('button', { name: 'Lav en kalenderadresse' }).click();
    await eventually(() => page.locator('.notice').textContent()).toBe('Din kalenderadresse er klar.');
    const url = new URL(await page.getByLabel('Adressen til din kalender').inputValue());
    const response = await fetch(`${t.base}${url.pathname}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await response.text();
    const { events } = readFeed(body);
    expect(events.map((e) => e.summary)).toEqual(
      expect.arrayContaining(['Jobsamtale: Mikkel', 'Netværksmøde: Mandagsgruppen']),
    );
    expect(body).not.toContain('Sørensen');
    const moved = events.find((e) => e.location === 'Jobcentret, lokale 4');
    expect(moved?.start).toEqual(new Date('2026-12-09T13:15:00Z'));
    expect(events.find((e) => e.summary === 'Netværksmøde: Mandagsgruppen')?.start).toEqual(
      new Date('2026-12-07T13:00:00Z'),
    );
  });

  it("records a youth's afbud before the group meeting, and the attendance keeps it", async () => {
    await page.goto(`${t.base}/grupper/${group.id}/moeder/${meetingId}`);
    await page.getByLabel('Note om afbud fra Noah Vestergaard').fill('Hos lægen');
    await page.getByRole('button', { name: 'Registrér afbud for Noah Vestergaard' }).click();
    await eventually(() => page.locator('.notice').textContent()).toBe('Afbuddet er registreret.');
    expect(await page.getByTestId('notified-absences').textContent()).toContain('Afbud (Hos lægen)');
    await page.screenshot({ path: `${ARTIFACTS}/meeting-afbud.png`, fullPage: true });

    t.ctx.setNow(new Date('2026-12-07T13:05:00Z'));
    await page.reload();
    const row = page.locator('fieldset').filter({ hasText: 'Noah Vestergaard' });
    expect(await row.getByLabel('Afbud').isChecked()).toBe(true);
    t.ctx.setNow(new Date('2026-12-07T09:05:00Z'));
  });

  it('shows booking, the calendar page and the afbud in English when English is chosen', async () => {
    await page.goto(`${t.base}/unge/${noah.id}/aftaler/ny?lang=en`);
    expect(await page.locator('h1').textContent()).toBe('Book an appointment with Noah Vestergaard');
    await page.getByLabel('Kind of appointment').selectOption({ label: 'Conversation' });
    await page.getByLabel('Date').fill('2026-12-07');
    await page.getByLabel(/^Time/).fill('08:30');
    await page.getByLabel('How', { exact: true }).selectOption({ label: 'Phone' });
    await page.getByRole('button', { name: 'Book an appointment' }).click();
    await eventually(() => page.locator('.problem').textContent()).toBe('Some fields are not filled in correctly.');
    expect(await page.locator('#e-day').textContent()).toBe('That time has passed. Choose a time still to come.');
    await page.getByLabel(/^Time/).fill('11:30');
    await page.getByRole('button', { name: 'Book an appointment' }).click();
    await eventually(() => page.locator('.notice').textContent()).toBe('The appointment is booked.');
    t.ctx.setNow(new Date('2026-12-07T10:40:00Z'));
    await page.reload();
    await page.getByRole('button', { name: 'Record as held' }).click();
    await eventually(() => page.locator('.notice').textContent()).toBe(
      'The appointment is held, and the conversation is recorded on the journey.',
    );
    expect(await page.getByTestId('activities').textContent()).toContain('Phone');

    await page.getByRole('link', { name: 'My calendar' }).click();
    expect(await page.locator('h1').textContent()).toBe('My calendar in Outlook');
    await page.getByRole('button', { name: 'Make a new address' }).click();
    await eventually(() => page.locator('.notice').textContent()).toBe('Your calendar address is ready.');

    t.ctx.setNow(new Date('2026-12-07T09:05:00Z'));
    await page.goto(`${t.base}/grupper/${group.id}/moeder/${meetingId}`);
    await page.getByRole('button', { name: 'Take back the absence of Noah Vestergaard' }).click();
    await eventually(() => page.locator('.notice').textContent()).toBe('The notified absence is taken back.');
    expect(await page.getByRole('button', { name: 'Record absence with notice for Noah Vestergaard' }).count()).toBe(1);
    await page.goto(`${t.base}/?lang=da`);
  });
});
