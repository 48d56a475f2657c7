import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { uniqueSuffix } from '../support/app.ts';
import { newCompany, newUnit, newYouth } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, sendEvent } from '../support/journeys.ts';
import { accessibilityViolations, horizontalOverflow } from '../support/page-checks.ts';
import { youthPhonePage } from '../support/youth-login.ts';

// Tuesday 24 November 2026, 09:00 in Denmark.
const NOW = new Date('2026-11-24T08:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;

describe("the youth's check-in, afbud and hours on a phone, in Chromium", { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let unit: Unit;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
  });
  afterAll(() => t?.close());

  const cw = () => unit.caseworker.headers;
  const at = (iso: string) => t.ctx.setNow(new Date(iso));
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  async function ok(response: Promise<{ statusCode: number; body: string; json(): any }>, status = 201) {
    const r = await response;
    if (r.statusCode !== status) throw new Error(`${r.statusCode} ${r.body}`);
    return r.json();
  }

  async function newGroupWithMeeting(startsAt: string) {
    const group = await ok(
      t.ctx.app.inject({
        method: 'POST',
        url: '/api/groups',
        headers: cw(),
        payload: {
          name: `Gruppe ${uniqueSuffix()}`,
          facilitatorId: unit.caseworker.id,
          weekday: 3,
          startTime: '13:00',
          place: 'Jobcentret',
        },
      }),
    );
    const meeting = await ok(
      t.ctx.app.inject({
        method: 'POST',
        url: `/api/groups/${group.id}/meetings`,
        headers: cw(),
        payload: { startsAt, durationMinutes: 120 },
      }),
    );
    return { groupId: group.id as string, meetingId: meeting.id as string, name: group.name as string };
  }

  async function memberOf(groupId: string) {
    const youth = await newYouth(t.ctx.app, cw());
    const journey = await openJourney(t.ctx.app, cw(), youth.id);
    await ok(
      sendEvent(t.ctx.app, cw(), journey.id, {
        type: 'FIRST_CONVERSATION_HELD',
        mode: 'in_person',
        occurredAt: '2026-11-03T09:00:00+01:00',
      }),
    );
    await ok(
      sendEvent(t.ctx.app, cw(), journey.id, activityReadyVisitation({ occurredAt: '2026-11-04T09:00:00+01:00' })),
    );
    await ok(
      sendEvent(t.ctx.app, cw(), journey.id, {
        type: 'GROUP_ASSIGNED',
        canTakePart15HoursAWeek: true,
        groupId,
        occurredAt: '2026-11-05T09:00:00+01:00',
      }),
    );
    return { youthId: youth.id, journeyId: journey.id };
  }

  async function checkPage(page: Page, name: string) {
    expect(await accessibilityViolations(page), name).toEqual([]);
    expect(await horizontalOverflow(page), name).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/mit-forloeb-${name}.png`, fullPage: true });
  }

  /** The code the facilitator's meeting page shows. */
  async function codeOn(staff: Page, groupId: string, meetingId: string): Promise<string> {
    await staff.goto(`${t.base}/grupper/${groupId}/moeder/${meetingId}`);
    const code = (await staff.getByTestId('check-in-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    return code;
  }

  it("checks the youth in with the meeting's code, which the facilitator sees; refused at another group's meeting and outside the meeting", async () => {
    at('2026-11-24T08:00:00Z');
    const own = await newGroupWithMeeting('2026-11-24T10:00:00+01:00');
    const other = await newGroupWithMeeting('2026-11-24T10:00:00+01:00');
    const { youthId } = await memberOf(own.groupId);
    at('2026-11-24T09:05:00Z');
    const staff = await t.loggedIn(unit.caseworker.email);
    const code = await codeOn(staff, own.groupId, own.meetingId);
    const otherCode = await codeOn(staff, other.groupId, other.meetingId);

    const phone = await youthPhonePage(t.browser, t.base, t.ctx.db, youthId, { now: t.ctx.clock() });
    await phone.getByRole('link', { name: 'Tjek ind' }).click();
    await eventually(() => heading(phone)).toBe('Tjek ind');
    await checkPage(phone, 'tjek-ind');

    // The QR code's address fills in the code; another group's code is refused at the field.
    await phone.goto(`${t.base}/mit-forloeb/tjek-ind?kode=${otherCode}`);
    expect(await phone.getByLabel('Koden fra mødet').inputValue()).toBe(otherCode);
    await phone.getByRole('button', { name: 'Tjek ind' }).click();
    await eventually(() => phone.locator('#e-code').textContent()).toBe(
      'Koden hører til et andet holds møde. Du kan kun tjekke ind til dit eget hold.',
    );
    expect(await phone.getByLabel('Koden fra mødet').getAttribute('aria-invalid')).toBe('true');
    await checkPage(phone, 'tjek-ind-afvist');

    await phone.getByLabel('Koden fra mødet').fill(code.toLowerCase());
    await phone.getByRole('button', { name: 'Tjek ind' }).click();
    await eventually(() => phone.getByRole('status').textContent()).toBe(
      `Du er tjekket ind til ${own.name} tirsdag 24. november kl. 10.00. Godt du kom!`,
    );
    await checkPage(phone, 'tjekket-ind');

    // The facilitator's page of the youth's own meeting (the other group's was opened last).
    await staff.goto(`${t.base}/grupper/${own.groupId}/moeder/${own.meetingId}`);
    expect(await staff.getByTestId('by-youth').textContent()).toContain('Tjekket ind af den unge');

    // After the meeting the same code checks nobody in.
    at('2026-11-24T11:30:00Z');
    await phone.goto(`${t.base}/mit-forloeb/tjek-ind?kode=${code}`);
    await phone.getByRole('button', { name: 'Tjek ind' }).click();
    await eventually(() => phone.locator('#e-code').textContent()).toBe(
      'Du kan kun tjekke ind, mens mødet er i gang, og fra 15 minutter før det begynder.',
    );
    await phone.context().close();
    await staff.context().close();
  });

  it("records an afbud for a meeting that the facilitator's attendance shows, and takes an appointment's afbud back", async () => {
    at('2026-11-24T08:00:00Z');
    const group = await newGroupWithMeeting('2026-11-26T10:00:00+01:00');
    const { youthId } = await memberOf(group.groupId);
    const booked = await ok(
      t.ctx.app.inject({
        method: 'POST',
        url: `/api/youth/${youthId}/appointments`,
        headers: cw(),
        payload: { kind: 'conversation', mode: 'phone', startsAt: '2026-11-27T10:00:00+01:00' },
      }),
    );
    const phone = await youthPhonePage(t.browser, t.base, t.ctx.db, youthId, { now: t.ctx.clock() });
    await phone.getByRole('link', { name: 'Afbud' }).click();
    await eventually(() => heading(phone)).toBe('Meld afbud');
    await checkPage(phone, 'afbud');

    const meeting = phone.locator(`#meeting-${group.meetingId}`);
    await meeting.getByLabel('Hvorfor kan du ikke komme?').fill('Jeg skal til tandlæge');
    await meeting.getByRole('button', { name: 'Meld afbud' }).click();
    await eventually(() => phone.getByRole('status').textContent()).toBe(
      'Tak for beskeden. Vi har registreret dit afbud.',
    );
    expect(await phone.locator(`#meeting-${group.meetingId}`).textContent()).toContain(
      'Du har meldt afbud: Jeg skal til tandlæge',
    );

    const appointment = phone.locator(`#appointment-${booked.id}`);
    await appointment.getByRole('button', { name: 'Meld afbud' }).click();
    await eventually(() => phone.locator(`#appointment-${booked.id}`).textContent()).toContain('Du har meldt afbud.');
    await checkPage(phone, 'afbud-meldt');
    await phone.locator(`#appointment-${booked.id}`).getByRole('button', { name: 'Jeg kan komme alligevel' }).click();
    await eventually(() => phone.getByRole('status').textContent()).toBe('Dit afbud er taget tilbage. Vi ses!');
    expect(await phone.locator(`#appointment-${booked.id}`).getByRole('button', { name: 'Meld afbud' }).count()).toBe(
      1,
    );

    const staff = await t.loggedIn(unit.caseworker.email);
    await staff.goto(`${t.base}/grupper/${group.groupId}/moeder/${group.meetingId}`);
    const attendance = await staff.locator('main').textContent();
    expect(attendance).toContain('Afbud fra den unge');
    expect(attendance).toContain('Jeg skal til tandlæge');
    await phone.context().close();
    await staff.context().close();
  });

  it('takes hours the youth reports, which the caseworker confirms on the youth page and the youth then sees as confirmed', async () => {
    at('2026-11-24T08:00:00Z');
    const group = await newGroupWithMeeting('2026-11-26T10:00:00+01:00');
    const { youthId, journeyId } = await memberOf(group.groupId);
    const company = await newCompany(t.ctx.db, {
      municipalityId: unit.municipality.id,
      name: `Cykler ${uniqueSuffix()} ApS`,
    });
    await ok(
      sendEvent(t.ctx.app, cw(), journeyId, {
        type: 'PLACEMENT_STARTED',
        companyId: company.id,
        kind: 'internship',
        hoursPerWeek: 20,
        occurredAt: '2026-11-09T09:00:00+01:00',
      }),
    );
    const phone = await youthPhonePage(t.browser, t.base, t.ctx.db, youthId, { now: t.ctx.clock() });
    await phone.getByRole('link', { name: 'Timer' }).click();
    await eventually(() => heading(phone)).toBe('Mine timer');
    expect(await phone.locator('main').textContent()).toContain(company.name);
    await checkPage(phone, 'timer');

    await phone.getByLabel('Uge', { exact: true }).selectOption('2026-11-16');
    await phone.getByLabel('Timer i ugen').fill('mange');
    await phone.getByRole('button', { name: 'Meld timer' }).click();
    await eventually(() => phone.locator('#e-hours').textContent()).toBe('Skriv et tal mellem 0 og 60.');
    await checkPage(phone, 'timer-afvist');
    await phone.getByLabel('Timer i ugen').fill('16,5');
    await phone.getByRole('button', { name: 'Meld timer' }).click();
    await eventually(() => phone.getByRole('status').textContent()).toBe('Tak! Dine timer er sendt til din rådgiver.');
    const week = phone.locator('.hours-week').filter({ hasText: 'Uge 47' });
    expect(await week.textContent()).toContain('16,5 timer. Venter på din rådgiver.');

    const staff = await t.loggedIn(unit.caseworker.email);
    await staff.goto(`${t.base}/unge/${youthId}`);
    const reports = staff.getByTestId('hours-reports');
    await reports.getByRole('button', { name: /Godkend timer for/ }).click();
    await eventually(() => staff.getByTestId('hours-reports').count()).toBe(0);

    await phone.reload();
    expect(await phone.locator('.hours-week').filter({ hasText: 'Uge 47' }).textContent()).toContain(
      '16,5 timer. Godkendt.',
    );
    expect(await phone.getByLabel('Uge', { exact: true }).locator('option[value="2026-11-16"]').count()).toBe(0);
    await checkPage(phone, 'timer-godkendt');
    await phone.getByRole('link', { name: 'English' }).click();
    await eventually(() => heading(phone)).toBe('My hours');
    await checkPage(phone, 'hours-en');
    await phone.context().close();
    await staff.context().close();
  });
});
