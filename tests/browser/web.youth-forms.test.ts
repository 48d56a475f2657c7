import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newUnit } from '../support/factories.ts';
import { activityReadyVisitation, referredYouth, sendEvent } from '../support/journeys.ts';
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
});
