import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestionnaire, ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newCompany, newCpr, newGroup, newUnit, newYouth } from '../support/factories.ts';
import { openJourney } from '../support/journeys.ts';
import { pdfText } from '../support/pdf.ts';

// One working week, end to end through the pages only: a caseworker registers and visitates a
// youth, assigns a group, takes the group's attendance, starts an internship and downloads the
// plan; the leader acknowledges an alert, opens Overblik and exports it as CSV.
// Wednesday 25 November 2026; the group met yesterday.
const NOW = new Date('2026-11-25T10:00:00Z');

describe('a week in the youth unit, through the pages in Chromium', { timeout: 240_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let caseworker: Page;
  let youthUrl = '';
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    const group = await newGroup(t.ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Tirsdagsgruppen',
    });
    const meeting = await t.ctx.app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/meetings`,
      headers: unit.caseworker.headers,
      payload: { startsAt: '2026-11-24T09:00:00Z' },
    });
    if (meeting.statusCode !== 201) throw new Error(meeting.body);
    await newCompany(t.ctx.db, { municipalityId: unit.municipality.id, name: 'Roskilde Cykler ApS' });
    // Referred two weeks ago and never seen: an alert for the leader.
    const bo = await newYouth(t.ctx.app, unit.caseworker.headers, { name: 'Bo Nielsen' });
    await openJourney(t.ctx.app, unit.caseworker.headers, bo.id, { firstContactAt: '2026-11-11' });
    caseworker = await t.loggedIn(unit.caseworker.email);
  });
  afterAll(() => t?.close());

  const timeline = () => caseworker.getByTestId('timeline').textContent();
  const step = (name: string) =>
    caseworker.locator('details.step').filter({ has: caseworker.locator('summary', { hasText: name }) });

  it('registers a youth with the referral', async () => {
    expect(await heading(caseworker)).toMatch(/^I dag/);
    await caseworker.getByRole('link', { name: 'Ny ung' }).click();
    await caseworker.getByLabel('Navn').fill('Sofie Hansen');
    await caseworker.getByLabel('CPR-nummer').fill(newCpr('2004-05-15'));
    await caseworker.getByLabel('Henvist fra').selectOption({ label: 'Jobcentret' });
    await caseworker.getByLabel('Dato for første kontakt').fill('2026-11-20');
    await caseworker.getByLabel('Årsag til henvisningen').fill('Ledig efter afbrudt uddannelse');
    await caseworker.getByLabel('Nej, ingen tidligere perioder').check();
    await caseworker.getByRole('button', { name: 'Opret den unge og henvisningen' }).click();
    await eventually(() => heading(caseworker)).toBe('Sofie Hansen');
    youthUrl = caseworker.url().split('?')[0] as string;
    expect(await caseworker.locator('.facts').textContent()).toContain('Henvist');
  });

  it('records the first conversation and the visitation, with the rules answering before confirming', async () => {
    const first = step('Registrér første samtale');
    await first.locator('summary').click();
    await first.getByLabel('Hvordan blev samtalen holdt').selectOption({ label: 'Telefon' });
    await first.getByLabel('Dato (hvis ikke i dag)').fill('2026-11-21');
    await first.getByRole('button', { name: 'Registrér første samtale' }).click();
    await eventually(timeline).toContain('Første samtale holdt');
    expect(await timeline()).toContain('Telefon');

    await answerQuestionnaire(caseworker);
    await caseworker.getByRole('group', { name: 'Betydelige barrierer' }).getByLabel('Psykiske problemer').check();
    await caseworker.locator('form.visitation').getByLabel('Dato (hvis ikke i dag)').fill('2026-11-22');
    await caseworker.getByRole('button', { name: 'Se forslag' }).click();
    await eventually(() => caseworker.getByTestId('suggested').textContent()).toBe('Aktivitetsparat');
    expect(await caseworker.getByTestId('eligibility').textContent()).toContain('I målgruppen');
    await caseworker.screenshot({ path: `${ARTIFACTS}/forloeb-visitation.png`, fullPage: true });
    await caseworker.getByRole('button', { name: 'Bekræft visitation' }).click();
    await eventually(timeline).toContain('Visitation besluttet');
    expect(await caseworker.getByTestId('decision-eligibility').textContent()).toContain('I målgruppen');
    // The youth's page says which law the decision followed, and from when its rules apply.
    expect(await caseworker.getByTestId('decision-visitation').textContent()).toContain(
      'Regler efter Lov om en aktiv beskæftigelsesindsats (LAB) med kontanthjælpsreformen fra 1. juli 2025, ' +
        'gældende fra 1. juli 2025.',
    );
  });

  it('assigns the network group from the day before its meeting', async () => {
    const form = step('Tilknyt gruppen');
    await form.locator('summary').click();
    await form.getByLabel('Netværksgruppe').selectOption({ label: 'Tirsdagsgruppen (8 ledige pladser af 8)' });
    await form
      .getByLabel(/Kan den unge i udgangspunktet deltage mindst 15 timer om ugen/)
      .selectOption({ label: 'Ja' });
    await form.getByLabel('Dato (hvis ikke i dag)').fill('2026-11-23');
    await form.getByRole('button', { name: 'Tilknyt gruppen' }).click();
    await eventually(timeline).toContain('Tilknyttet netværksgruppe Tirsdagsgruppen');
  });

  it("takes the whole group's attendance at yesterday's meeting", async () => {
    await caseworker.getByRole('link', { name: 'Grupper' }).click();
    await caseworker.getByRole('link', { name: 'Tirsdagsgruppen' }).first().click();
    await eventually(() => heading(caseworker)).toBe('Tirsdagsgruppen');
    await caseworker
      .getByRole('region', { name: 'Ugens møde' })
      .getByRole('link', { name: 'Tag fremmøde for hele gruppen' })
      .click();
    await caseworker.getByRole('group', { name: 'Sofie Hansen' }).getByLabel('Mødt').check();
    await caseworker.getByRole('button', { name: 'Gem fremmøde' }).click();
    await eventually(() => caseworker.getByRole('status').textContent()).toBe('Fremmødet er gemt.');
    await caseworker.screenshot({ path: `${ARTIFACTS}/forloeb-fremmoede.png`, fullPage: true });
  });

  it('starts the internship the youth chose', async () => {
    await caseworker.goto(youthUrl);
    const form = step('Start praktik eller job');
    await form.locator('summary').click();
    await form.getByLabel('Virksomhed', { exact: true }).selectOption({ label: 'Roskilde Cykler ApS' });
    await form.getByLabel('Slags forløb').selectOption({ label: 'Virksomhedspraktik' });
    await form.getByLabel('Timer om ugen').fill('20');
    await form.getByRole('button', { name: 'Start praktik eller job' }).click();
    await eventually(timeline).toContain('Praktik startet');
    expect(await caseworker.getByTestId('running-placement').textContent()).toContain('Roskilde Cykler ApS');
    await caseworker.screenshot({ path: `${ARTIFACTS}/forloeb-ung.png`, fullPage: true });
  });

  it('downloads the plan to hand to the youth, which names the group and the internship', async () => {
    await caseworker.getByRole('link', { name: /Min plan/ }).click();
    const [download] = await Promise.all([
      caseworker.waitForEvent('download'),
      caseworker.getByRole('link', { name: 'Hent plan (PDF)' }).click(),
    ]);
    const text = await pdfText(await readFile(await download.path()));
    expect(text).toContain('Sofie Hansen');
    expect(text).toContain('Tirsdagsgruppen');
    expect(text).toContain('Roskilde Cykler ApS');
  });

  it('lets the leader see the alert about the youth never seen, and acknowledge it', async () => {
    const leader = await t.loggedIn(unit.leader.email);
    await eventually(() => heading(leader)).toBe('Advarsler');
    const alert = leader.getByRole('listitem').filter({ hasText: 'Bo Nielsen' });
    expect(await alert.textContent()).toContain('Første samtale ikke holdt i tide');
    await alert.getByLabel('Hvad er der gjort?').fill('Ringet til Bo; samtale aftalt i morgen');
    await alert.getByRole('button', { name: 'Kvittér' }).click();
    await eventually(() => leader.getByRole('status').textContent()).toBe('Advarslen er kvitteret.');
    expect(await leader.getByRole('listitem').filter({ hasText: 'Bo Nielsen' }).count()).toBe(0);

    await leader.getByRole('link', { name: 'Overblik' }).click();
    await eventually(() => heading(leader)).toBe('Overblik');
    const categories = leader.getByRole('region', { name: /visitationskategori/i });
    expect(await categories.getByRole('row', { name: /Hele enheden/ }).textContent()).toMatch(/1/);
    await leader.screenshot({ path: `${ARTIFACTS}/forloeb-overblik.png`, fullPage: true });
    const [csv] = await Promise.all([
      leader.waitForEvent('download'),
      leader.getByRole('link', { name: 'Hent CSV' }).click(),
    ]);
    const content = await readFile(await csv.path(), 'utf8');
    expect(content.charCodeAt(0)).toBe(0xfeff);
    expect(content).toContain('Aktivitetsparat');
    await leader.context().close();
  });
});
