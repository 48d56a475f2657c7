import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerQuestionnaire,
  ARTIFACTS,
  type BrowserTest,
  eventually,
  recordFirstConversation,
  startBrowserTest,
} from '../support/browser.ts';
import { newCpr, newGroup, newUnit } from '../support/factories.ts';
import { sendEvent, youthAtIntake } from '../support/journeys.ts';

// Registering a youth, visitation with the rules' preview, joining a group and taking attendance,
// driven in Chromium over PGlite (the services underneath are tested on both engines by the API tests).
const NOW = new Date('2026-11-22T10:00:00Z');

describe('referral, visitation, groups and attendance pages in Chromium', { timeout: 120_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let page: Page;
  const cpr = newCpr('2003-03-03');
  let emilUrl = '';

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    page = await t.loggedIn(unit.caseworker.email);
  });
  afterAll(() => t?.close());

  const heading = () => page.getByRole('heading', { level: 1 }).textContent();
  /** Ticks an answer of the numbered question (a fieldset whose legend starts with the number). */
  const answer = (number: number, label: string) =>
    page
      .getByRole('group', { name: new RegExp(`^${number}\\. `) })
      .getByLabel(label, { exact: true })
      .check();

  /** Whether the element is inside the window as it is scrolled now (not only somewhere on the page). */
  const inViewport = (on: Page, selector: string) =>
    on.locator(selector).evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.top >= -1 && box.bottom <= el.ownerDocument.documentElement.clientHeight + 1;
    });

  const youthReadyForGroup = (name: string) => youthAtIntake(t.ctx.app, unit.caseworker.headers, name);

  it('shows in Danish next to each field what is missing on the "Ny ung" page', async () => {
    await page.getByRole('link', { name: 'Ny ung' }).click();
    await eventually(heading).toBe('Ny ung');
    await page.getByLabel('CPR-nummer').fill('310299-1234');
    await page.getByRole('button', { name: 'Opret den unge og henvisningen' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Nogle felter er ikke udfyldt korrekt.');
    expect(await page.locator('#e-name').textContent()).toBe('Må ikke være tomt.');
    expect(await page.locator('#e-cpr').textContent()).toBe('CPR-nummeret indeholder ikke en gyldig fødselsdato.');
    expect(await page.locator('#e-reason').textContent()).toBe('Må ikke være tomt.');
    expect(await page.locator('#e-earlierBenefit').textContent()).toBe('Vælg en af mulighederne.');
    expect(await page.getByLabel('Navn').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('CPR-nummer').inputValue()).toBe('310299-1234');
    expect(await page.content()).not.toContain('undefined');
    await page.screenshot({ path: `${ARTIFACTS}/ny-ung-fejl.png`, fullPage: true });
  });

  it('registers a youth and opens the referral from the "Ny ung" page', async () => {
    await page.getByLabel('Navn').fill('Emil Sørensen');
    await page.getByLabel('CPR-nummer').fill(cpr);
    await page.getByLabel(/^Telefon/).fill('+45 22 33 44 55');
    await page.getByLabel('E-mail').fill('emil@example.dk');
    await page.getByLabel('Adresse').fill('Vestergade 4, 8000 Aarhus C');
    await page.getByLabel('Henvist fra').selectOption({ label: 'UU (ungdommens uddannelsesvejledning)' });
    await page.getByLabel('Dato for første kontakt').fill('2026-11-20');
    await page.getByLabel('Årsag til henvisningen').fill('Afbrudt erhvervsuddannelse, ønsker hjælp');
    await page.getByLabel('Ja, en eller flere tidligere perioder').check();
    await page.getByRole('button', { name: 'Opret den unge og henvisningen' }).click();
    // Earlier periods need their months.
    await eventually(() => page.locator('#e-earlierBenefitMonths').textContent()).toBe(
      'Skriv, hvor mange måneder den unge i alt har været på offentlig forsørgelse før.',
    );
    await page.getByLabel(/Antal måneder i alt/).fill('14');
    await page.getByRole('button', { name: 'Opret den unge og henvisningen' }).click();
    await eventually(heading).toBe('Emil Sørensen');
    emilUrl = page.url();
    expect(await page.getByRole('status').textContent()).toBe('Registreret.');
    expect(await page.locator('.facts').textContent()).toContain('Henvist');
    expect(await page.locator('.facts').textContent()).toContain('+45 22 33 44 55');
  });

  it('links a CPR number that is already registered to the youth who has it', async () => {
    await page.goto(`${t.base}/unge/ny`);
    await page.getByLabel('Navn').fill('Emil S.');
    await page.getByLabel('CPR-nummer').fill(cpr);
    await page.getByLabel('Årsag til henvisningen').fill('Henvist igen');
    await page.getByLabel('Nej, ingen tidligere perioder').check();
    await page.getByRole('button', { name: 'Opret den unge og henvisningen' }).click();
    await eventually(() => page.locator('#e-cpr').textContent()).toContain(
      'Der findes allerede en ung med dette CPR-nummer.',
    );
    await page.screenshot({ path: `${ARTIFACTS}/ny-ung-dublet.png`, fullPage: true });
    await page.getByRole('link', { name: 'Åbn den unge, der allerede er registreret.' }).click();
    await eventually(heading).toBe('Emil Sørensen');
    expect(new URL(page.url()).pathname).toBe(new URL(emilUrl).pathname);
  });

  it("shows the rules' suggested category and eligibility before the visitation is confirmed", async () => {
    await recordFirstConversation(page, 'Fremmøde');
    await eventually(() => page.getByTestId('timeline').textContent()).toContain('Første samtale holdt');
    await answerQuestionnaire(page);
    await answer(7, 'Venner');
    // Profile C and one mental-health barrier weighed as some: education-ready (STAR 2017, s. 16 and 21).
    await page.getByRole('button', { name: 'Se forslag' }).click();
    await eventually(() => page.getByTestId('suggested').textContent()).toBe('Uddannelsesparat');
    // Weighed as considerable, it points to activity-ready (s. 21).
    await page.getByRole('group', { name: 'Betydelige barrierer' }).getByLabel('Psykiske problemer').check();
    await page.getByRole('button', { name: 'Se forslag' }).click();
    await eventually(() => page.getByTestId('suggested').textContent()).toBe('Aktivitetsparat');
    expect(await page.getByTestId('law').textContent()).toContain('Lov om en aktiv beskæftigelsesindsats');
    // The category left at the earlier suggestion follows the new one.
    expect(await page.getByLabel('Visitationskategori').inputValue()).toBe('activity_ready');
    expect(await page.getByTestId('eligibility').textContent()).toContain('I målgruppen');
    // Nothing is recorded by the preview, and what was ticked is still ticked.
    expect(await page.getByTestId('timeline').textContent()).not.toContain('Visitation besluttet');
    expect(
      await page.getByRole('group', { name: 'Barrierer', exact: true }).getByLabel('Psykiske problemer').isChecked(),
    ).toBe(true);
    expect(await page.content()).not.toContain('undefined');
    await page.screenshot({ path: `${ARTIFACTS}/visitation-forslag.png`, fullPage: true });
  });

  it('asks in Danish for a reason when another category than the suggested one is confirmed', async () => {
    await page.getByLabel('Visitationskategori').selectOption({ label: 'Uddannelsesparat' });
    await page.getByRole('button', { name: 'Bekræft visitation' }).click();
    // A category changed after the preview is previewed again first.
    await eventually(() => page.getByRole('status').textContent()).toContain('Forslaget er opdateret');
    expect(await page.getByTestId('preview').textContent()).toContain('Svaret gælder kategorien: Uddannelsesparat');
    await page.getByRole('button', { name: 'Bekræft visitation' }).click();
    await eventually(() => page.locator('#e-overrideReason').textContent()).toBe(
      'Skriv en begrundelse, når du vælger en anden kategori end den foreslåede.',
    );
    expect(
      await page.getByRole('group', { name: /^1\. / }).getByLabel('Grundskole (9. eller 10. klasse)').isChecked(),
    ).toBe(true);
    expect(await page.getByTestId('timeline').textContent()).not.toContain('Visitation besluttet');
    await page.screenshot({ path: `${ARTIFACTS}/visitation-begrundelse.png`, fullPage: true });
  });

  it('records the visitation when the caseworker confirms the suggested category', async () => {
    await page.getByLabel('Visitationskategori').selectOption({ label: 'Aktivitetsparat' });
    await page.getByRole('button', { name: 'Se forslag' }).click();
    await eventually(() => page.getByTestId('preview').textContent()).toContain(
      'Svaret gælder kategorien: Aktivitetsparat',
    );
    await page.getByRole('button', { name: 'Bekræft visitation' }).click();
    await eventually(() => page.getByTestId('timeline').textContent()).toContain('Visitation besluttet');
    expect(await page.locator('.facts').textContent()).toContain('Klar til gruppe');
    expect(await page.getByRole('button', { name: 'Se forslag' }).count()).toBe(0);
    // The form is gone, and what was ticked in it is still there to read, in words.
    const recorded = page.getByTestId('visitation-record');
    const answers = await recorded.getByTestId('questionnaire-answers').textContent();
    for (const answer of ['Grundskole (9. eller 10. klasse)', '5 (Meget vigtigt)', 'Forældre, Venner', '7']) {
      expect(answers).toContain(answer);
    }
    expect(await recorded.textContent()).toContain('C: I risiko for langvarig offentlig forsørgelse');
    expect(await recorded.textContent()).toContain('Psykiske problemer (betydelig)');
    expect(await recorded.textContent()).not.toMatch(/\b(primary_school|mental_health|parents|activity_ready)\b/);
  });

  it('refuses in Danish a group that filled up meanwhile, and assigns one with a free place', async () => {
    const facilitatorId = unit.caseworker.id;
    const municipalityId = unit.municipality.id;
    const small = await newGroup(t.ctx.db, { municipalityId, facilitatorId, name: 'Lille gruppe', capacity: 1 });
    await newGroup(t.ctx.db, { municipalityId, facilitatorId, name: 'Tirsdagsgruppen' });
    await page.reload();
    await page.locator('summary', { hasText: 'Tilknyt gruppen' }).click();
    const groupField = page.getByLabel('Netværksgruppe', { exact: true });
    const entryCondition = page.getByLabel(/Kan den unge i udgangspunktet deltage mindst 15 timer om ugen/);
    await eventually(() => groupField.textContent()).toContain('Lille gruppe (1 ledig plads af 1)');
    // NExTWORK's entry condition: a "no" without a reason is refused at the reason field, and nothing is recorded.
    await groupField.selectOption({ label: 'Lille gruppe (1 ledig plads af 1)' });
    await entryCondition.selectOption({ label: 'Nej' });
    await page.getByRole('button', { name: 'Tilknyt gruppen' }).click();
    await eventually(() => page.locator('#e-GROUP_ASSIGNED-entryOverrideReason').textContent()).toContain(
      'Den unge kan ikke deltage mindst 15 timer om ugen.',
    );
    expect(await page.locator('.facts').textContent()).toContain('Klar til gruppe');
    await entryCondition.selectOption({ label: 'Ja' });
    // Meanwhile a colleague puts another youth in the last place.
    const other = await youthReadyForGroup('Freja Lund');
    expect(
      (
        await sendEvent(t.ctx.app, unit.caseworker.headers, other.journey.id, {
          type: 'GROUP_ASSIGNED',
          canTakePart15HoursAWeek: true,
          groupId: small.id,
        })
      ).statusCode,
    ).toBe(201);
    await groupField.selectOption({ label: 'Lille gruppe (1 ledig plads af 1)' });
    await page.getByRole('button', { name: 'Tilknyt gruppen' }).click();
    await eventually(() => page.locator('#e-GROUP_ASSIGNED-groupId').textContent()).toBe('Gruppen er fuld (1 af 1).');
    expect(await page.getByRole('alert').textContent()).toBe(
      'Den unge er ikke tilknyttet gruppen. Se begrundelsen ved feltet.',
    );
    expect(await page.locator('.facts').textContent()).toContain('Klar til gruppe');
    expect(await groupField.textContent()).not.toContain('Lille gruppe');
    await page.screenshot({ path: `${ARTIFACTS}/gruppe-fuld.png`, fullPage: true });

    await groupField.selectOption({ label: 'Tirsdagsgruppen (8 ledige pladser af 8)' });
    await page.getByRole('button', { name: 'Tilknyt gruppen' }).click();
    await eventually(() => page.getByTestId('timeline').textContent()).toContain('Tilknyttet netværksgruppe');
    expect(await page.locator('.facts').textContent()).toContain('Aktiv');
  });

  it('takes attendance for the whole group at a meeting on one screen', async () => {
    const group = await newGroup(t.ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Onsdagsholdet',
    });
    const h = unit.caseworker.headers;
    const members = [];
    for (const name of ['Ida Holm', 'Jonas Berg']) {
      const { journey, youth } = await youthReadyForGroup(name);
      const joined = await sendEvent(t.ctx.app, h, journey.id, {
        type: 'GROUP_ASSIGNED',
        canTakePart15HoursAWeek: true,
        groupId: group.id,
        occurredAt: '2026-11-17T10:00:00Z',
      });
      expect(joined.statusCode).toBe(201);
      members.push(youth);
    }
    const meeting = await t.ctx.app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/meetings`,
      headers: h,
      payload: { startsAt: '2026-11-20T09:00:00Z' },
    });
    expect(meeting.statusCode).toBe(201);
    const meetingId = meeting.json<{ id: string }>().id;

    await page.getByRole('link', { name: 'Grupper' }).click();
    await eventually(heading).toBe('Netværksgrupper');
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Onsdagsholdet' }) });
    expect(await card.textContent()).toContain('Medlemmer: 2 af 8');
    await page.screenshot({ path: `${ARTIFACTS}/grupper.png`, fullPage: true });
    await card.getByRole('link', { name: /20\. november 2026/ }).click();
    await eventually(heading).toBe('Onsdagsholdet');

    await page.getByRole('button', { name: 'Gem fremmøde' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Vælg fremmøde for mindst én ung.');

    const ida = page.getByRole('group', { name: 'Ida Holm' });
    const jonas = page.getByRole('group', { name: 'Jonas Berg' });
    await ida.getByLabel('Mødt').check();
    await jonas.getByLabel('Afbud').check();
    await jonas.getByLabel(/Note/).fill('Lægetid');
    await page.getByRole('button', { name: 'Gem fremmøde' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Fremmødet er gemt.');
    expect(await page.getByRole('group', { name: 'Ida Holm' }).getByLabel('Mødt').isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'Jonas Berg' }).getByLabel('Afbud').isChecked()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/fremmoede.png`, fullPage: true });

    const saved = await t.ctx.app.inject({ method: 'GET', url: `/api/meetings/${meetingId}`, headers: h });
    const statuses = Object.fromEntries(
      saved
        .json<{ attendance: Array<{ youth: { id: string }; status: string; note: string | null }> }>()
        .attendance.map((a) => [a.youth.id, [a.status, a.note]]),
    );
    expect(statuses).toEqual({
      [members[0]!.id]: ['attended', null],
      [members[1]!.id]: ['absent_with_notice', 'Lægetid'],
    });
  });

  it('shows the new pages in English when English is chosen', async () => {
    const cookie = `${unit.caseworker.headers.cookie}; ungeflow_lang=en`;
    for (const [url, title] of [
      ['/unge/ny', 'New youth'],
      ['/grupper', 'Network groups'],
    ] as const) {
      const response = await t.ctx.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`<h1>${title}</h1>`);
      expect(response.body).not.toContain('undefined');
    }
  });

  it('reaches the eligibility answer from "Ny ung" in three page loads, each answer in view', async () => {
    const fresh = await t.loggedIn(unit.caseworker.email);
    let loads = 0;
    fresh.on('load', () => loads++);
    // 1: the empty form.
    await fresh.goto(`${t.base}/unge/ny`);
    await fresh.getByLabel('Navn').fill('Sara Holm');
    await fresh.getByLabel('CPR-nummer').fill(newCpr('2004-04-04'));
    await fresh.getByLabel('Årsag til henvisningen').fill('Droppet ud af gymnasiet');
    await fresh.getByLabel('Nej, ingen tidligere perioder').check();
    await fresh.getByLabel('Den holdes nu, i telefonen').check();
    // 2: registered with the first conversation held now, the page opens at the visitation.
    await fresh.getByRole('button', { name: 'Opret den unge og henvisningen' }).click();
    await eventually(() => fresh.getByRole('heading', { level: 1 }).textContent()).toBe('Sara Holm');
    expect(await fresh.getByTestId('timeline').textContent()).toContain('Første samtale holdt');
    expect(new URL(fresh.url()).hash).toBe('#h-visitation');
    await eventually(() => inViewport(fresh, '#h-visitation')).toBe(true);
    await answerQuestionnaire(fresh);
    // 3: the preview, opened at the suggestion and the eligibility answer.
    await fresh.getByRole('button', { name: 'Se forslag' }).click();
    await eventually(() => fresh.getByTestId('suggested').textContent()).toBe('Uddannelsesparat');
    expect(await fresh.getByTestId('eligibility').textContent()).toContain('I målgruppen');
    await eventually(() => inViewport(fresh, '[data-testid=suggested]')).toBe(true);
    await eventually(() => inViewport(fresh, '[data-testid=eligibility]')).toBe(true);
    expect(loads).toBe(3);
    await fresh.screenshot({ path: `${ARTIFACTS}/ny-ung-til-forslag.png` });
    await fresh.context().close();
  });

  it('answers a leader who opens the "Ny ung" page with a Danish refusal', async () => {
    const response = await t.ctx.app.inject({ method: 'GET', url: '/unge/ny', headers: unit.leader.headers });
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Du har ikke adgang til dette.');
  });

  /** Fills "Ny ung" for a youth born on the day, first contact on 20 November 2026. */
  async function fillNewYouth(name: string, birthDate: string) {
    await page.goto(`${t.base}/unge/ny`);
    await page.getByLabel('Navn').fill(name);
    await page.getByLabel('CPR-nummer').fill(newCpr(birthDate));
    await page.getByLabel('Dato for første kontakt').fill('2026-11-20');
    await page.getByLabel('Årsag til henvisningen').fill('Henvist fra jobcentret');
    await page.getByLabel('Nej, ingen tidligere perioder').check();
  }
  const found = async (name: string) =>
    (
      await t.ctx.app.inject({
        method: 'GET',
        url: `/api/youth?query=${encodeURIComponent(name)}`,
        headers: unit.caseworker.headers,
      })
    ).json<{ total: number }>().total;

  it('refuses on "Ny ung" an age no target group can have, at the CPR number, and registers nobody', async () => {
    await fillNewYouth('Alma Vestergaard', '2014-02-01');
    await page.getByRole('button', { name: 'Opret den unge og henvisningen' }).click();
    await eventually(() => page.locator('#e-cpr').textContent()).toBe(
      'Den unge er 12 år på dagen for første kontakt. Målgruppen kan i ingen kommune gå ud over 15 til 35 år. ' +
        'Tjek CPR-nummeret og datoen for første kontakt.',
    );
    expect(await page.getByLabel('CPR-nummer').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Navn').inputValue()).toBe('Alma Vestergaard');
    // Ticking a confirmation does not help: no municipality's target group holds a 12-year-old.
    expect(await page.getByTestId('age-check').count()).toBe(0);
    expect(await found('Alma Vestergaard')).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/ny-ung-alder-umulig.png`, fullPage: true });
  });

  it("asks before registering a youth outside the municipality's target ages, and registers on confirmation", async () => {
    await fillNewYouth('Bent Kristoffersen', '1994-06-01');
    await page.getByRole('button', { name: 'Opret den unge og henvisningen' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe(
      'Tjek den unges alder, før henvisningen oprettes.',
    );
    expect(await page.getByTestId('age-check').textContent()).toContain(
      'Den unge er 32 år på dagen for første kontakt og dermed uden for kommunens målgruppe på 18 til 29 år.',
    );
    expect(await found('Bent Kristoffersen')).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/ny-ung-alder-bekraeft.png`, fullPage: true });
    await page.getByLabel('Ja, opret henvisningen, selv om alderen er uden for målgruppen').check();
    await page.getByRole('button', { name: 'Opret den unge og henvisningen' }).click();
    await eventually(heading).toBe('Bent Kristoffersen');
    expect(await page.getByTestId('stage').textContent()).toBe('Henvist');
    expect(await found('Bent Kristoffersen')).toBe(1);
  });

  it('asks about the age in English when English is chosen', async () => {
    await page.context().addCookies([{ name: 'ungeflow_lang', value: 'en', url: t.base }]);
    try {
      await page.goto(`${t.base}/unge/ny`);
      await page.getByLabel('Name').fill('Carl Munk');
      await page.getByLabel('CPR number').fill(newCpr('2010-01-15'));
      await page.getByLabel('Date of first contact').fill('2026-11-20');
      await page.getByLabel('Reason for the referral').fill('Referred by the jobcentre');
      await page.getByLabel('No, no earlier periods').check();
      await page.getByRole('button', { name: 'Create the youth and the referral' }).click();
      await eventually(() => page.getByRole('alert').textContent()).toBe(
        "Check the youth's age before the referral is created.",
      );
      expect(await page.getByTestId('age-check').textContent()).toContain(
        "The youth is 16 on the day of first contact, outside the municipality's target group of 18 to 29 years.",
      );
      expect(
        await page.getByLabel('Yes, create the referral although the age is outside the target group').count(),
      ).toBe(1);
    } finally {
      await page.context().addCookies([{ name: 'ungeflow_lang', value: 'da', url: t.base }]);
    }
  });

  it("answers another municipality's meeting as not found", async () => {
    const group = await newGroup(t.ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Torsdagsholdet',
    });
    const meeting = await t.ctx.app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/meetings`,
      headers: unit.caseworker.headers,
      payload: { startsAt: '2026-11-19T09:00:00Z' },
    });
    const other = await newUnit(t.ctx.app, t.ctx.db);
    const response = await t.ctx.app.inject({
      method: 'GET',
      url: `/grupper/${group.id}/moeder/${meeting.json<{ id: string }>().id}`,
      headers: other.caseworker.headers,
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Findes ikke.');
  });
});
