import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newUnit, newUser, putSettings } from '../support/factories.ts';
import { deliverDue, failedDelivery, MAX_ATTEMPTS, RECEIVER_ENV, startReceiver } from '../support/webhooks.ts';

// The services behind these pages (versions, refusals, audit) are checked on both engines by
// tests/api/users.test.ts and tests/api/settings.test.ts; this drives the pages over PGlite only.
const NOW = new Date('2026-12-01T10:00:00Z');

describe("the administrator's pages in Chromium", { timeout: 120_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW, env: RECEIVER_ENV });
    unit = await newUnit(t.ctx.app, t.ctx.db);
  });
  afterAll(() => t?.close());

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
  const problem = (page: Page) => page.getByRole('alert').textContent();
  const notice = (page: Page) => page.getByRole('status').textContent();

  it('lands an administrator on the administration and creates a caseworker who can then log in', async () => {
    const page = await t.loggedIn(unit.admin.email);
    await eventually(() => heading(page)).toBe('Administration');
    expect(new URL(page.url()).pathname).toBe('/admin');
    // The administrator's menu, and no link to the caseworkers' pages.
    const menu = page.getByRole('navigation');
    expect(await menu.getByRole('link').allTextContents()).toEqual([
      'Administration',
      'Brugere',
      'Indstillinger',
      'Webhook',
      'Import',
      'Beskeder',
      'Advarselsregler',
      'Regelsæt',
      'Logning',
    ]);
    await page.screenshot({ path: `${ARTIFACTS}/admin.png`, fullPage: true });
    // The caseworkers' front page sends an administrator to theirs.
    await page.goto(`${t.base}/`);
    await eventually(() => heading(page)).toBe('Administration');

    await menu.getByRole('link', { name: 'Brugere' }).click();
    await eventually(() => heading(page)).toBe('Brugere');
    const email = 'karin.raadgiver@kommune.dk';
    await page.getByLabel('Navn').fill('Karin Rådgiver');
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Rolle').selectOption({ label: 'Rådgiver' });
    await page.getByLabel('Adgangskode').fill('kort');
    await page.getByRole('button', { name: 'Opret bruger' }).click();

    // Refused at the field, in Danish; what was typed is kept, the password is typed again.
    await eventually(() => problem(page)).toBe('Nogle felter er ikke udfyldt korrekt.');
    const password = page.getByLabel('Adgangskode');
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#e-password').textContent()).toBe('Adgangskoden skal være på mindst 12 tegn.');
    expect(await page.getByLabel('Navn').inputValue()).toBe('Karin Rådgiver');
    expect(await page.getByLabel('E-mail').inputValue()).toBe(email);
    expect(await page.getByLabel('Rolle').inputValue()).toBe('caseworker');
    expect(await password.inputValue()).toBe('');

    await password.fill('en lang og god adgangskode');
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    await eventually(() => notice(page)).toBe('Brugeren er oprettet.');
    const row = page.getByRole('row', { name: /Karin Rådgiver/ });
    expect(await row.textContent()).toMatch(
      /karin\.raadgiver@kommune\.dk\s*–\s*Rådgiver\s*Aktiv\s*Skal vælge sin adgangskode\s*Ikke låst/,
    );
    await page.screenshot({ path: `${ARTIFACTS}/admin-brugere.png`, fullPage: true });

    // The same e-mail again is answered at the e-mail field.
    await page.getByLabel('Navn').fill('Karin Igen');
    await page.getByLabel('E-mail').fill(email.toUpperCase());
    await page.getByLabel('Adgangskode').fill('en lang og god adgangskode');
    await page.getByRole('button', { name: 'Opret bruger' }).click();
    await eventually(() => page.locator('#e-email').textContent()).toBe('E-mailadressen er allerede i brug.');

    // The password the administrator gave is one-time: Karin chooses her own before anything else.
    const karin = await t.loggedIn(email, { password: 'en lang og god adgangskode' });
    await eventually(() => heading(karin)).toBe('Vælg din adgangskode');
    await karin.getByLabel('Engangsadgangskode').fill('en lang og god adgangskode');
    await karin.getByLabel('Ny adgangskode').fill('karins egen lange adgangskode');
    await karin.getByLabel('Gentag den nye adgangskode').fill('karins egen lange adgangskode');
    await karin.getByRole('button', { name: 'Gem adgangskode' }).click();
    await eventually(() => heading(karin)).toMatch(/^I dag/);
    await karin.context().close();
    // The users list no longer says she must choose one.
    await page.goto(`${t.base}/admin/brugere`);
    expect(await page.getByRole('row', { name: /Karin Rådgiver/ }).textContent()).toMatch(
      /karin\.raadgiver@kommune\.dk\s*–\s*Rådgiver\s*Aktiv\s*Ikke låst/,
    );
    await page.context().close();
  });

  it('shows a threshold set by the municipality beside the rule file’s default, and clears it again', async () => {
    const page = await t.loggedIn(unit.admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Advarselsregler' }).click();
    await eventually(() => heading(page)).toBe('Advarselsregler');
    expect(await page.getByText('hver nat kl. 02:00 vurderes alle kommunens åbne forløb igen').count()).toBe(1);
    const passive = page.getByRole('region', { name: 'Passiv', exact: true });
    const field = passive.getByLabel('Dage uden aktivitet', { exact: true });
    const row = passive.getByRole('row', { name: /Dage uden aktivitet/ });
    expect(await row.textContent()).toMatch(/14 dage\s*.*14 dage \(regelfilens\)/s);

    // Outside the allowed range: said at the field.
    await field.fill('200');
    await page.getByRole('button', { name: 'Gem grænser' }).click();
    await eventually(() => passive.locator('#e-passiveDays').textContent()).toBe('Skal være et helt tal fra 1 til 90.');
    expect(await field.inputValue()).toBe('200');

    await field.fill('21');
    await page.getByRole('button', { name: 'Gem grænser' }).click();
    await eventually(() => notice(page)).toMatch(/^Grænserne er gemt\. Nye grænser bruges, næste gang reglerne kører/);
    expect(await field.inputValue()).toBe('21');
    // The default beside the override, and the override marked as the municipality's.
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells[0]).toBe('14 dage');
    expect(cells[2]?.replace(/\s+/g, ' ').trim()).toBe('21 dage sat af kommunen');
    await page.screenshot({ path: `${ARTIFACTS}/admin-regler.png`, fullPage: true });
    const saved = await t.ctx.app.inject({ method: 'GET', url: '/api/settings', headers: unit.admin.headers });
    expect(saved.json().risk).toEqual({ passiveDays: 21 });

    // A leader sees the same thresholds, read-only.
    const leader = await t.loggedIn(unit.leader.email);
    await leader.getByRole('navigation').getByRole('link', { name: 'Advarselsregler' }).click();
    await eventually(() => heading(leader)).toBe('Advarselsregler');
    const leaderRow = leader.getByRole('region', { name: 'Passiv', exact: true }).getByRole('row', {
      name: /Dage uden aktivitet/,
    });
    expect(await leaderRow.textContent()).toMatch(/14 dage\s*21 dage\s*21 dage/);
    expect(await leader.getByRole('textbox').count()).toBe(0);
    expect(await leader.getByRole('button', { name: 'Gem grænser' }).count()).toBe(0);
    await leader.context().close();

    await field.fill('');
    await page.getByRole('button', { name: 'Gem grænser' }).click();
    await eventually(() => notice(page)).toMatch(/^Grænserne er gemt\./);
    expect(await row.textContent()).toMatch(/14 dage\s*.*14 dage \(regelfilens\)/s);
    expect(await row.textContent()).not.toContain('sat af kommunen');
    const cleared = await t.ctx.app.inject({ method: 'GET', url: '/api/settings', headers: unit.admin.headers });
    expect(cleared.json().risk).toEqual({});
    await page.context().close();
  });

  it('keeps what was typed when someone else changed the user meanwhile, and refuses locking oneself out', async () => {
    const jonas = await newUser(t.ctx.db, { municipalityId: unit.municipality.id, name: 'Jonas Jensen' });
    const page = await t.loggedIn(unit.admin.email);
    await eventually(() => heading(page)).toBe('Administration');
    await page.goto(`${t.base}/admin/brugere`);
    await page.getByRole('link', { name: 'Jonas Jensen' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Ret bruger' }).count()).toBe(1);
    await page.getByLabel('Navn').fill('Sofie Sørensen');

    // Meanwhile another administrator makes the caseworker a leader through the API.
    const meanwhile = await t.ctx.app.inject({
      method: 'PATCH',
      url: `/api/users/${jonas.id}`,
      headers: unit.admin.headers,
      payload: { version: 1, role: 'leader' },
    });
    expect(meanwhile.statusCode).toBe(200);

    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await eventually(() => problem(page)).toBe(
      'Brugeren er ændret af en anden, mens du rettede. Det, du skrev, står stadig i formularen. ' +
        'Se hvordan det ser ud nu, og gem igen, hvis dine ændringer stadig skal gælde.',
    );
    expect(await page.getByLabel('Navn').inputValue()).toBe('Sofie Sørensen');
    const savedNow = page.getByRole('region', { name: 'Sådan er det gemt nu' });
    expect(await savedNow.textContent()).toMatch(/Navn\s*Jonas Jensen\s*Telefon\s*Intet telefonnummer\s*Rolle\s*Leder/);
    const notWritten = await t.ctx.app.inject({
      method: 'GET',
      url: `/api/users/${jonas.id}`,
      headers: unit.admin.headers,
    });
    expect(notWritten.json()).toMatchObject({ name: 'Jonas Jensen', role: 'leader', version: 2 });

    // Saving again, now against the version seen, applies what was typed.
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await eventually(() => notice(page)).toBe('Ændringerne er gemt.');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sofie Sørensen');

    // The administrator's own page: deactivating oneself is refused at the field.
    await page.goto(`${t.base}/admin/brugere/${unit.admin.id}`);
    await page.getByLabel('Deaktiveret: kan ikke logge ind').check();
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await eventually(() => page.locator('#e-status').textContent()).toBe(
      'Du kan ikke fjerne din egen administratoradgang.',
    );
    expect(await problem(page)).toBe('Ændringen er ikke gemt.');
    expect(await page.getByLabel('Deaktiveret: kan ikke logge ind').isChecked()).toBe(true);
    await page.context().close();
  });

  it("gives a caseworker a phone number for the youth's plans, refusing one that is not Danish at the field", async () => {
    const mette = await newUser(t.ctx.db, { municipalityId: unit.municipality.id, name: 'Mette Mortensen' });
    const page = await t.loggedIn(unit.admin.email);
    await eventually(() => heading(page)).toBe('Administration');
    await page.goto(`${t.base}/admin/brugere/${mette.id}`);
    await eventually(() => heading(page)).toBe('Mette Mortensen');
    const phone = page.getByLabel('Telefon');
    await phone.fill('1234 567');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await eventually(() => page.locator('#e-phone').textContent()).toBe(
      'Skriv et dansk telefonnummer med 8 cifre, fx 12 34 56 78 eller +45 12 34 56 78.',
    );
    expect(await problem(page)).toBe('Nogle felter er ikke udfyldt korrekt.');
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    expect(await phone.inputValue()).toBe('1234 567');
    const unchanged = await t.ctx.app.inject({
      method: 'GET',
      url: `/api/users/${mette.id}`,
      headers: unit.admin.headers,
    });
    expect(unchanged.json()).toMatchObject({ phone: null, version: 1 });

    await phone.fill('+45 12 34 56 78');
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await eventually(() => notice(page)).toBe('Ændringerne er gemt.');
    expect(await page.getByLabel('Telefon').inputValue()).toBe('12 34 56 78');
    const saved = await t.ctx.app.inject({ method: 'GET', url: `/api/users/${mette.id}`, headers: unit.admin.headers });
    expect(saved.json()).toMatchObject({ phone: '12 34 56 78', version: 2 });
    await page.goto(`${t.base}/admin/brugere`);
    expect(await page.getByRole('row', { name: /Mette Mortensen/ }).textContent()).toContain('12 34 56 78');
    await page.context().close();
  });

  it('saves the settings, keeps the webhook secret write-only and keeps what was typed on a conflict', async () => {
    const page = await t.loggedIn(unit.admin.email);
    await page.getByRole('navigation').getByRole('link', { name: 'Indstillinger' }).click();
    await eventually(() => heading(page)).toBe('Indstillinger');
    await page.getByLabel('Mindste alder').fill('15');
    await page.getByLabel('Brug lodtrækning').check();
    await page.getByLabel('Andel i kontrolgruppen (%)').fill('33,3');
    await page.getByLabel('Skriv også medarbejdernes navne i udtrækket').check();
    await page.getByLabel('Adresse (URL)').fill('https://hooks.example.dk/ungeflow');
    await page.getByLabel('Hemmelig nøgle').fill('en-hemmelig-noegle-til-signaturen');
    await page.getByRole('button', { name: 'Gem indstillinger' }).click();
    await eventually(() => notice(page)).toBe('Indstillingerne er gemt.');
    expect(await page.getByLabel('Mindste alder').inputValue()).toBe('15');
    expect(await page.getByLabel('Andel i kontrolgruppen (%)').inputValue()).toBe('33,3');
    expect(await page.getByLabel('Skriv også medarbejdernes navne i udtrækket').isChecked()).toBe(true);
    expect(await page.getByLabel('Hemmelig nøgle').inputValue()).toBe('');
    expect(await page.content()).not.toContain('en-hemmelig-noegle-til-signaturen');
    expect(await page.getByText('en nøgle er gemt; tomt felt beholder den').count()).toBe(1);
    const saved = (await t.ctx.app.inject({ method: 'GET', url: '/api/settings', headers: unit.admin.headers })).json();
    expect(saved).toMatchObject({
      eligibility: { minAge: 15 },
      randomisation: { enabled: true, controlShare: 0.333 },
      accessExport: { colleagueNames: true },
      webhook: { url: 'https://hooks.example.dk/ungeflow', secretSet: true },
    });
    await page.screenshot({ path: `${ARTIFACTS}/admin-indstillinger.png`, fullPage: true });

    // A minimum above the maximum is refused at the field.
    await page.getByLabel('Højeste alder').fill('20');
    await page.getByLabel('Mindste alder').fill('21');
    await page.getByRole('button', { name: 'Gem indstillinger' }).click();
    await eventually(() => page.locator('#e-minAge').textContent()).toBe(
      'Mindste alder må ikke være højere end højeste alder (20 år).',
    );

    // Someone else changes the settings meanwhile.
    await page.getByLabel('Mindste alder').fill('16');
    expect((await putSettings(t.ctx.app, unit.admin.headers, { risk: { offerDays: 21 } })).statusCode).toBe(200);
    await page.getByRole('button', { name: 'Gem indstillinger' }).click();
    await eventually(() => problem(page)).toMatch(/^Indstillingerne er ændret af en anden, mens du rettede\./);
    expect(await page.getByLabel('Mindste alder').inputValue()).toBe('16');
    expect(await page.getByLabel('Højeste alder').inputValue()).toBe('20');
    const kept = (await t.ctx.app.inject({ method: 'GET', url: '/api/settings', headers: unit.admin.headers })).json();
    expect(kept).toMatchObject({ eligibility: { minAge: 15 }, risk: { offerDays: 21 } });

    // Emptying the address removes the webhook and its secret.
    await page.getByLabel('Adresse (URL)').fill('');
    await page.getByRole('button', { name: 'Gem indstillinger' }).click();
    await eventually(() => notice(page)).toBe('Indstillingerne er gemt.');
    expect(await page.getByText('ingen nøgle gemt; 16–200 tegn').count()).toBe(1);
    const removed = (
      await t.ctx.app.inject({ method: 'GET', url: '/api/settings', headers: unit.admin.headers })
    ).json();
    expect(removed).toMatchObject({
      eligibility: { minAge: 16, maxAge: 20 },
      webhook: { url: null, secretSet: false },
    });
    await page.context().close();
  });

  it('answers a threshold form whose version was tampered with as a bad request, changing nothing', async () => {
    const page = await t.loggedIn(unit.admin.email);
    await page.goto(`${t.base}/admin/regler`);
    const before = await t.ctx.app.inject({ method: 'GET', url: '/api/settings', headers: unit.admin.headers });
    const passive = page.getByRole('region', { name: 'Passiv', exact: true });
    await passive.getByLabel('Dage uden aktivitet', { exact: true }).fill('21');
    await page
      .locator('input[name="version"]')
      .first()
      .evaluate((input) => {
        (input as { value: string }).value = 'abc';
      });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Gem grænser' }).click(),
    ]);
    expect(answer.status()).toBe(400);
    await eventually(() => problem(page)).toBe('Nogle felter er ikke udfyldt korrekt.');
    expect(await passive.getByLabel('Dage uden aktivitet', { exact: true }).inputValue()).toBe('21');
    const after = await t.ctx.app.inject({ method: 'GET', url: '/api/settings', headers: unit.admin.headers });
    expect(after.json()).toEqual(before.json());
    await page.context().close();
  });

  it('refuses the administration to a caseworker in Danish', async () => {
    const page = await t.loggedIn(unit.caseworker.email);
    await eventually(() => heading(page)).toMatch(/^I dag/);
    const response = await page.goto(`${t.base}/admin/brugere`);
    expect(response?.status()).toBe(403);
    expect(await heading(page)).toBe('Der opstod en fejl');
    expect(await page.getByText('Du har ikke adgang til dette.').count()).toBe(1);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Brugere' }).count()).toBe(0);
    await page.context().close();
  });

  it('lists a webhook delivery that failed after its last attempt, and “Prøv igen” sends it again', async () => {
    const receiver = await startReceiver(500);
    const hooked = await newUnit(t.ctx.app, t.ctx.db);
    try {
      await failedDelivery(t.ctx, hooked, receiver.url);
      const page = await t.loggedIn(hooked.admin.email);
      await eventually(() => heading(page)).toBe('Administration');
      expect(await page.locator('dt:text-is("Fejlede leveringer") + dd').textContent()).toBe('1');
      // A second tab on the same list, to send the delivery again after the first has.
      const stale = await page.context().newPage();

      await page.getByRole('navigation').getByRole('link', { name: 'Webhook' }).click();
      await eventually(() => heading(page)).toBe('Fejlede webhook-leveringer');
      const row = page.getByRole('row', { name: /Første samtale ikke holdt i tide/ });
      expect(await row.getByRole('cell').allTextContents()).toEqual([
        expect.stringMatching(/\d{2}[.:]\d{2}$/),
        'Første samtale ikke holdt i tide',
        String(MAX_ATTEMPTS),
        'HTTP 500',
        expect.stringContaining('Prøv igen'),
      ]);
      await page.screenshot({ path: `${ARTIFACTS}/admin-webhook.png`, fullPage: true });
      await stale.goto(`${t.base}/admin/webhook`);

      receiver.answer(200);
      await row.getByRole('button', { name: /^Prøv igen/ }).click();
      await eventually(() => notice(page)).toBe('Leveringen er sat i kø igen.');
      expect(await page.getByText('Ingen leveringer er fejlet.').count()).toBe(1);
      expect(await deliverDue(t.ctx)).toMatchObject({ delivered: 1 });
      expect(receiver.requests).toHaveLength(MAX_ATTEMPTS + 1);

      // The other tab still shows it: sending it again there is refused, and the list is shown as it is.
      await stale.getByRole('button', { name: /^Prøv igen/ }).click();
      await eventually(() => problem(stale)).toBe(
        'Leveringen var allerede sat i kø igen, fra en anden fane eller af en kollega.',
      );
      expect(await stale.getByText('Ingen leveringer er fejlet.').count()).toBe(1);
      await page.context().close();
    } finally {
      t.ctx.setNow(NOW);
      await receiver.close();
    }
  });
});
