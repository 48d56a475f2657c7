import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newCompany, newUnit } from '../support/factories.ts';
import { activityReadyVisitation, referredYouth, sendEvent, youthAtIntake } from '../support/journeys.ts';
import { accessibilityViolations, horizontalOverflow } from '../support/page-checks.ts';
import { youthPhonePage } from '../support/youth-login.ts';

// Thursday 10 December 2026, 10:00 in Denmark.
const NOW = new Date('2026-12-10T09:00:00Z');

type Unit = Awaited<ReturnType<typeof newUnit>>;

describe("the youth's preparation questionnaire and match wishes on a phone, in Chromium", { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let unit: Unit;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
  });
  afterAll(() => t?.close());

  const cw = () => unit.caseworker.headers;
  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  async function checkPage(page: Page, name: string) {
    expect(await accessibilityViolations(page), name).toEqual([]);
    expect(await horizontalOverflow(page), name).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/mit-forloeb-${name}.png`, fullPage: true });
  }

  /** A question of the form, by its legend ("2. Har du lyst ..."). */
  const question = (page: Page, text: string) => page.getByRole('group', { name: text });

  it("takes the questionnaire on the phone, and the caseworker's visitation form opens with the answers marked as the youth's", async () => {
    const { youth, journey } = await referredYouth(t.ctx.app, cw(), 'Frida Forbered', '2026-12-07');
    const phone = await youthPhonePage(t.browser, t.base, t.ctx.db, youth.id, { now: NOW });
    expect(await phone.getByTestId('questionnaire-link').textContent()).toContain('Før din samtale');
    await phone.getByRole('link', { name: 'Udfyld skemaet' }).click();
    await eventually(() => heading(phone)).toBe('Forbered din samtale');
    expect(await phone.getByTestId('saved-answers').count()).toBe(0);
    await checkPage(phone, 'forberedelse');

    // Nothing answered: one plain message, and nothing saved.
    await phone.getByRole('button', { name: 'Gem mine svar' }).click();
    await eventually(() => phone.getByRole('alert').textContent()).toBe('Svar på mindst ét spørgsmål.');

    // A dropout without its reason, a grade out of range, and "nobody" with a person: each at its question.
    const dropout = question(phone, '9. Har du startet på en uddannelse og stoppet igen?');
    await dropout.getByLabel('Ja', { exact: true }).check();
    await phone.getByLabel('Dit gennemsnit (fra -3 til 12)').fill('15');
    const advice = question(phone, '7. Hvem spørger du til råds om uddannelse og arbejde?');
    await advice.getByLabel('Ingen', { exact: true }).check();
    await advice.getByLabel('Venner', { exact: true }).check();
    await phone.getByRole('button', { name: 'Gem mine svar' }).click();
    await eventually(() => phone.getByRole('alert').textContent()).toBe(
      'Der er noget, du skal rette. Se ved spørgsmålene.',
    );
    expect(await phone.locator('#e-q-previous_dropout').textContent()).toBe('Vælg den vigtigste grund.');
    expect(await phone.locator('#e-q-primary_school_grade_average').textContent()).toBe('Skriv et tal fra -3 til 12.');
    expect(await phone.locator('#e-q-advice_sources').textContent()).toBe(
      '»Ingen« kan ikke vælges sammen med andre svar.',
    );
    expect(await phone.getByLabel('Dit gennemsnit (fra -3 til 12)').getAttribute('aria-invalid')).toBe('true');
    // What the youth typed stays.
    expect(await phone.getByLabel('Dit gennemsnit (fra -3 til 12)').inputValue()).toBe('15');
    await checkPage(phone, 'forberedelse-ret');

    await question(phone, '2. Har du lyst til at starte på en uddannelse, der varer mindst 1 år?')
      .getByLabel('Ja', { exact: true })
      .check();
    await question(phone, '3. Har du været glad for at gå i skole?').getByLabel('Delvist', { exact: true }).check();
    await advice.getByLabel('Ingen', { exact: true }).uncheck();
    await advice.getByLabel('Forældre', { exact: true }).check();
    await question(phone, '8. Er der noget, der gør det svært for dig at tage en uddannelse?')
      .getByLabel('Nej, ingenting', { exact: true })
      .check();
    await phone.getByLabel('Hvis ja: hvad var den vigtigste grund?').selectOption({ label: 'Jeg fik arbejde' });
    await phone.getByLabel('Dit gennemsnit (fra -3 til 12)').fill('7,4');
    await phone.getByRole('button', { name: 'Gem mine svar' }).click();
    await eventually(() => phone.getByRole('status').textContent()).toBe(
      'Tak! Dine svar er gemt. Din rådgiver kan se dem.',
    );
    const saved = phone.getByTestId('saved-answers');
    const answers = (await saved.locator('dd').allTextContents()).map((s) => s.trim());
    expect(answers).toEqual([
      'Ikke besvaret',
      'Ja',
      'Delvist',
      'Ikke besvaret',
      'Ikke besvaret',
      'Ikke besvaret',
      'Forældre, Venner',
      'Nej, ingenting',
      'Ja. Grunden var: Jeg fik arbejde',
      '7,4',
    ]);
    // The form opens again with the saved answers, to change until the conversation.
    expect(await phone.getByRole('heading', { name: 'Ret dine svar' }).count()).toBe(1);
    expect(await question(phone, '3. Har du været glad for at gå i skole?').getByLabel('Delvist').isChecked()).toBe(
      true,
    );
    await checkPage(phone, 'forberedelse-gemt');
    await phone.getByRole('link', { name: 'English' }).click();
    await eventually(() => heading(phone)).toBe('Prepare for your meeting');
    expect(await phone.getByTestId('saved-answers').textContent()).toContain('Yes. The reason was: I got a job');
    await checkPage(phone, 'forberedelse-en');
    await phone.getByRole('link', { name: 'Dansk' }).click();
    await eventually(() => heading(phone)).toBe('Forbered din samtale');

    // The first conversation: the caseworker's visitation form has the answers, marked as the youth's.
    const held = await sendEvent(t.ctx.app, cw(), journey.id, {
      type: 'FIRST_CONVERSATION_HELD',
      mode: 'in_person',
      occurredAt: '2026-12-10T08:30:00Z',
    });
    expect(held.statusCode).toBe(201);
    const staff = await t.loggedIn(unit.caseworker.email);
    await staff.goto(`${t.base}/unge/${youth.id}`);
    expect(await staff.getByTestId('youth-answered').textContent()).toContain('Den unge udfyldte skemaet selv');
    const marked = staff.getByTestId('answer-by-youth');
    expect(await marked.count()).toBe(6);
    const liked = staff.getByRole('group', { name: /3\. Har du tidligere været glad for at gå i skole\?/ });
    expect(await liked.getByTestId('answer-by-youth').textContent()).toBe('den unges svar');
    expect(await liked.getByLabel('Delvist').isChecked()).toBe(true);
    const outlook = staff.getByRole('group', { name: /5\. Hvor ser du dig selv om seks måneder\?/ });
    expect(await outlook.getByTestId('answer-by-youth').count()).toBe(0);
    expect(await staff.getByLabel('Gennemsnit (-3 – 12)').inputValue()).toBe('7.4');
    await staff.context().close();

    // Still open until the visitation is decided; the youth's form is open and linked.
    await phone.goto(`${t.base}/mit-forloeb`);
    expect(await phone.getByRole('link', { name: 'Se eller ret dine svar' }).count()).toBe(1);
    await phone.close();
  });

  it('says plainly that the form is closed after the visitation, shows what was saved, and no longer links it', async () => {
    const { youth, journey } = await referredYouth(t.ctx.app, cw(), 'Lukas Lukket', '2026-12-07');
    const phone = await youthPhonePage(t.browser, t.base, t.ctx.db, youth.id, { now: NOW });
    await phone.getByRole('link', { name: 'Udfyld skemaet' }).click();
    await question(phone, '6. Er det svært for dig at vælge en uddannelse?').getByLabel('Nej', { exact: true }).check();
    await phone.getByRole('button', { name: 'Gem mine svar' }).click();
    await eventually(() => phone.getByRole('status').count()).toBe(1);

    for (const event of [
      { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person', occurredAt: '2026-12-10T08:10:00Z' },
      activityReadyVisitation({ occurredAt: '2026-12-10T08:20:00Z' }),
    ]) {
      expect((await sendEvent(t.ctx.app, cw(), journey.id, event)).statusCode).toBe(201);
    }
    // The page the youth still has open on the phone: the form is refused and says why.
    await question(phone, '6. Er det svært for dig at vælge en uddannelse?').getByLabel('Ja', { exact: true }).check();
    await phone.getByRole('button', { name: 'Gem mine svar' }).click();
    await eventually(() => phone.getByRole('alert').textContent()).toBe(
      'Skemaet er lukket nu, fordi du har haft din samtale. Dine svar blev ikke gemt.',
    );
    expect(await phone.getByTestId('closed').textContent()).toBe(
      'Skemaet er lukket, fordi du har haft din samtale. Din rådgiver har dine svar.',
    );
    expect(await phone.getByRole('button', { name: 'Gem mine svar' }).count()).toBe(0);
    expect(await phone.getByTestId('saved-answers').locator('dd').nth(5).textContent()).toBe('Nej');
    await checkPage(phone, 'forberedelse-lukket');

    await phone.goto(`${t.base}/mit-forloeb`);
    await eventually(() => heading(phone)).toBe('Hej Lukas');
    expect(await phone.getByTestId('questionnaire-link').count()).toBe(0);
    await phone.close();
  });

  /** A match event on the day with three new companies (Alfa, Beta, Gamma ...) and the journeys. */
  async function matchEvent(day: string, journeyIds: string[], note: string | null = null) {
    const suffix = Math.random().toString(36).slice(2, 6);
    const companies = await Promise.all(
      ['Alfa', 'Beta', 'Gamma'].map((name) =>
        newCompany(t.ctx.db, { municipalityId: unit.municipality.id, name: `${name} ${suffix} ApS` }),
      ),
    );
    const created = await t.ctx.app.inject({
      method: 'POST',
      url: '/api/match-events',
      headers: cw(),
      payload: {
        date: day,
        place: 'Jobcentret, mødelokale 2',
        note,
        companyIds: companies.map((c) => c.id),
        journeyIds,
      },
    });
    if (created.statusCode !== 201) throw new Error(`${created.statusCode} ${created.body}`);
    const [alfa, beta, gamma] = companies as [(typeof companies)[0], (typeof companies)[0], (typeof companies)[0]];
    return { id: created.json<{ id: string }>().id, alfa, beta, gamma };
  }

  it("chooses three wishes on the phone that reach the caseworker's match list as the youth's, read-only from the event's day", async () => {
    const { youth, journey } = await youthAtIntake(t.ctx.app, cw(), 'Malte Match', { firstContactAt: '2026-12-01' });
    const other = await youthAtIntake(t.ctx.app, cw(), 'Olga Anden', { firstContactAt: '2026-12-01' });
    const event = await matchEvent('2026-12-15', [journey.id], 'Tag gerne dit CV med.');
    const notMine = await matchEvent('2026-12-16', [other.journey.id]);

    const phone = await youthPhonePage(t.browser, t.base, t.ctx.db, youth.id, { now: t.ctx.clock() });
    expect(await phone.getByTestId('questionnaire-link').count()).toBe(0);
    await phone.getByRole('link', { name: 'Se virksomhederne' }).click();
    await eventually(() => heading(phone)).toBe('Matchevent');
    const card = phone.getByTestId('match-event');
    expect(await card.count()).toBe(1);
    expect(await card.getByRole('heading', { level: 2 }).textContent()).toBe('Matchevent tirsdag 15. december');
    const shown = (await card.textContent()) ?? '';
    for (const words of [
      event.alfa.name,
      event.beta.name,
      event.gamma.name,
      'Branche: Detailhandel',
      'Tag gerne dit CV med.',
    ]) {
      expect(shown).toContain(words);
    }
    expect(shown).not.toContain(notMine.alfa.name);
    await checkPage(phone, 'match');

    // The same company twice: refused at the second choice, and what was chosen stays.
    await phone.getByLabel('1. ønske').selectOption({ label: event.beta.name });
    await phone.getByLabel('2. ønske').selectOption({ label: event.beta.name });
    await phone.getByRole('button', { name: 'Gem mine ønsker' }).click();
    await eventually(() => phone.getByRole('alert').textContent()).toBe(
      'Der er noget, du skal rette. Se ved dine ønsker.',
    );
    expect(await phone.locator(`#e-${event.id}-wish2`).textContent()).toBe(
      'Du har valgt den samme virksomhed to gange. Vælg en anden her.',
    );
    expect(await phone.getByLabel('2. ønske').getAttribute('aria-invalid')).toBe('true');
    expect(await phone.getByLabel('1. ønske').inputValue()).toBe(event.beta.id);
    await checkPage(phone, 'match-afvist');

    await phone.getByLabel('2. ønske').selectOption({ label: event.alfa.name });
    await phone.getByLabel('3. ønske').selectOption({ label: event.gamma.name });
    await phone.getByRole('button', { name: 'Gem mine ønsker' }).click();
    await eventually(() => phone.getByRole('status').textContent()).toBe(
      'Tak! Dine ønsker er gemt. Din rådgiver kan se dem.',
    );
    expect(
      await Promise.all(['1. ønske', '2. ønske', '3. ønske'].map((label) => phone.getByLabel(label).inputValue())),
    ).toEqual([event.beta.id, event.alfa.id, event.gamma.id]);
    await checkPage(phone, 'match-gemt');

    // The caseworker's match list: the three wishes, ranked, marked as chosen by the youth.
    const staff = await t.loggedIn(unit.caseworker.email);
    await staff.goto(`${t.base}/matchevents/${event.id}`);
    const list = staff.getByTestId('match-list');
    expect(await list.getByTestId('wish-by-youth').count()).toBe(3);
    const betaRow = list.locator('tr').filter({ hasText: event.beta.name });
    expect(await betaRow.textContent()).toContain('1. ønske');
    expect(await betaRow.getByTestId('wish-by-youth').textContent()).toBe('valgt af den unge');
    await staff.context().close();

    // Another youth's event, and an event that does not exist, are not found; staff pages are not the youth's.
    const csrf = (await phone.locator('input[name=_csrf]').first().getAttribute('value')) ?? '';
    for (const id of [notMine.id, '00000000-0000-4000-8000-000000000000']) {
      const response = await phone.request.post(`${t.base}/mit-forloeb/match/${id}`, {
        form: { _csrf: csrf, wish1: notMine.alfa.id },
      });
      expect(response.status(), id).toBe(404);
    }
    for (const path of [`/matchevents/${event.id}`, `/unge/${other.youth.id}`]) {
      const response = await phone.goto(`${t.base}${path}`);
      expect(response?.status(), path).toBe(403);
    }

    // In English, the wishes are ordinals.
    await phone.goto(`${t.base}/mit-forloeb/match`);
    await phone.getByRole('link', { name: 'English' }).click();
    await eventually(() => heading(phone)).toBe('Match event');
    expect(await phone.getByLabel('1st wish').inputValue()).toBe(event.beta.id);
    expect(await phone.getByLabel('3rd wish').inputValue()).toBe(event.gamma.id);
    await checkPage(phone, 'match-en');
    await phone.getByRole('link', { name: 'Dansk' }).click();
    await eventually(() => heading(phone)).toBe('Matchevent');

    // The event's day: the wishes are read-only, and a form still open on the phone is refused.
    t.ctx.setNow(new Date('2026-12-15T07:00:00Z'));
    try {
      const stale = await phone.request.post(`${t.base}/mit-forloeb/match/${event.id}`, {
        form: { _csrf: csrf, wish1: event.gamma.id },
      });
      expect(stale.status()).toBe(409);
      expect(await stale.text()).toContain('Det er dagen for matcheventet nu. Dine ønsker blev ikke gemt.');
      await phone.reload();
      expect(await phone.getByTestId('wishes-closed').textContent()).toBe(
        'Det er dagen for matcheventet. Du kan ikke ændre dine ønsker nu.',
      );
      expect(await phone.getByTestId('my-wishes').locator('li').allTextContents()).toEqual([
        event.beta.name,
        event.alfa.name,
        event.gamma.name,
      ]);
      expect(await phone.getByRole('button', { name: 'Gem mine ønsker' }).count()).toBe(0);
      await checkPage(phone, 'match-laast');
    } finally {
      t.ctx.setNow(NOW);
    }
    await phone.close();
  });
});
