import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newCompany, newGroup, newUnit } from '../support/factories.ts';
import { sendEvent, youthAtIntake } from '../support/journeys.ts';

// Companies, their contact persons and placements, the company network's meetings and match
// events with wishes, interest and the match list, driven in Chromium over PGlite (the services
// underneath are tested on both engines by the API tests).
const NOW = new Date('2026-12-01T10:00:00Z');

describe('companies and match event pages in Chromium', { timeout: 120_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let page: Page;
  let bakery: { id: string; name: string };
  const youth: Record<string, { youthId: string; journeyId: string }> = {};
  let eventUrl = '';

  /** A youth in a network group of their own (stage active), with the events dated 2-5 November. */
  async function activeYouth(name: string) {
    const group = await newGroup(t.ctx.db, { municipalityId: unit.municipality.id, facilitatorId: unit.caseworker.id });
    const { youth: created, journey } = await youthAtIntake(t.ctx.app, unit.caseworker.headers, name, {
      firstContactAt: '2026-11-02',
      groupId: group.id,
    });
    return { youthId: created.id, journeyId: journey.id };
  }

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    bakery = await newCompany(t.ctx.db, { municipalityId: unit.municipality.id, name: 'Bageriet Roskilde' });
    for (const name of ['Ida Holm', 'Jonas Berg', 'Sara Nielsen']) youth[name] = await activeYouth(name);
    // Sara has been at the bakery since 16 November.
    const placed = await sendEvent(t.ctx.app, unit.caseworker.headers, youth['Sara Nielsen']!.journeyId, {
      type: 'PLACEMENT_STARTED',
      companyId: bakery.id,
      kind: 'internship',
      hoursPerWeek: 17.5,
      occurredAt: '2026-11-16T08:00:00Z',
    });
    if (placed.statusCode !== 201) throw new Error(placed.body);

    page = await t.loggedIn(unit.caseworker.email);
    page.setDefaultTimeout(8_000);
    // Caseworkers land on "I dag".
    await page.waitForURL(`${t.base}/i-dag`);
  });
  afterAll(() => t?.close());

  const heading = () => page.getByRole('heading', { level: 1 }).textContent();
  const notice = () => page.getByRole('status').textContent();
  const problem = () => page.getByRole('alert').textContent();

  it('shows a wrong CVR number in Danish at the field and keeps what was typed', async () => {
    await page.getByRole('link', { name: 'Virksomheder', exact: true }).click();
    await eventually(heading).toBe('Virksomheder');
    await page.getByRole('link', { name: 'Ny virksomhed' }).click();
    await eventually(heading).toBe('Ny virksomhed');
    await page.getByLabel('Virksomhedens navn').fill('Tømrer Hansen ApS');
    await page.getByLabel('CVR-nummer').fill('1234 5678');
    await page.getByLabel('Branche').fill('Byggeri');
    await page.getByLabel('Adresse').fill('Algade 12, 4000 Roskilde');
    await page.getByLabel('Pladser').fill('2');
    await page.getByRole('button', { name: 'Opret virksomheden' }).click();
    await eventually(problem).toBe('Nogle felter er ikke udfyldt korrekt.');
    expect(await page.locator('#e-cvr').textContent()).toBe('CVR-nummeret er ikke gyldigt.');
    expect(await page.getByLabel('CVR-nummer').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Virksomhedens navn').inputValue()).toBe('Tømrer Hansen ApS');
    expect(await page.getByLabel('CVR-nummer').inputValue()).toBe('1234 5678');
    expect(await page.getByLabel('Branche').inputValue()).toBe('Byggeri');
    expect(await page.getByLabel('Pladser').inputValue()).toBe('2');
    expect(await page.content()).not.toContain('undefined');
    await page.screenshot({ path: `${ARTIFACTS}/virksomhed-cvr-fejl.png`, fullPage: true });

    await page.getByLabel('CVR-nummer').fill('2425 6790');
    await page.getByRole('button', { name: 'Opret virksomheden' }).click();
    await eventually(heading).toBe('Tømrer Hansen ApS');
    expect(await notice()).toBe('Virksomheden er oprettet.');
    const facts = await page.locator('.facts').textContent();
    expect(facts).toContain('24256790');
    expect(facts).toContain('Byggeri');
  });

  it('points to the company that already has the CVR number', async () => {
    const url = page.url();
    await page.goto(`${t.base}/virksomheder/ny`);
    await page.getByLabel('Virksomhedens navn').fill('Tømrer Hansen');
    await page.getByLabel('CVR-nummer').fill('24256790');
    await page.getByRole('button', { name: 'Opret virksomheden' }).click();
    await eventually(() => page.locator('#e-cvr').textContent()).toContain(
      'Der findes allerede en virksomhed med dette CVR-nummer.',
    );
    await page.getByRole('link', { name: 'Åbn virksomheden, der allerede er registreret.' }).click();
    await eventually(heading).toBe('Tømrer Hansen ApS');
    expect(new URL(page.url()).pathname).toBe(new URL(url).pathname);
  });

  it('says in Danish that a colleague changed the company and keeps what the caseworker typed', async () => {
    const companyPath = new URL(page.url()).pathname;
    await page.getByText('Ret oplysninger').click();
    await page.getByLabel('Branche').fill('Tømrer og snedker');
    // Meanwhile a colleague changes the number of places through the API.
    const colleague = await t.ctx.app.inject({
      method: 'PATCH',
      url: `/api${companyPath.replace('/virksomheder/', '/companies/')}`,
      headers: unit.caseworker.headers,
      payload: { version: 1, placementCapacity: 3 },
    });
    expect(colleague.statusCode).toBe(200);
    await page.getByRole('button', { name: 'Gem oplysningerne' }).click();
    await eventually(problem).toBe(
      'Virksomheden er ændret af en anden, mens du arbejdede. Dine ændringer er ikke gemt, men står stadig i formularen. Se de gemte oplysninger, og gem igen, hvis dine skal gælde.',
    );
    expect(await page.getByLabel('Branche').isVisible()).toBe(true);
    expect(await page.getByLabel('Branche').inputValue()).toBe('Tømrer og snedker');
    expect(await page.getByLabel('Pladser').inputValue()).toBe('2');
    expect(await page.locator('.facts').textContent()).toContain('Byggeri');
    // Having seen the colleague's change, the caseworker saves what was typed on purpose.
    await page.getByRole('button', { name: 'Gem oplysningerne' }).click();
    await eventually(notice).toBe('Oplysningerne er gemt.');
    expect(await page.locator('.facts').textContent()).toContain('Tømrer og snedker');
  });

  it("adds and changes a contact person on the company's page", async () => {
    const form = page.getByRole('group', { name: 'Ny kontaktperson' });
    await form.getByLabel('Navn').fill('Mette Lund');
    await form.getByLabel('Stilling').fill('Værkfører');
    await form.getByLabel('Telefon').fill('+45 30 40 50 60');
    await form.getByLabel('E-mail').fill('mette-lund');
    await page.getByRole('button', { name: 'Tilføj kontaktpersonen' }).click();
    await eventually(() => page.locator('#e-new-email').textContent()).toBe(
      'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.',
    );
    expect(await form.getByLabel('Navn').inputValue()).toBe('Mette Lund');
    await form.getByLabel('E-mail').fill('mette@toemrer-hansen.dk');
    await page.getByRole('button', { name: 'Tilføj kontaktpersonen' }).click();
    await eventually(notice).toBe('Kontaktpersonen er tilføjet.');
    const contacts = page.locator('.contact-list');
    expect(await contacts.textContent()).toContain('Mette Lund, Værkfører');

    await page.getByText('Ret Mette Lund').click();
    await contacts.getByLabel('Stilling').fill('Formand');
    await page.getByRole('button', { name: 'Gem kontaktpersonen' }).click();
    await eventually(notice).toBe('Kontaktpersonen er gemt.');
    expect(await page.locator('.contact-list').textContent()).toContain('Mette Lund, Formand');
    await page.screenshot({ path: `${ARTIFACTS}/virksomhed-kontakt.png`, fullPage: true });
  });

  it('lists the companies with contacts, youth placed now and free places, and shows who is placed', async () => {
    await page.getByRole('link', { name: 'Virksomheder', exact: true }).click();
    await eventually(heading).toBe('Virksomheder');
    const cells = async (name: string) =>
      page
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('cell')
        .allTextContents();
    expect((await cells('Tømrer Hansen')).map((c) => c.trim())).toEqual([
      'Tømrer Hansen ApS',
      '24256790',
      'Tømrer og snedker',
      '1',
      '0',
      '2 af 2',
    ]);
    expect((await cells('Bageriet Roskilde')).slice(3).map((c) => c.trim())).toEqual(['0', '1', '1 af 2']);
    await page.screenshot({ path: `${ARTIFACTS}/virksomheder.png`, fullPage: true });

    await page.getByLabel('Søg efter navn eller CVR-nummer').fill('2425');
    await page.getByRole('button', { name: 'Søg' }).click();
    await eventually(() => page.getByRole('row').count()).toBe(2);

    await page.goto(`${t.base}/virksomheder/${bakery.id}`);
    await eventually(heading).toBe('Bageriet Roskilde');
    const sara = page.getByRole('row', { name: /Sara Nielsen/ });
    expect((await sara.getByRole('cell').allTextContents()).map((c) => c.trim())).toEqual([
      'Sara Nielsen',
      'Virksomhedspraktik',
      '17,5',
      '16. nov. 2026',
    ]);
    expect(await sara.getByRole('link', { name: 'Sara Nielsen' }).getAttribute('href')).toBe(
      `/unge/${youth['Sara Nielsen']!.youthId}`,
    );
  });

  it('records a company network meeting and shows it on the companies that attended', async () => {
    await page.goto(`${t.base}/virksomheder`);
    await page.getByRole('link', { name: 'Netværksmøder' }).click();
    await eventually(heading).toBe('Virksomhedsnetværkets møder');
    await page.getByLabel('Dato').fill('2026-11-26');
    await page.getByLabel('Sted', { exact: true }).fill('Jobcentret, mødelokale 2');
    await page.getByLabel('Tømrer Hansen ApS').check();
    await page.getByRole('button', { name: 'Registrér mødet' }).click();
    await eventually(notice).toBe('Mødet er registreret.');
    expect(await heading()).toBe('Netværksmøde 26. nov. 2026');
    await page.getByLabel('Bageriet Roskilde').check();
    await page.getByRole('button', { name: 'Gem deltagerne' }).click();
    await eventually(notice).toBe('Fremmødet er gemt.');
    await page.getByRole('link', { name: 'Bageriet Roskilde' }).click();
    await eventually(heading).toBe('Bageriet Roskilde');
    expect(await page.getByRole('region', { name: 'Netværksmøder, virksomheden deltog i' }).textContent()).toContain(
      '26. nov. 2026 · Jobcentret, mødelokale 2',
    );
    expect(await page.getByRole('region', { name: 'Unge i praktik nu' }).textContent()).toContain('Sara Nielsen');
    await page.screenshot({ path: `${ARTIFACTS}/virksomhed.png`, fullPage: true });
  });

  it('creates a match event, adds youth and companies, records wishes and interest, and lists the mutual match first', async () => {
    await page.getByRole('link', { name: 'Match events' }).click();
    await eventually(heading).toBe('Match events');
    await page.getByLabel('Dato').fill('2026-12-03');
    await page.getByLabel('Sted').fill('Ungehuset, Nørregade 5');
    await page.getByLabel('Beskrivelse').fill('Speeddating med virksomhederne fra netværket');
    await page.getByRole('button', { name: 'Opret match event' }).click();
    await eventually(heading).toBe('Match event 3. december 2026');
    expect(await notice()).toBe('Match eventet er oprettet. Vælg deltagerne herunder.');
    eventUrl = page.url();

    const companies = page.getByRole('group', { name: 'Virksomheder' });
    await companies.getByLabel('Tømrer Hansen ApS').check();
    await companies.getByLabel('Bageriet Roskilde').check();
    const candidates = page.getByRole('group', { name: 'Unge', exact: true });
    expect(await candidates.textContent()).toContain('Ida Holm (Aktiv)');
    await candidates.getByLabel('Ida Holm').check();
    await candidates.getByLabel('Jonas Berg').check();
    await page.getByRole('button', { name: 'Gem deltagerne' }).click();
    await eventually(notice).toBe('Deltagerne er gemt.');

    // Two youth's wishes and a company's interest, typed one after the other and saved once.
    const ida = page.getByRole('group', { name: 'Ida Holm', exact: true });
    await ida.getByLabel('1. ønske').selectOption({ label: 'Tømrer Hansen ApS' });
    await ida.getByLabel('2. ønske').selectOption({ label: 'Bageriet Roskilde' });
    const jonas = page.getByRole('group', { name: 'Jonas Berg', exact: true });
    await jonas.getByLabel('1. ønske').selectOption({ label: 'Bageriet Roskilde' });
    const carpenter = page.getByRole('group', { name: 'Tømrer Hansen ApS', exact: true });
    await carpenter.getByLabel('Ida Holm').check();
    expect(await page.getByRole('button', { name: 'Gem ønsker og interesse' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Gem ønsker og interesse' }).click();
    await eventually(notice).toBe('Ønskerne og interessen er gemt.');

    const saved = await readEvent();
    const [carpenterId, bakeryId] = [await companyId('Tømrer Hansen ApS'), bakery.id];
    expect(saved.youth.find((y) => y.journeyId === youth['Ida Holm']!.journeyId)?.wishes).toEqual([
      carpenterId,
      bakeryId,
    ]);
    expect(saved.youth.find((y) => y.journeyId === youth['Jonas Berg']!.journeyId)?.wishes).toEqual([bakeryId]);
    expect(saved.companies.find((c) => c.id === carpenterId)?.interestedIn).toEqual([youth['Ida Holm']!.journeyId]);
    // The page shows what is stored, not only what was typed.
    expect(await page.getByRole('group', { name: 'Jonas Berg', exact: true }).getByLabel('1. ønske').inputValue()).toBe(
      bakeryId,
    );

    const rows = page.getByTestId('match-list').locator('tbody tr');
    const table = async () =>
      (await rows.all()).map(async (row) => (await row.getByRole('cell').allTextContents()).map((c) => c.trim()));
    expect(await Promise.all(await table())).toEqual([
      ['Gensidig interesse', 'Ida Holm', 'Tømrer Hansen ApS', '1. ønske', 'Interesseret'],
      ['Kun den unges ønske', 'Jonas Berg', 'Bageriet Roskilde', '1. ønske', '–'],
      ['Kun den unges ønske', 'Ida Holm', 'Bageriet Roskilde', '2. ønske', '–'],
    ]);
    expect(await rows.first().getByRole('link', { name: 'Ida Holm' }).getAttribute('href')).toBe(
      `/unge/${youth['Ida Holm']!.youthId}`,
    );
    expect(await page.content()).not.toContain('undefined');
    await page.screenshot({ path: `${ARTIFACTS}/match-event.png`, fullPage: true });
    // The same page on a tablet held upright.
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: `${ARTIFACTS}/match-event-tablet.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  /** A company's id as the event's API answers it. */
  async function companyId(name: string): Promise<string | undefined> {
    const event = await readEvent();
    return event.companies.find((c) => c.name === name)?.id;
  }

  async function readEvent() {
    const id = new URL(eventUrl).pathname.split('/').pop();
    const response = await t.ctx.app.inject({
      method: 'GET',
      url: `/api/match-events/${id}`,
      headers: unit.caseworker.headers,
    });
    return response.json<{
      id: string;
      companies: Array<{ id: string; name: string; interestedIn: string[] }>;
      youth: Array<{ journeyId: string; wishes: string[]; wishesVersion: number }>;
    }>();
  }

  it("saves nothing, names the youth in Danish and keeps everything typed when a colleague changed one youth's wishes meanwhile", async () => {
    const idaJourney = youth['Ida Holm']!.journeyId;
    const jonasJourney = youth['Jonas Berg']!.journeyId;
    const carpenterId = (await companyId('Tømrer Hansen ApS'))!;
    await page
      .getByRole('group', { name: 'Ida Holm', exact: true })
      .getByLabel('3. ønske')
      .selectOption({ label: 'Tømrer Hansen ApS' });
    await page
      .getByRole('group', { name: 'Ida Holm', exact: true })
      .getByLabel('1. ønske')
      .selectOption({ label: 'Bageriet Roskilde' });
    await page
      .getByRole('group', { name: 'Ida Holm', exact: true })
      .getByLabel('2. ønske')
      .selectOption({ label: 'Tømrer Hansen ApS' });
    await page
      .getByRole('group', { name: 'Ida Holm', exact: true })
      .getByLabel('3. ønske')
      .selectOption({ label: 'Intet ønske' });
    await page
      .getByRole('group', { name: 'Jonas Berg', exact: true })
      .getByLabel('1. ønske')
      .selectOption({ label: 'Tømrer Hansen ApS' });
    await page.getByRole('group', { name: 'Bageriet Roskilde', exact: true }).getByLabel('Jonas Berg').check();
    // Meanwhile a colleague records Jonas's wishes through the API.
    const event = await readEvent();
    const jonasVersion = event.youth.find((y) => y.journeyId === jonasJourney)!.wishesVersion;
    const colleague = await t.ctx.app.inject({
      method: 'PUT',
      url: `/api/match-events/${event.id}/wishes/${jonasJourney}`,
      headers: unit.caseworker.headers,
      payload: { companyIds: [], version: jonasVersion },
    });
    expect(colleague.statusCode).toBe(200);

    await page.getByRole('button', { name: 'Gem ønsker og interesse' }).click();
    await eventually(problem).toBe(
      'En række er ændret af en anden, mens du arbejdede. Intet er gemt, men alt, hvad du har valgt, står stadig i formularen, og det gemte står under de ændrede rækker. Gem igen, hvis dine valg skal gælde.',
    );
    const jonas = page.getByRole('group', { name: 'Jonas Berg', exact: true });
    expect(await jonas.locator('.error').first().textContent()).toBe(
      'Den unges ønsker er ændret af en anden, mens du arbejdede.',
    );
    expect(await page.locator('.error-summary').textContent()).toContain(
      'Jonas Berg: Den unges ønsker er ændret af en anden, mens du arbejdede.',
    );
    expect(await page.locator('.error-summary a').getAttribute('href')).toBe(`#oensker-${jonasJourney}`);
    // Everything typed is still there: Jonas's choice, Ida's new order and the bakery's interest.
    expect(await jonas.getByLabel('1. ønske').locator('option:checked').textContent()).toBe('Tømrer Hansen ApS');
    expect(await jonas.getByTestId('saved-wishes').textContent()).toBe('Gemt nu: ingen');
    const ida = page.getByRole('group', { name: 'Ida Holm', exact: true });
    expect(await ida.getByLabel('1. ønske').locator('option:checked').textContent()).toBe('Bageriet Roskilde');
    expect(await ida.getByLabel('2. ønske').locator('option:checked').textContent()).toBe('Tømrer Hansen ApS');
    expect(
      await page.getByRole('group', { name: 'Bageriet Roskilde', exact: true }).getByLabel('Jonas Berg').isChecked(),
    ).toBe(true);
    // Nothing was saved, not even the rows nobody else touched.
    const after = await readEvent();
    expect(after.youth.find((y) => y.journeyId === idaJourney)?.wishes).toEqual([carpenterId, bakery.id]);
    expect(after.youth.find((y) => y.journeyId === jonasJourney)?.wishes).toEqual([]);
    expect(after.companies.find((c) => c.id === bakery.id)?.interestedIn).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/match-event-konflikt.png`, fullPage: true });

    // Having seen the colleague's change, the caseworker saves everything on purpose.
    await page.getByRole('button', { name: 'Gem ønsker og interesse' }).click();
    await eventually(notice).toBe('Ønskerne og interessen er gemt.');
    const saved = await readEvent();
    expect(saved.youth.find((y) => y.journeyId === idaJourney)?.wishes).toEqual([bakery.id, carpenterId]);
    expect(saved.youth.find((y) => y.journeyId === jonasJourney)?.wishes).toEqual([carpenterId]);
    expect(saved.companies.find((c) => c.id === bakery.id)?.interestedIn).toEqual([jonasJourney]);
  });

  it("saves a colleague's change to another youth untouched: only the rows the caseworker changed are sent", async () => {
    const idaJourney = youth['Ida Holm']!.journeyId;
    const jonasJourney = youth['Jonas Berg']!.journeyId;
    await page
      .getByRole('group', { name: 'Jonas Berg', exact: true })
      .getByLabel('2. ønske')
      .selectOption({ label: 'Bageriet Roskilde' });
    // Meanwhile a colleague changes Ida's wishes, which this caseworker has not touched.
    const event = await readEvent();
    const idaVersion = event.youth.find((y) => y.journeyId === idaJourney)!.wishesVersion;
    const colleague = await t.ctx.app.inject({
      method: 'PUT',
      url: `/api/match-events/${event.id}/wishes/${idaJourney}`,
      headers: unit.caseworker.headers,
      payload: { companyIds: [bakery.id], version: idaVersion },
    });
    expect(colleague.statusCode).toBe(200);
    await page.getByRole('button', { name: 'Gem ønsker og interesse' }).click();
    await eventually(notice).toBe('Ønskerne og interessen er gemt.');
    const saved = await readEvent();
    expect(saved.youth.find((y) => y.journeyId === idaJourney)?.wishes).toEqual([bakery.id]);
    expect(saved.youth.find((y) => y.journeyId === jonasJourney)?.wishes).toEqual([
      await companyId('Tømrer Hansen ApS'),
      bakery.id,
    ]);
  });

  it('asks for the wishes in order rather than ranking a second wish first', async () => {
    const jonas = page.getByRole('group', { name: 'Jonas Berg', exact: true });
    await jonas.getByLabel('1. ønske').selectOption({ label: 'Intet ønske' });
    await jonas.getByLabel('2. ønske').selectOption({ label: 'Bageriet Roskilde' });
    await page.getByRole('button', { name: 'Gem ønsker og interesse' }).click();
    await eventually(() => page.locator(`#e-wish-${youth['Jonas Berg']!.journeyId}-2`).textContent()).toBe(
      'Vælg ønskerne i rækkefølge: udfyld de første ønsker før de næste.',
    );
    expect(
      await page
        .getByRole('group', { name: 'Jonas Berg', exact: true })
        .getByLabel('2. ønske')
        .locator('option:checked')
        .textContent(),
    ).toBe('Bageriet Roskilde');
    expect(await page.locator('.error-summary a').getAttribute('href')).toBe(
      `#f-wish-${youth['Jonas Berg']!.journeyId}-2`,
    );
  });

  it('keeps unsaved wishes when the participants are saved, and asks for the wishes to be saved first', async () => {
    await page.goto(eventUrl);
    // Ida has one wish saved (a colleague's, above): her second is typed and not saved.
    await page
      .getByRole('group', { name: 'Ida Holm', exact: true })
      .getByLabel('2. ønske')
      .selectOption({ label: 'Tømrer Hansen ApS' });
    await page.getByRole('group', { name: 'Unge', exact: true }).getByLabel('Sara Nielsen').check();
    await page.getByRole('button', { name: 'Gem deltagerne' }).click();
    await eventually(problem).toBe(
      'Du har valgt ønsker eller interesse, som ikke er gemt. Gem dem med »Gem ønsker og interesse«, før du ændrer deltagerne. Intet er gemt, og alt, hvad du har valgt, står stadig på siden.',
    );
    expect(
      await page
        .getByRole('group', { name: 'Ida Holm', exact: true })
        .getByLabel('2. ønske')
        .locator('option:checked')
        .textContent(),
    ).toBe('Tømrer Hansen ApS');
    expect(await page.getByRole('group', { name: 'Unge', exact: true }).getByLabel('Sara Nielsen').isChecked()).toBe(
      true,
    );
    const event = await readEvent();
    expect(event.youth.map((y) => y.journeyId)).not.toContain(youth['Sara Nielsen']!.journeyId);

    // Saved in the order asked for, both are kept.
    await page.getByRole('button', { name: 'Gem ønsker og interesse' }).click();
    await eventually(notice).toBe('Ønskerne og interessen er gemt.');
    const idaWishes = (await readEvent()).youth.find((y) => y.journeyId === youth['Ida Holm']!.journeyId)?.wishes;
    expect(idaWishes?.[1]).toBe(await companyId('Tømrer Hansen ApS'));
    await page.getByRole('group', { name: 'Unge', exact: true }).getByLabel('Sara Nielsen').check();
    await page.getByRole('button', { name: 'Gem deltagerne' }).click();
    await eventually(notice).toBe('Deltagerne er gemt.');
    expect((await readEvent()).youth.map((y) => y.journeyId)).toContain(youth['Sara Nielsen']!.journeyId);
  });

  it('shows the new pages in English when English is chosen, and keeps them from the administrator', async () => {
    const cookie = `${unit.caseworker.headers.cookie}; ungeflow_lang=en`;
    const eventPath = new URL(eventUrl).pathname;
    for (const [url, title] of [
      ['/virksomheder', 'Companies'],
      ['/virksomheder/ny', 'New company'],
      ['/virksomheder/moeder', 'Company network meetings'],
      ['/matchevents', 'Match events'],
      [eventPath, 'Match event 3 December 2026'],
    ] as const) {
      const response = await t.ctx.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain(`<h1>${title}</h1>`);
      expect(response.body).not.toContain('undefined');
    }
    for (const url of ['/virksomheder', '/matchevents']) {
      const response = await t.ctx.app.inject({ method: 'GET', url, headers: unit.admin.headers });
      expect(response.statusCode).toBe(403);
      expect(response.body).toContain('Du har ikke adgang til dette.');
    }
  });

  it("answers another municipality's company and match event as not found", async () => {
    const other = await newUnit(t.ctx.app, t.ctx.db);
    for (const url of [`/virksomheder/${bakery.id}`, new URL(eventUrl).pathname]) {
      const response = await t.ctx.app.inject({ method: 'GET', url, headers: other.caseworker.headers });
      expect(response.statusCode).toBe(404);
      expect(response.body).toContain('Findes ikke.');
    }
  });

  it('says when there are more active companies than the match event can list', async () => {
    const eventPage = async () =>
      (await t.ctx.app.inject({ method: 'GET', url: new URL(eventUrl).pathname, headers: unit.caseworker.headers }))
        .body;
    const cut = 'Der er flere, end listen kan vise (højst 200).';
    expect(await eventPage()).not.toContain(cut);
    for (let i = 1; i <= 200; i++) {
      await newCompany(t.ctx.db, {
        municipalityId: unit.municipality.id,
        name: `Virksomhed ${String(i).padStart(3, '0')}`,
      });
    }
    const body = await eventPage();
    // Once, for the companies: the youth list is not cut.
    expect(body.split(cut).length - 1).toBe(1);
  });
});
