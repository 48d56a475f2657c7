import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { loginAs, newUnit, newUser } from '../support/factories.ts';
import { referredYouth } from '../support/journeys.ts';

// The journal on a youth's page: a note written, edited with its earlier version kept and shown on
// demand, in the timeline, and only the author's and a leader's to edit; in Danish and in English.
// Tuesday 1 December 2026, 11:00 in Denmark.
const NOW = new Date('2026-12-01T10:00:00Z');

describe("the journal on a youth's page in Chromium", { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let colleague: { email: string; headers: { cookie: string } };
  let youthId: string;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    const user = await newUser(t.ctx.db, {
      municipalityId: unit.municipality.id,
      role: 'caseworker',
      name: 'Ole Kollega',
    });
    colleague = { email: user.email, headers: await loginAs(t.ctx.app, user) };
    ({
      youth: { id: youthId },
    } = await referredYouth(t.ctx.app, unit.caseworker.headers, 'Emma Vang', '2026-11-23'));
  });
  afterAll(() => t?.close());

  const journal = (page: Page) => page.getByTestId('journal');
  const noteOf = (page: Page, text: string) => page.getByTestId('note').filter({ hasText: text });

  it('writes a note, refusing an empty one and a future day at the fields, and shows it in the timeline', async () => {
    const page = await t.loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${youthId}`);
    await journal(page).locator('summary', { hasText: 'Skriv et notat' }).click();
    await journal(page).getByRole('button', { name: 'Gem notatet' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Nogle felter er ikke udfyldt korrekt.');
    expect(await page.locator('#e-note-kind').textContent()).toBe('Skal udfyldes.');
    expect(await page.locator('#e-note-text').textContent()).toBe('Må ikke være tomt.');

    const form = page.getByTestId('note-form');
    await form.getByLabel('Slags notat').selectOption({ label: 'Telefon' });
    await form.getByLabel(/^Dato/).fill('2026-12-02');
    await form
      .getByLabel('Notat', { exact: true })
      .fill('Emma ringede: hun har fået en praktikplads i Netto.\nStarter mandag.');
    await form.getByRole('button', { name: 'Gem notatet' }).click();
    await eventually(() => page.locator('#e-note-concernsOn').textContent()).toBe('Datoen kan ikke ligge i fremtiden.');
    // What was typed is kept.
    expect(await page.getByTestId('note-form').getByLabel('Notat', { exact: true }).inputValue()).toContain('Netto');

    await page.getByTestId('note-form').getByLabel(/^Dato/).fill('2026-11-30');
    await page.getByTestId('note-form').getByRole('button', { name: 'Gem notatet' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Notatet er gemt.');
    const note = noteOf(page, 'praktikplads i Netto');
    expect(await note.getByRole('heading').textContent()).toBe('30. nov. 2026: Telefon');
    expect(await note.textContent()).toContain('Skrevet af Test caseworker den 1. dec. 2026 kl. 11.00');
    expect(await note.getByTestId('edited-by').count()).toBe(0);

    // In the timeline with the journey's referral, linking to the note.
    const timeline = page.getByTestId('timeline');
    const entry = timeline.getByRole('listitem').filter({ hasText: 'Notat: Telefon' });
    expect(await entry.textContent()).toContain('30. nov. 2026');
    expect(await entry.textContent()).toContain('Emma ringede: hun har fået en praktikplads i Netto. Starter mandag.');
    await entry.getByRole('link', { name: 'Læs notatet' }).click();
    await eventually(() => Promise.resolve(new URL(page.url()).hash)).toMatch(/^#note-/);
    await page.screenshot({ path: `${ARTIFACTS}/journal.png`, fullPage: true });
    await page.context().close();
  });

  it('edits a note, says who edited it and when, and shows the earlier version on demand', async () => {
    t.ctx.setNow(new Date('2026-12-01T13:15:00Z'));
    const page = await t.loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${youthId}`);
    const note = noteOf(page, 'praktikplads i Netto');
    await note.locator('summary', { hasText: 'Ret notatet' }).click();
    await note
      .getByLabel('Notat', { exact: true })
      .fill('Emma ringede: hun har fået en praktikplads i Føtex.\nStarter mandag.');
    await note.getByRole('button', { name: 'Gem rettelsen' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe(
      'Rettelsen er gemt. Den tidligere udgave er bevaret.',
    );
    const edited = noteOf(page, 'praktikplads i Føtex');
    expect(await edited.getByTestId('edited-by').textContent()).toBe(
      'Redigeret af Test caseworker den 1. dec. 2026 kl. 14.15',
    );
    const history = edited.locator('details.note-history');
    expect(await history.locator('summary').textContent()).toBe('Tidligere udgave (1)');
    expect(await history.getAttribute('open')).toBeNull();
    expect(await history.locator('ol').isVisible()).toBe(false);
    await history.locator('summary').click();
    const earlier = await history.locator('ol').textContent();
    expect(earlier).toContain('Udgave 1, skrevet af Test caseworker den 1. dec. 2026 kl. 11.00');
    expect(earlier).toContain('praktikplads i Netto');
    // The timeline shows the note as it reads now.
    expect(await page.getByTestId('timeline').textContent()).toContain('praktikplads i Føtex');
    expect(await page.getByTestId('timeline').textContent()).not.toContain('Netto');
    await page.screenshot({ path: `${ARTIFACTS}/journal-redigeret.png`, fullPage: true });
    await page.context().close();
  });

  it("keeps what was typed when someone else edited the note meanwhile, and leaves the note another's to edit", async () => {
    const page = await t.loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${youthId}`);
    const note = noteOf(page, 'praktikplads i Føtex');
    await note.locator('summary', { hasText: 'Ret notatet' }).click();
    await note.getByLabel('Notat', { exact: true }).fill('Min rettelse');
    // Meanwhile a leader edits the same note through the API.
    const listed = await t.ctx.app.inject({
      method: 'GET',
      url: `/api/youth/${youthId}/notes`,
      headers: unit.leader.headers,
    });
    const current = listed.json<{ items: Array<{ id: string; version: number }> }>().items[0]!;
    const byLeader = await t.ctx.app.inject({
      method: 'PATCH',
      url: `/api/notes/${current.id}`,
      headers: unit.leader.headers,
      payload: { version: current.version, kind: 'conversation' },
    });
    expect(byLeader.statusCode).toBe(200);
    await note.getByRole('button', { name: 'Gem rettelsen' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Notatet er rettet af en anden');
    const again = page.locator(`#note-${current.id}`);
    expect(await again.getByLabel('Notat', { exact: true }).inputValue()).toBe('Min rettelse');
    expect(await again.getByRole('heading').textContent()).toBe('30. nov. 2026: Samtale');
    expect(await again.getByTestId('edited-by').textContent()).toContain('Redigeret af Test leader');
    await page.context().close();

    // Another caseworker reads the note but is offered no edit.
    const other = await t.loggedIn(colleague.email);
    await other.goto(`${t.base}/unge/${youthId}`);
    await eventually(() => noteOf(other, 'praktikplads i Føtex').count()).toBe(1);
    expect(await noteOf(other, 'praktikplads i Føtex').locator('summary', { hasText: 'Ret notatet' }).count()).toBe(0);
    await other.context().close();
  });

  it('writes and edits a note in English, with its history and the timeline in English', async () => {
    const page = await t.loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${youthId}?lang=en`);
    await journal(page).locator('summary', { hasText: 'Write a note' }).click();
    const form = page.getByTestId('note-form');
    await form.getByLabel('Kind of note').selectOption({ label: "Meeting with the youth's network" });
    await form.getByLabel('Note', { exact: true }).fill('Met Emma and her mother about the internship.');
    await form.getByRole('button', { name: 'Save the note' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('The note is saved.');
    const note = noteOf(page, 'her mother');
    expect(await note.getByRole('heading').textContent()).toBe("1 Dec 2026: Meeting with the youth's network");
    expect(await note.textContent()).toContain('Written by Test caseworker on 1 Dec 2026 at 14:15');

    await note.locator('summary', { hasText: 'Edit the note' }).click();
    await note.getByLabel('Note', { exact: true }).fill('Met Emma and her father about the internship.');
    await note.getByRole('button', { name: 'Save the edit' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe(
      'The edit is saved. The earlier version is kept.',
    );
    const edited = noteOf(page, 'her father');
    expect(await edited.getByTestId('edited-by').textContent()).toBe(
      'Edited by Test caseworker on 1 Dec 2026 at 14:15',
    );
    await edited.locator('summary', { hasText: 'Earlier version (1)' }).click();
    expect(await edited.locator('details.note-history ol').textContent()).toContain('her mother');
    expect(await page.getByTestId('timeline').textContent()).toContain("Note: Meeting with the youth's network");
    expect(await page.getByRole('heading', { name: 'Case notes' }).count()).toBe(1);
    await page.context().close();
  });
});
