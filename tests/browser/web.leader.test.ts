import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { loginAs, newUnit, newUser, newYouth } from '../support/factories.ts';
import { openJourney, referredYouth, sendEvent, youthAtIntake } from '../support/journeys.ts';

// The leader's alert inbox, the caseload lists and the network group pages, driven in Chromium
// over PGlite (the services underneath are tested on both engines by the API tests).
// Tuesday 1 December 2026, 11:00 in Denmark.
const NOW = new Date('2026-12-01T10:00:00Z');

type Headers = { cookie: string };

describe('alert inbox, caseloads and group pages in Chromium', { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let lars: { id: string; email: string; headers: Headers };
  let group: { id: string; version: number };
  const youth: Record<string, { id: string; journeyId: string }> = {};

  async function send(headers: Headers, journeyId: string, event: Record<string, unknown>) {
    const response = await sendEvent(t.ctx.app, headers, journeyId, event);
    if (response.statusCode !== 201) throw new Error(`${String(event.type)} failed: ${response.body}`);
  }

  /** A youth referred on `firstContactAt`, taken by the caseworker to `until` with the events that day. */
  async function journeyOf(name: string, firstContactAt: string, until: 'referred' | 'active' = 'referred') {
    const h = unit.caseworker.headers;
    const { youth: created, journey } =
      until === 'active'
        ? await youthAtIntake(t.ctx.app, h, name, { firstContactAt, groupId: group.id, sameDay: true })
        : await referredYouth(t.ctx.app, h, name, firstContactAt);
    youth[name] = { id: created.id, journeyId: journey.id };
    return journey.id;
  }

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    const larsUser = await newUser(t.ctx.db, {
      municipalityId: unit.municipality.id,
      role: 'caseworker',
      name: 'Lars Lund',
    });
    lars = { ...larsUser, headers: await loginAs(t.ctx.app, larsUser) };

    // Tirsdagsholdet meets on Tuesdays at 10:00; this week's meeting began an hour ago.
    const created = await t.ctx.app.inject({
      method: 'POST',
      url: '/api/groups',
      headers: unit.leader.headers,
      payload: {
        name: 'Tirsdagsholdet',
        facilitatorId: unit.caseworker.id,
        weekday: 2,
        startTime: '10:00',
        place: 'Jobcentret, lokale 2',
      },
    });
    group = created.json();
    const today = await t.ctx.app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/meetings`,
      headers: unit.leader.headers,
      payload: { startsAt: '2026-12-01T09:00:00Z' },
    });
    if (today.statusCode !== 201) throw new Error(today.body);

    // In the group since 10 November without activity since: passive (medium) alerts.
    await journeyOf('Ida Holm', '2026-11-10', 'active');
    await journeyOf('Jonas Berg', '2026-11-10', 'active');
    const mikkel = await journeyOf('Mikkel Dahl', '2026-11-10', 'active');
    await send(unit.caseworker.headers, mikkel, { type: 'PAUSED', reason: 'illness', expectedReturn: '2026-12-08' });
    const sara = await journeyOf('Sara Møller', '2026-11-10', 'active');
    await send(unit.caseworker.headers, sara, {
      type: 'EXITED',
      outcome: 'education',
      stayInGroup: true,
      occurredAt: '2026-11-30T12:00:00+01:00',
    });
    // Referred eleven days ago without a first conversation: a high alert sent to the leader.
    await journeyOf('Bo Nielsen', '2026-11-20');
    // Enough referrals for the caseload to run onto a second page.
    for (let i = 1; i <= 24; i++) await journeyOf(`Ung ${String(i).padStart(2, '0')}`, '2026-11-28');
  });
  afterAll(() => t?.close());

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const alertOf = (page: Page, name: string) => page.locator('ul.alerts > li').filter({ hasText: name });

  it('lets a leader filter the inbox by severity and snooze an alert to a date in the future', async () => {
    const page = await t.loggedIn(unit.leader.email);
    await eventually(() => heading(page)).toBe('Advarsler');
    // The short name carries no day count; the message states the threshold the rule used.
    expect(await alertOf(page, 'Ida Holm').textContent()).toMatch(/Passiv.*\(grænse: 14\)/s);
    expect(await alertOf(page, 'Bo Nielsen').textContent()).toContain('Sendt til lederen');
    await page.screenshot({ path: `${ARTIFACTS}/leder-advarsler.png`, fullPage: true });
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: `${ARTIFACTS}/leder-advarsler-tablet.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByLabel('Alvor').selectOption({ label: 'Høj' });
    await page.getByRole('button', { name: 'Vis' }).click();
    await eventually(() => alertOf(page, 'Ida Holm').count()).toBe(0);
    expect(await alertOf(page, 'Bo Nielsen').count()).toBe(1);
    expect(await page.getByRole('link', { name: /Åbne/ }).textContent()).toContain('(1)');

    const bo = alertOf(page, 'Bo Nielsen');
    await bo.getByText('Udsæt', { exact: true }).click();
    await bo.getByLabel('Udsæt til').fill('2026-11-20');
    await bo.getByLabel('Hvorfor udsættes den?').fill('Bo er indlagt; samtalen holdes, når han er udskrevet');
    await bo.getByRole('button', { name: 'Udsæt advarslen' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Nogle felter er ikke udfyldt korrekt.');
    const again = alertOf(page, 'Bo Nielsen');
    expect(await again.locator('#e-until-' + (await alertIdOf(again))).textContent()).toBe(
      'Vælg en dato mellem i morgen og 90 dage frem.',
    );
    // What was typed is kept, and the filter too.
    expect(await again.getByLabel('Hvorfor udsættes den?').inputValue()).toContain('Bo er indlagt');
    expect(await page.getByLabel('Alvor').inputValue()).toBe('high');

    await again.getByLabel('Udsæt til').fill('2026-12-08');
    await again.getByRole('button', { name: 'Udsæt advarslen' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Advarslen er udsat.');
    expect(await alertOf(page, 'Bo Nielsen').count()).toBe(0);
    await page.getByRole('link', { name: /Udsat/ }).click();
    await eventually(() => alertOf(page, 'Bo Nielsen').textContent()).toContain('Udsat til');
    expect(await alertOf(page, 'Bo Nielsen').textContent()).toContain('8. dec. 2026');
    await page.context().close();
  });

  async function alertIdOf(card: ReturnType<typeof alertOf>): Promise<string> {
    const action = await card.locator('form').first().getAttribute('action');
    return /\/advarsler\/([0-9a-f-]{36})\//.exec(action ?? '')?.[1] ?? '';
  }

  it('lets a leader give an alert to another caseworker, who then sees it among their alerts', async () => {
    const page = await t.loggedIn(unit.leader.email);
    const ida = alertOf(page, 'Ida Holm');
    await ida.getByText('Giv videre', { exact: true }).click();
    await ida.getByLabel('Giv advarslen til').selectOption({ label: 'Lars Lund (rådgiver)' });
    await ida.getByRole('button', { name: 'Giv advarslen videre' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Advarslen er givet videre.');
    expect(await alertOf(page, 'Ida Holm').textContent()).toContain('Lars Lund');
    await page.context().close();

    const larsPage = await t.loggedIn(lars.email);
    await larsPage.getByRole('link', { name: 'Advarsler' }).click();
    await eventually(() => heading(larsPage)).toBe('Mine advarsler');
    expect(await alertOf(larsPage, 'Ida Holm').textContent()).toMatch(/Passiv.*\(grænse: 14\)/s);
    expect(await alertOf(larsPage, 'Jonas Berg').count()).toBe(0);
    await larsPage.context().close();

    // The caseworker who had it no longer holds it; their other youth's alerts remain.
    const own = await t.loggedIn(unit.caseworker.email);
    await own.goto(`${t.base}/advarsler`);
    await eventually(() => alertOf(own, 'Jonas Berg').count()).toBe(1);
    expect(await alertOf(own, 'Ida Holm').count()).toBe(0);
    await own.context().close();
  });

  it('says someone else changed the alert and keeps the note the leader typed', async () => {
    const page = await t.loggedIn(unit.leader.email);
    const jonas = alertOf(page, 'Jonas Berg');
    await jonas.getByLabel('Hvad er der gjort?').fill('Ringet til Jonas, han kommer på tirsdag');
    // Meanwhile the caseworker acknowledges the same alert through the API.
    const listed = await t.ctx.app.inject({
      method: 'GET',
      url: '/api/alerts?status=open',
      headers: unit.caseworker.headers,
    });
    const alert = listed
      .json<{ items: Array<{ id: string; youthId: string; version: number }> }>()
      .items.find((a) => a.youthId === youth['Jonas Berg']!.id)!;
    await t.ctx.app.inject({
      method: 'POST',
      url: `/api/alerts/${alert.id}/acknowledge`,
      headers: unit.caseworker.headers,
      payload: { version: alert.version, note: 'Sms sendt' },
    });
    await jonas.getByRole('button', { name: 'Kvittér' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe(
      'Advarslen er ændret af en anden, mens du arbejdede. Det, du skrev, er bevaret.',
    );
    const kept = page.locator('ul.alerts.kept > li');
    expect(await kept.textContent()).toContain('Kvitteret');
    expect(await kept.getByLabel('Hvad er der gjort?').inputValue()).toBe('Ringet til Jonas, han kommer på tirsdag');
    await page.context().close();
  });

  it('shows what was done about an alert, and the resolved ones under "Løst"', async () => {
    const page = await t.loggedIn(unit.leader.email);
    await page.goto(`${t.base}/advarsler?status=acknowledged`);
    const jonas = alertOf(page, 'Jonas Berg');
    await eventually(() => jonas.count()).toBe(1);
    await jonas.locator('summary', { hasText: 'Hvad er gjort' }).click();
    const history = (await jonas.locator('.alert-history').textContent()) ?? '';
    expect(history).toContain('Ungeflow: Åbnet af reglerne');
    expect(history).toContain('Kvitteret – »Sms sendt«');
    // Resolved by the leader, it leaves the tab and is found under "Løst" with its whole history.
    await jonas.locator('summary', { hasText: 'Løs' }).click();
    await jonas.getByLabel('Hvorfor er advarslen løst?').fill('Jonas er i gang igen');
    await jonas.getByRole('button', { name: 'Markér som løst' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Advarslen er markeret som løst.');
    await page.getByRole('navigation', { name: 'Advarslernes status' }).getByRole('link', { name: /Løst/ }).click();
    const resolved = alertOf(page, 'Jonas Berg').filter({ hasText: 'Jonas er i gang igen' });
    await eventually(() => resolved.count()).toBe(1);
    expect(await resolved.textContent()).toContain('Advarslen er løst.');
    await resolved.locator('summary', { hasText: 'Hvad er gjort' }).click();
    expect(await resolved.locator('.alert-history').textContent()).toContain('Løst – »Jonas er i gang igen«');
    await page.context().close();
  });

  it('pages through the caseload and shows each journey its next deadline', async () => {
    const page = await t.loggedIn(unit.caseworker.email);
    await eventually(() => heading(page)).toMatch(/^I dag/);
    await page.getByRole('link', { name: 'Mine unge' }).click();
    await eventually(() => heading(page)).toBe('Mine unge');
    expect(await page.locator('caption').textContent()).toBe('I alt: 29');
    expect(await page.getByRole('row', { name: /Mikkel Dahl/ }).textContent()).toContain(
      'Forventet tilbage 8. dec. 2026',
    );
    expect(await page.getByRole('row', { name: /Bo Nielsen/ }).textContent()).toContain(
      'Første samtale senest 27. nov. 2026',
    );
    expect(await page.getByRole('row', { name: /Sara Møller/ }).textContent()).toContain(
      'Opfølgning efter 3 måneder, senest 28. feb. 2027',
    );
    expect(await page.getByRole('navigation', { name: 'Sider' }).textContent()).toContain('Side 1 af 2');
    await page.screenshot({ path: `${ARTIFACTS}/mine-unge-sider.png`, fullPage: true });
    await page.getByRole('link', { name: 'Næste side' }).click();
    await eventually(() => page.getByRole('navigation', { name: 'Sider' }).textContent()).toContain('Side 2 af 2');
    expect(await page.getByRole('row', { name: /Ung 24/ }).count()).toBe(1);
    expect(await page.getByRole('row', { name: /Mikkel Dahl/ }).count()).toBe(0);

    await page.getByLabel('Kun unge med åbne advarsler').check();
    await page.getByRole('button', { name: 'Vis' }).click();
    // Bo's alert is snoozed and Jonas's acknowledged; Ida's is open (now Lars Lund's to act on).
    await eventually(() => page.locator('caption').textContent()).toBe('I alt: 1');
    expect(await page.getByRole('row', { name: /Ida Holm/ }).count()).toBe(1);
    await page.context().close();
  });

  it('lets a leader see all journeys by caseworker', async () => {
    const page = await t.loggedIn(unit.leader.email);
    await page.getByRole('link', { name: 'Alle forløb' }).click();
    await eventually(() => heading(page)).toBe('Alle forløb');
    await page.getByLabel('Rådgiver').selectOption({ label: 'Lars Lund' });
    await page.getByRole('button', { name: 'Vis' }).click();
    await eventually(() => page.locator('main').textContent()).toContain('Ingen forløb at vise.');
    await page.getByLabel('Rådgiver').selectOption({ label: 'Test caseworker' });
    await page.getByRole('button', { name: 'Vis' }).click();
    await eventually(() => page.locator('caption').textContent()).toBe('I alt: 29');
    await page.screenshot({ path: `${ARTIFACTS}/alle-forloeb.png`, fullPage: true });
    await page.context().close();
  });

  it("shows a leader the group's members and this week's meeting, and takes a larger capacity", async () => {
    const page = await t.loggedIn(unit.leader.email);
    await page.getByRole('link', { name: 'Grupper' }).click();
    await page.getByRole('link', { name: 'Tirsdagsholdet' }).click();
    await eventually(() => heading(page)).toBe('Tirsdagsholdet');
    const members = page.getByRole('region', { name: 'Medlemmer' });
    const ida = members.getByRole('row', { name: /Ida Holm/ });
    expect(await ida.textContent()).toContain('Aktivitetsparat');
    expect(await ida.textContent()).toContain('Psykiske problemer');
    expect(await ida.textContent()).toContain('10. nov. 2026');
    expect(await members.getByRole('link', { name: 'Ida Holm' }).getAttribute('href')).toBe(
      `/unge/${youth['Ida Holm']!.id}`,
    );
    // Sara left the programme for education and still comes: listed apart, not counted.
    expect(await members.getByRole('table').first().textContent()).not.toContain('Sara Møller');
    expect(await members.getByRole('table').nth(1).textContent()).toContain('Sara Møller');
    expect(await page.locator('.group-facts').textContent()).toContain('3 af 8');
    const week = page.getByRole('region', { name: 'Ugens møde' });
    expect(await week.textContent()).toContain('tirsdag den 1. december 2026');
    await page.screenshot({ path: `${ARTIFACTS}/gruppe.png`, fullPage: true });
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: `${ARTIFACTS}/gruppe-tablet.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByLabel(/^Pladser/).fill('10');
    await page.getByRole('button', { name: 'Gem gruppen' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Gruppen er gemt.');
    expect(await page.locator('.group-facts').textContent()).toContain('3 af 10');

    await page
      .getByRole('region', { name: 'Ugens møde' })
      .getByRole('link', { name: 'Tag fremmøde for hele gruppen' })
      .click();
    await eventually(() => page.getByRole('heading', { name: 'Fremmøde' }).count()).toBe(1);
    expect(await page.getByRole('group', { name: /Ida Holm/ }).count()).toBe(1);
    await page.context().close();
  });

  it("refuses a caseworker's raise of the capacity at the field", async () => {
    const page = await t.loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/grupper/${group.id}`);
    const capacity = page.getByLabel(/^Pladser/);
    expect(await capacity.getAttribute('readonly')).not.toBeNull();
    // A caseworker who gets round the read-only field is refused by the service.
    await capacity.evaluate((input) => input.removeAttribute('readonly'));
    await capacity.fill('12');
    await page.getByRole('button', { name: 'Gem gruppen' }).click();
    await eventually(() => page.locator('#e-capacity').textContent()).toBe(
      'Kun en leder kan ændre antallet af pladser i en gruppe.',
    );
    expect(await page.getByLabel(/^Pladser/).inputValue()).toBe('12');
    const stored = await t.ctx.app.inject({ method: 'GET', url: `/api/groups/${group.id}`, headers: lars.headers });
    expect(stored.json().capacity).toBe(10);
    await page.context().close();
  });

  it('keeps a stale change of the group and says someone else changed it', async () => {
    const page = await t.loggedIn(unit.leader.email);
    await page.goto(`${t.base}/grupper/${group.id}`);
    await page.getByLabel('Sted').fill('Biblioteket, mødelokale 1');
    const current = await t.ctx.app.inject({ method: 'GET', url: `/api/groups/${group.id}`, headers: lars.headers });
    await t.ctx.app.inject({
      method: 'PATCH',
      url: `/api/groups/${group.id}`,
      headers: lars.headers,
      payload: { version: current.json().version, startTime: '10:30' },
    });
    await page.getByRole('button', { name: 'Gem gruppen' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Gruppen er ændret af en anden');
    expect(await page.getByLabel('Sted').inputValue()).toBe('Biblioteket, mødelokale 1');
    await page.context().close();
  });

  it('lets a leader create a group, which gets its weekly meetings', async () => {
    const page = await t.loggedIn(unit.leader.email);
    await page.goto(`${t.base}/grupper`);
    await page.getByRole('link', { name: 'Ny gruppe' }).click();
    await eventually(() => heading(page)).toBe('Ny netværksgruppe');
    await page.getByRole('button', { name: 'Opret gruppen' }).click();
    await eventually(() => page.locator('#e-name').textContent()).toBe('Skal udfyldes.');
    await page.getByLabel('Gruppens navn').fill('Torsdagsholdet');
    await page.getByLabel('Ugedag').selectOption({ label: 'Torsdag' });
    await page.getByLabel('Klokkeslæt').fill('13:00');
    await page.getByLabel('Sted').fill('Ungdommens Hus');
    await page.getByRole('button', { name: 'Opret gruppen' }).click();
    await eventually(() => heading(page)).toBe('Torsdagsholdet');
    expect(await page.getByRole('status').textContent()).toContain('Gruppen er oprettet');
    const coming = page.getByRole('region', { name: 'Kommende møder' });
    expect(await coming.getByRole('listitem').first().textContent()).toContain('torsdag den 3. december 2026');
    expect(await page.locator('.group-facts').textContent()).toContain('0 af 8');
    await page.context().close();
  });

  it('shows the inbox, the caseload and the group pages in English when English is chosen', async () => {
    for (const [headers, url, title] of [
      [unit.leader.headers, '/advarsler', 'Alerts'],
      [unit.caseworker.headers, '/advarsler?status=acknowledged', 'My alerts'],
      [unit.leader.headers, '/', 'All journeys'],
      [unit.caseworker.headers, `/grupper/${group.id}`, 'Tirsdagsholdet'],
      [unit.leader.headers, '/grupper/ny', 'New network group'],
    ] as const) {
      const response = await t.ctx.app.inject({
        method: 'GET',
        url,
        headers: { cookie: `${headers.cookie}; ungeflow_lang=en` },
      });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`<h1>${title}</h1>`);
      expect(response.body).not.toContain('undefined');
    }
  });
  it('acknowledges several alerts at once with one note, and refuses none chosen', async () => {
    // A unit of its own: two youth referred in early November without a first conversation.
    const fresh = await newUnit(t.ctx.app, t.ctx.db);
    for (const name of ['Alma Krog', 'Bjørn Lind']) {
      const youth = await newYouth(t.ctx.app, fresh.caseworker.headers, { name });
      await openJourney(t.ctx.app, fresh.caseworker.headers, youth.id, { firstContactAt: '2026-11-02' });
    }
    const page = await t.loggedIn(fresh.leader.email);
    await page.goto(`${t.base}/advarsler`);
    const bulk = page.getByTestId('bulk-acknowledge');
    await bulk.getByRole('button', { name: 'Kvittér for de valgte' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Vælg mindst én advarsel, før du kvitterer.');
    await page.getByLabel(/om Alma Krog/).check();
    await page.getByLabel(/om Bjørn Lind/).check();
    await page.getByLabel('Hvad er der gjort? (gælder alle de valgte)').fill('Ringet til begge; samtaler aftalt');
    await page.getByTestId('bulk-acknowledge').getByRole('button', { name: 'Kvittér for de valgte' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('De valgte advarsler er kvitteret.');
    expect(await page.locator('ul.alerts > li').count()).toBe(0);
    await page.goto(`${t.base}/advarsler?status=acknowledged`);
    for (const name of ['Alma Krog', 'Bjørn Lind']) {
      const card = page.locator('ul.alerts > li').filter({ hasText: name });
      await eventually(() => card.count()).toBe(1);
      expect(await card.locator('.alert-history').textContent()).toContain(
        'Kvitteret – »Ringet til begge; samtaler aftalt«',
      );
    }
    await page.context().close();
  });
  it('lists twenty alerts compactly on one page', async () => {
    const fresh = await newUnit(t.ctx.app, t.ctx.db);
    // Twenty youth referred in November without a first conversation: twenty high alerts.
    for (let i = 1; i <= 20; i++) {
      const youth = await newYouth(t.ctx.app, fresh.caseworker.headers, {
        name: `Ventende ${String(i).padStart(2, '0')}`,
      });
      const day = String(i).padStart(2, '0');
      await openJourney(t.ctx.app, fresh.caseworker.headers, youth.id, { firstContactAt: `2026-11-${day}` });
    }
    const page = await t.loggedIn(fresh.leader.email);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${t.base}/advarsler`);
    await eventually(() => page.locator('ul.alerts > li').count()).toBe(20);
    // Before, twenty alerts made a page of about 9,700 pixels.
    await page.screenshot({ path: `${ARTIFACTS}/advarsler-kompakt.png`, fullPage: true });
    const height = await page.locator('html').evaluate((html) => html.scrollHeight);
    expect(height).toBeLessThan(4500);
    await page.context().close();
  });
});
