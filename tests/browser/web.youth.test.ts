import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newCompany, newGroup, newUnit, newUser } from '../support/factories.ts';
import { questionnaireAnswers, sendEvent, youthAtIntake } from '../support/journeys.ts';

// A youth's page through the programme: the steps the journey takes now as forms built from the
// events' payload schemas, the placement with its agreement and hours, contacts, progression, the
// rules' reasons, exit and follow-up, and the leader's moving a youth to another caseworker.
const NOW = new Date('2026-11-25T10:00:00Z');

describe("a youth's page in Chromium", { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let page: Page;
  let company: { id: string; name: string };
  let youth: { id: string };
  let journeyId: string;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    const h = unit.caseworker.headers;
    company = await newCompany(t.ctx.db, { municipalityId: unit.municipality.id, name: 'Roskilde Cykler ApS' });
    const contact = await t.ctx.app.inject({
      method: 'POST',
      url: `/api/companies/${company.id}/contacts`,
      headers: h,
      payload: { name: 'Mette Holm', title: 'Værkfører' },
    });
    if (contact.statusCode !== 201) throw new Error(contact.body);
    const group = await newGroup(t.ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Tirsdagsgruppen',
    });
    let journey: { id: string };
    ({ youth, journey } = await youthAtIntake(t.ctx.app, h, 'Freja Madsen', {
      firstContactAt: '2026-11-03',
      groupId: group.id,
      // Unsure about education and stopped at primary school: rules that read the answers fire too.
      // Dropped out, so the caseworker records the assessment of more than a year of support (p. 10).
      visitation: {
        supportOverAYearReason: 'Psykiske problemer, der skal behandles, før en uddannelse kan begynde.',
        questionnaire: questionnaireAnswers({
          wants_education: 'unsure',
          previous_dropout: { droppedOut: true, mainReason: 'no_apprenticeship' },
        }),
      },
    }));
    journeyId = journey.id;
    page = await t.loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${youth.id}`);
  });
  afterAll(() => t?.close());

  const timeline = () => page.getByTestId('timeline').textContent();
  const step = (name: string) =>
    page.locator('details.step').filter({ has: page.locator('summary', { hasText: name }) });

  it('offers only the steps the journey takes now, each as a form', async () => {
    const summaries = await page.locator('#h-steps ~ details.step > summary').allTextContents();
    expect(summaries.map((s) => s.trim())).toEqual([
      'Flyt til en anden gruppe',
      'Start praktik eller job',
      'Sæt på pause',
      'Afslut forløbet',
      'Træk ud af forløbet',
    ]);
    // A caseworker is not offered a full group's override; it is a leader's.
    expect(await page.getByLabel(/Placér i en fuld gruppe/).count()).toBe(0);
    // Already in Tirsdagsgruppen: moving offers the other groups only.
    const move = step('Flyt til en anden gruppe');
    await move.locator('summary').click();
    expect(await move.getByLabel('Netværksgruppe').textContent()).not.toContain('Tirsdagsgruppen');
    // The unit has no other group yet, and the form says so rather than showing an empty list.
    expect(await move.locator('#h-GROUP_ASSIGNED-groupId').textContent()).toBe(
      'Der er ingen gruppe, den unge kan komme i. En leder kan oprette en gruppe under Grupper.',
    );
    await move.locator('summary').click();
  });

  it('explains in Danish why the youth is in the target group and why the category was suggested', async () => {
    const eligibility = page.getByTestId('decision-eligibility');
    expect(await eligibility.textContent()).toContain('I målgruppen');
    await eligibility.locator('summary', { hasText: 'Vis betingelserne' }).first().click();
    expect(await eligibility.locator('table').first().textContent()).toContain('Visitationskategori');
    expect(await page.getByTestId('decision-visitation').textContent()).toContain('Aktivitetsparat');
    // Every value in the conditions in words, none as the code it is stored as.
    for (const summary of await page.locator('#h-decisions ~ .decision summary').all()) await summary.click();
    const reasons = await page.locator('#h-decisions').locator('..').textContent();
    expect(reasons).toContain('Psykiske problemer'.toLowerCase());
    expect(reasons).not.toMatch(/\b(activity_ready|mental_health|primary_school|unsure|partly|yes|no)\b/);
  });

  it('keeps the questionnaire readable after the visitation is confirmed, in words', async () => {
    const recorded = page.getByTestId('visitation-record');
    const answers = recorded.getByTestId('questionnaire-answers');
    expect(await answers.locator('dt').count()).toBe(10);
    expect(await answers.textContent()).toContain(
      '2. Har du lyst til at starte på en uddannelse af mindst 1 års varighed?',
    );
    expect(await answers.locator('dd').nth(1).textContent()).toBe('Ved ikke');
    expect(await answers.locator('dd').nth(8).textContent()).toBe(
      'Ja. Vigtigste grund: Jeg kunne ikke få en praktikplads',
    );
    const text = await recorded.textContent();
    expect(text).toContain('C: I risiko for langvarig offentlig forsørgelse');
    expect(text).toContain('Psykiske problemer (betydelig)');
    expect(text).toContain('Psykiske problemer, der skal behandles, før en uddannelse kan begynde.');
    expect(text).not.toMatch(/\b(unsure|no_apprenticeship|mental_health|activity_ready|primary_school)\b/);
  });

  it("cites the rules' sources as a reader finds them and names the law, never internal text", async () => {
    // Decisions stored before the rules cited their sources: a working note, and a version no longer loaded.
    const stored = await t.ctx.db
      .selectFrom('rule_decision')
      .select(['id', 'result'])
      .where('journey_id', '=', journeyId)
      .execute();
    for (const row of stored) {
      const { citations: _c, law: _l, ...older } = row.result;
      const reasons = (older.reasons as Array<Record<string, unknown>> | undefined)?.map(
        ({ citations: _rc, ...reason }) => ({ ...reason, source: 'Seed 004 p. 21' }),
      );
      await t.ctx.db
        .updateTable('rule_decision')
        .set({
          rule_set_version: '2ee783c77442',
          result: JSON.stringify({ ...older, source: "Seed 000 ('Problemet'); seed 003", ...(reasons && { reasons }) }),
        })
        .where('id', '=', row.id)
        .execute();
    }
    await page.reload();
    const eligibility = page.getByTestId('decision-eligibility');
    expect(await eligibility.getByTestId('citations').textContent()).toBe(
      'Kilde: Rockwool Fonden: Hvad er NExTWORK?; STAR: Den gode ungeindsats i jobcentrene (2017), s. 20-25',
    );
    const law =
      'Regler efter Lov om en aktiv beskæftigelsesindsats (LAB) med kontanthjælpsreformen fra 1. juli 2025, ' +
      'gældende fra 1. juli 2025.';
    expect(await eligibility.getByTestId('decision-law').textContent()).toContain(law);
    const visitation = page.getByTestId('decision-visitation');
    expect(await visitation.textContent()).toContain('(Kilde: STAR: Den gode ungeindsats i jobcentrene (2017), s. 21)');
    expect(await visitation.getByTestId('decision-law').textContent()).toContain(law);
    const shown = await page.locator('body').innerText();
    expect(shown).not.toMatch(/seed/i);
    expect(shown).not.toMatch(/\b[0-9a-f]{12}\b/);
    expect(shown).not.toContain('regelsæt');
    await page.screenshot({ path: `${ARTIFACTS}/ung-begrundelser.png`, fullPage: true });

    // The same in English for a youth who reads English.
    await page.context().addCookies([{ name: 'ungeflow_lang', value: 'en', url: t.base }]);
    try {
      await page.reload();
      expect(await page.getByTestId('decision-eligibility').getByTestId('decision-law').textContent()).toContain(
        'Rules under The Active Employment Act (LAB) with the cash benefit reform of 1 July 2025, in force from 1 July 2025.',
      );
      expect(await page.getByTestId('decision-eligibility').getByTestId('citations').textContent()).toBe(
        'Source: Rockwool Fonden: Hvad er NExTWORK?; STAR: Den gode ungeindsats i jobcentrene (2017), s. 20-25',
      );
      expect(await page.getByTestId('visitation-record').textContent()).toContain("Don't know");
      expect(await page.locator('summary', { hasText: 'Correct personal details' }).count()).toBe(1);
      expect(await page.getByTestId('referral-source').textContent()).toBe('The jobcentre');
      const english = await page.locator('body').innerText();
      expect(english).not.toMatch(/seed/i);
      expect(english).not.toMatch(/\b[0-9a-f]{12}\b/);
    } finally {
      await page.context().addCookies([{ name: 'ungeflow_lang', value: 'da', url: t.base }]);
      await page.reload();
    }
  });

  it("shows the youth's details and referral, and corrects them with every mistake named in Danish at once", async () => {
    expect(await page.getByTestId('referral-source').textContent()).toBe('Jobcentret');
    expect(await page.getByTestId('referral-reason').textContent()).toBe('Henvist fra jobcentret');
    expect(await page.getByTestId('email').textContent()).toBe('Ikke oplyst');
    const form = step('Ret stamoplysninger');
    await form.locator('summary').click();
    await form.getByLabel('Navn').fill('  ');
    await form.getByLabel('Telefon').fill('ring efter kl. 10');
    await form.getByLabel('E-mail').fill('freja(at)example.dk');
    await form.getByLabel('Adresse').fill('Algade 3, 4000 Roskilde');
    await form.getByRole('button', { name: 'Gem stamoplysningerne' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Nogle felter er ikke udfyldt korrekt.');
    const open = step('Ret stamoplysninger');
    expect(await open.locator('#e-youth-name').textContent()).toBe('Må ikke være tomt.');
    expect(await open.locator('#e-youth-phone').textContent()).toBe(
      'Telefonnummeret må kun indeholde cifre, mellemrum, + og -.',
    );
    expect(await open.locator('#e-youth-email').textContent()).toBe(
      'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.',
    );
    expect(await open.getByLabel('Adresse').inputValue()).toBe('Algade 3, 4000 Roskilde');
    expect(await open.getByLabel('Navn').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${ARTIFACTS}/ung-stamoplysninger-fejl.png`, fullPage: true });

    await open.getByLabel('Navn').fill('Freja Madsen Holm');
    await open.getByLabel('Telefon').fill('+45 40 50 60 70');
    await open.getByLabel('E-mail').fill('freja@example.dk');
    await open.getByRole('button', { name: 'Gem stamoplysningerne' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Stamoplysningerne er gemt.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Freja Madsen Holm');
    expect(await page.getByTestId('phone').textContent()).toBe('+45 40 50 60 70');
    expect(await page.getByTestId('email').textContent()).toBe('freja@example.dk');
    expect(await page.getByTestId('address').textContent()).toBe('Algade 3, 4000 Roskilde');

    // Saved again as it is: nothing to change, and the page says so.
    await step('Ret stamoplysninger').locator('summary').click();
    await step('Ret stamoplysninger').getByRole('button', { name: 'Gem stamoplysningerne' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe(
      'Der var ikke noget at ændre. Stamoplysningerne er de samme som før.',
    );
    const log = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('youth_id', '=', youth.id)
      .where('action', '=', 'youth.updated')
      .execute();
    expect(log.map((row) => row.details)).toEqual([{ fields: ['name', 'phone', 'email', 'address'] }]);
  });

  it('refuses in Danish to overwrite details a colleague changed meanwhile, and keeps what was typed', async () => {
    const form = step('Ret stamoplysninger');
    await form.locator('summary').click();
    await form.getByLabel('Adresse').fill('Hersegade 12, 4000 Roskilde');
    // A colleague corrects the phone number while the form is open.
    const current = await t.ctx.app.inject({
      method: 'GET',
      url: `/api/youth/${youth.id}`,
      headers: unit.leader.headers,
    });
    const colleague = await t.ctx.app.inject({
      method: 'PATCH',
      url: `/api/youth/${youth.id}`,
      headers: unit.leader.headers,
      payload: { version: current.json<{ version: number }>().version, phone: '+45 41 41 41 41' },
    });
    expect(colleague.statusCode).toBe(200);
    await form.getByRole('button', { name: 'Gem stamoplysningerne' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe(
      'Den unges stamoplysninger er ændret af en anden, mens du arbejdede. De gemte oplysninger står ovenfor; ' +
        'det, du skrev, er bevaret i felterne. Gem igen, hvis dit skal erstatte det gemte.',
    );
    expect(await page.getByTestId('phone').textContent()).toBe('+45 41 41 41 41');
    expect(await page.getByTestId('address').textContent()).toBe('Algade 3, 4000 Roskilde');
    const open = step('Ret stamoplysninger');
    expect(await open.getByLabel('Adresse').inputValue()).toBe('Hersegade 12, 4000 Roskilde');
    await page.screenshot({ path: `${ARTIFACTS}/ung-stamoplysninger-konflikt.png`, fullPage: true });

    // Sent again against what is stored now: the address is saved, and the colleague's phone is the one kept.
    await open.getByLabel('Telefon').fill('+45 41 41 41 41');
    await open.getByRole('button', { name: 'Gem stamoplysningerne' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Stamoplysningerne er gemt.');
    expect(await page.getByTestId('address').textContent()).toBe('Hersegade 12, 4000 Roskilde');
    expect(await page.getByTestId('phone').textContent()).toBe('+45 41 41 41 41');
  });

  it('refuses a placement without company and hours with Danish messages at the fields', async () => {
    const form = step('Start praktik eller job');
    await form.locator('summary').click();
    await form.getByLabel('Timer om ugen').fill('60');
    await form.getByRole('button', { name: 'Start praktik eller job' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Nogle felter er ikke udfyldt korrekt.');
    const open = step('Start praktik eller job');
    expect(await open.locator('#e-PLACEMENT_STARTED-companyId').textContent()).toBe('Skal udfyldes.');
    // A choice left empty is missing, said as such (not as a list of the codes it may take).
    expect(await open.locator('#e-PLACEMENT_STARTED-kind').textContent()).toBe('Skal udfyldes.');
    expect(await open.locator('#e-PLACEMENT_STARTED-hoursPerWeek').textContent()).toBe('Højst 40.');
    expect(await open.getByLabel('Timer om ugen').inputValue()).toBe('60');
  });

  it('starts a placement the youth chose, from the form built from its payload', async () => {
    const form = step('Start praktik eller job');
    await form.getByLabel('Virksomhed', { exact: true }).selectOption({ label: company.name });
    await form.getByLabel('Slags forløb').selectOption({ label: 'Virksomhedspraktik' });
    await form.getByLabel('Timer om ugen').fill('18,5');
    expect(await form.getByLabel('Den unge har selv valgt virksomheden').isChecked()).toBe(true);
    await form.getByLabel('Dato (hvis ikke i dag)').fill('2026-11-17');
    await form.getByRole('button', { name: 'Start praktik eller job' }).click();
    await eventually(timeline).toContain('Praktik startet');
    expect(await timeline()).toContain('Virksomhedspraktik hos Roskilde Cykler ApS, 18,5 timer om ugen');
    expect(await page.getByTestId('running-placement').textContent()).toContain('Roskilde Cykler ApS');
  });

  it('records the contact person and the hours worked in a week, refusing impossible hours', async () => {
    await page.getByLabel('Kontaktperson i virksomheden').selectOption({ label: 'Mette Holm' });
    await page.getByLabel('Aftalte timer om ugen').fill('20');
    await page.getByRole('button', { name: 'Gem aftalen' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Registreret.');
    expect(await page.getByLabel('Kontaktperson i virksomheden').inputValue()).not.toBe('');
    expect(await page.getByLabel('Aftalte timer om ugen').inputValue()).toBe('20');

    await page.getByLabel('Uge', { exact: true }).selectOption({ index: 1 });
    await page.getByLabel('Timer arbejdet i ugen').fill('75');
    await page.getByRole('button', { name: 'Gem timerne' }).click();
    await eventually(() => page.locator('#e-hours').textContent()).toBe('Højst 60.');
    await page.getByLabel('Timer arbejdet i ugen').fill('1e1');
    await page.getByRole('button', { name: 'Gem timerne' }).click();
    await eventually(() => page.locator('#e-hours').textContent()).toBe('Skriv et tal, fx 7 eller 7,5.');
    await page.getByLabel('Timer arbejdet i ugen').fill('17,5');
    await page.getByRole('button', { name: 'Gem timerne' }).click();
    await eventually(() => page.getByTestId('hours').textContent()).toContain('17,5');
    expect(await page.getByTestId('hours').locator('caption').textContent()).toContain('17,5 timer');
  });

  it('records an individual job conversation as contact with the youth', async () => {
    await page.locator('summary', { hasText: 'Registrér kontakt' }).click();
    await page.getByLabel('Slags kontakt').selectOption({ label: 'Individuel jobsamtale (LAB § 31)' });
    // A job conversation by video counts like one in person (STAR).
    await page
      .locator('form[action$="/kontakt"]')
      .getByLabel('Hvordan blev samtalen holdt')
      .selectOption({ label: 'Video' });
    await page.getByLabel('Note').last().fill('Talte om arbejdstider');
    await page.getByRole('button', { name: 'Registrér kontakt' }).click();
    await eventually(() => page.getByTestId('activities').textContent()).toContain('Individuel jobsamtale');
    expect(await page.getByTestId('activities').textContent()).toContain('Individuel jobsamtale (LAB § 31) (Video)');
    expect(await page.getByTestId('activities').textContent()).toContain('Talte om arbejdstider');
  });

  it('draws the progression factors over time with the same figures in a table', async () => {
    for (const [day, belief, network] of [
      ['2026-11-06', '3', '2'],
      ['2026-11-24', '6', '5'],
    ] as const) {
      await page.locator('summary', { hasText: 'Registrér en måling' }).click();
      await page.getByLabel(/Tro på egne evner/).fill(belief);
      await page.getByLabel(/^Netværk \(/).fill(network);
      await page.getByLabel('Dato for målingen (hvis ikke i dag)').fill(day);
      await page.getByRole('button', { name: 'Registrér en måling' }).click();
      await eventually(() => page.getByRole('status').textContent()).toBe('Registreret.');
    }
    const chart = page.getByRole('img', { name: 'Progression' });
    expect(await chart.locator('polyline').count()).toBe(2);
    const belief = page.getByTestId('progression').getByRole('row', { name: /Tro på egne evner/ });
    expect(await belief.locator('td').allTextContents()).toEqual(['3', '6', '+3']);
    await page.screenshot({ path: `${ARTIFACTS}/ung-i-praktik.png`, fullPage: true });
  });

  it('asks in Danish for the expected return before a pause, and keeps what was typed', async () => {
    const form = step('Sæt på pause');
    await form.locator('summary').click();
    await form.getByLabel('Årsag til pause').selectOption({ label: 'Sygdom' });
    await form.getByLabel('Note').fill('Influenza');
    await form.getByRole('button', { name: 'Sæt på pause' }).click();
    await eventually(() => page.locator('#e-PAUSED-expectedReturn').textContent()).toBe('Skal udfyldes.');
    const open = step('Sæt på pause');
    expect(await open.getByLabel('Note').inputValue()).toBe('Influenza');
    expect(await open.getByLabel('Årsag til pause').inputValue()).toBe('illness');
    await open.getByLabel('Forventet tilbage').fill('2026-12-02');
    await open.getByRole('button', { name: 'Sæt på pause' }).click();
    await eventually(timeline).toContain('Sat på pause');
    expect(await timeline()).toContain('Sygdom, forventet tilbage');
    await page.getByRole('button', { name: 'Genoptag forløbet' }).click();
    await eventually(timeline).toContain('Genoptaget');
  });

  it('ends the placement, exits the youth to a job and records the 3-month follow-up', async () => {
    const end = step('Afslut praktikken');
    await end.locator('summary').click();
    expect(await end.textContent()).toContain('Roskilde Cykler ApS');
    await end.getByLabel('Begrundelse').fill('Fik fast job samme sted');
    await end.getByRole('button', { name: 'Afslut praktikken' }).click();
    await eventually(timeline).toContain('Praktik afsluttet');

    const exit = step('Afslut forløbet');
    await exit.locator('summary').click();
    await exit.getByLabel('Udfald').selectOption({ label: 'Job' });
    await exit.getByRole('button', { name: 'Afslut forløbet' }).click();
    await eventually(() => page.locator('.facts').textContent()).toContain('Opfølgning');
    const followUps = page.getByRole('region', { name: 'Opfølgning efter afslutning' });
    expect(await followUps.textContent()).toContain('3 måneder');

    const record = step('Registrér opfølgning');
    await record.locator('summary').click();
    await record.getByLabel('Opfølgning', { exact: true }).selectOption({ label: '3 måneder' });
    await record.getByLabel('Status').selectOption({ label: 'I job' });
    await record.getByRole('button', { name: 'Registrér opfølgning' }).click();
    await eventually(timeline).toContain('3 måneder: I job');
  });

  it('lets a leader, and only a leader, place a youth in a full group', async () => {
    const h = unit.caseworker.headers;
    const full = await newGroup(t.ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Fuld gruppe',
      capacity: 1,
    });
    const member = await youthAtIntake(t.ctx.app, h, 'Mads Kjær');
    expect(
      (
        await sendEvent(t.ctx.app, h, member.journey.id, {
          type: 'GROUP_ASSIGNED',
          canTakePart15HoursAWeek: true,
          groupId: full.id,
        })
      ).statusCode,
    ).toBe(201);
    const { youth: oliver } = await youthAtIntake(t.ctx.app, h, 'Oliver Dam');

    await page.goto(`${t.base}/unge/${oliver.id}`);
    await step('Tilknyt gruppen').locator('summary').click();
    expect(await step('Tilknyt gruppen').getByLabel('Netværksgruppe').textContent()).not.toContain('Fuld gruppe');

    const leader = await t.loggedIn(unit.leader.email);
    await leader.goto(`${t.base}/unge/${oliver.id}`);
    const form = leader
      .locator('details.step')
      .filter({ has: leader.locator('summary', { hasText: 'Tilknyt gruppen' }) });
    await form.locator('summary').click();
    await form.getByLabel('Netværksgruppe').selectOption({ label: 'Fuld gruppe (fuld: 1/1)' });
    await form
      .getByLabel(/Kan den unge i udgangspunktet deltage mindst 15 timer om ugen/)
      .selectOption({ label: 'Ja' });
    await form.getByRole('button', { name: 'Tilknyt gruppen' }).click();
    await eventually(() => leader.locator('#e-GROUP_ASSIGNED-groupId').textContent()).toBe('Gruppen er fuld (1 af 1).');
    await form.getByLabel(/Placér i en fuld gruppe/).check();
    await form.getByRole('button', { name: 'Tilknyt gruppen' }).click();
    await eventually(() => leader.getByTestId('timeline').textContent()).toContain(
      'Tilknyttet netværksgruppe Fuld gruppe',
    );
    await leader.context().close();
  });

  it('lets a leader move the youth to another caseworker', async () => {
    const colleague = await newUser(t.ctx.db, {
      municipalityId: unit.municipality.id,
      role: 'caseworker',
      name: 'Sara Lund',
    });
    const leader = await t.loggedIn(unit.leader.email);
    await leader.goto(`${t.base}/unge/${youth.id}`);
    await leader.getByLabel('Rådgiver', { exact: true }).selectOption({ label: 'Sara Lund' });
    await leader.getByRole('button', { name: 'Flyt til rådgiveren' }).click();
    await eventually(() => leader.getByRole('status').textContent()).toBe('Registreret.');
    const journeys = await t.ctx.app.inject({
      method: 'GET',
      url: `/api/youth/${youth.id}/journeys`,
      headers: unit.leader.headers,
    });
    expect(journeys.json().items[0].caseworkerId).toBe(colleague.id);

    // The same caseworker again: nothing to record, and the page says so.
    await leader.getByRole('button', { name: 'Flyt til rådgiveren' }).click();
    await eventually(() => leader.getByRole('status').textContent()).toBe(
      'Den unge har allerede den rådgiver. Intet er ændret.',
    );

    // Another leader moves the youth back meanwhile: this page's move is refused, the choice kept.
    await leader.getByLabel('Rådgiver', { exact: true }).selectOption({ label: 'Test caseworker' });
    const back = await t.ctx.app.inject({
      method: 'PUT',
      url: `/api/journeys/${journeyId}/caseworker`,
      headers: unit.leader.headers,
      payload: { caseworkerId: unit.caseworker.id },
    });
    expect(back.statusCode).toBe(204);
    await leader.getByLabel('Rådgiver', { exact: true }).selectOption({ label: 'Sara Lund' });
    await leader.getByRole('button', { name: 'Flyt til rådgiveren' }).click();
    await eventually(() => leader.getByRole('alert').textContent()).toContain('En anden har flyttet den unge');
    expect(await leader.getByLabel('Rådgiver', { exact: true }).inputValue()).toBe(colleague.id);
    const after = await t.ctx.app.inject({
      method: 'GET',
      url: `/api/youth/${youth.id}/journeys`,
      headers: unit.leader.headers,
    });
    expect(after.json().items[0].caseworkerId).toBe(unit.caseworker.id);
    await leader.context().close();
  });

  it("refuses a form sent under another youth's address and records nothing", async () => {
    const { youth: other } = await youthAtIntake(t.ctx.app, unit.caseworker.headers, 'Ida Berg');
    await page.goto(`${t.base}/unge/${other.id}`);
    const before = await page.getByTestId('timeline').textContent();
    // Freja's page, with its form's address changed to Ida's.
    await page.goto(`${t.base}/unge/${youth.id}`);
    await page.locator('form[action$="/kontakt"]').evaluate((form, id) => {
      const f = form as unknown as { action: string };
      f.action = f.action.replace(/\/unge\/[^/]+\//, `/unge/${id}/`);
    }, other.id);
    await page.locator('summary', { hasText: 'Registrér kontakt' }).click();
    await page.getByLabel('Slags kontakt').selectOption({ label: 'Mentorkontakt' });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Registrér kontakt' }).click(),
    ]);
    expect(answer.status()).toBe(404);
    await page.goto(`${t.base}/unge/${other.id}`);
    expect(await page.getByTestId('timeline').textContent()).toBe(before);
    expect(await page.getByTestId('activities').count()).toBe(0);
  });

  it('answers a step the page never offered with a Danish refusal and records nothing', async () => {
    await page.goto(`${t.base}/unge/${youth.id}`);
    const before = await timeline();
    // The hidden field of a form changed to an event type that does not exist.
    const form = page.locator('#h-steps ~ details.step').first();
    await form.locator('summary').click();
    await form.locator('input[name="type"]').evaluate((input) => {
      (input as { value: string }).value = 'NOT_AN_EVENT';
    });
    await form.locator('button[type="submit"]').click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Der opstod en fejl');
    expect(await page.locator('main').textContent()).toContain('Nogle felter er ikke udfyldt korrekt.');
    await page.goto(`${t.base}/unge/${youth.id}`);
    expect(await timeline()).toBe(before);
  });
});
