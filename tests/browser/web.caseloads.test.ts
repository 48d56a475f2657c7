import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { loginAs, newUnit, newUser } from '../support/factories.ts';
import { referredYouth, sendEvent } from '../support/journeys.ts';

// "Fordel sager": a leader moves several youth at once from a caseworker who leaves to another,
// all or none, in Danish and in English. Tuesday 1 December 2026, 11:00 in Denmark.
const NOW = new Date('2026-12-01T10:00:00Z');

type Headers = { cookie: string };

describe('distributing cases in Chromium', { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let anne: { id: string; headers: Headers };
  let bo: { id: string; headers: Headers };
  const journeyOf: Record<string, string> = {};

  async function caseworker(name: string) {
    const user = await newUser(t.ctx.db, { municipalityId: unit.municipality.id, role: 'caseworker', name });
    return { id: user.id, headers: await loginAs(t.ctx.app, user) };
  }

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    anne = await caseworker('Anne Hansen');
    bo = await caseworker('Bo Berg');
    for (const name of ['Ali Khan', 'Dorte Friis', 'Emil Sand', 'Frida Lund']) {
      journeyOf[name] = (await referredYouth(t.ctx.app, anne.headers, name, '2026-11-24')).journey.id;
    }
    await referredYouth(t.ctx.app, bo.headers, 'Gustav Ravn', '2026-11-24');
    // Anne has left: deactivated, her youth are still hers until they are moved.
    await t.ctx.db.updateTable('app_user').set({ active: false }).where('id', '=', anne.id).execute();
  });
  afterAll(() => t?.close());

  const caseloadRow = (page: Page, name: string) =>
    page.getByTestId('caseloads').getByRole('row', { name: new RegExp(name) });
  const caseworkerOf = async (name: string) =>
    (
      await t.ctx.app.inject({
        method: 'GET',
        url: `/api/journeys/${journeyOf[name]}`,
        headers: unit.leader.headers,
      })
    ).json<{ caseworkerId: string }>().caseworkerId;

  it('moves several youth at once from a caseworker who left, with one confirmation', async () => {
    const page = await t.loggedIn(unit.leader.email);
    await page.getByRole('link', { name: 'Fordel sager' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Fordel sager');
    expect(await caseloadRow(page, 'Anne Hansen').textContent()).toMatch(/Anne Hansen.*\(deaktiveret\).*4/s);
    expect(await caseloadRow(page, 'Bo Berg').textContent()).toContain('1');
    await caseloadRow(page, 'Anne Hansen').getByRole('link', { name: 'Vælg Anne Hansen' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Unge hos Anne Hansen' }).count()).toBe(1);
    const form = page.getByTestId('distribute-form');
    // A caseworker who left is no one to move youth to.
    const targets = await form.getByLabel('Flyt til').locator('option').allTextContents();
    expect(targets).toContain('Bo Berg (1 åbent forløb)');
    expect(targets.some((o) => o.includes('Anne Hansen'))).toBe(false);

    await form.getByRole('button', { name: 'Flyt de valgte unge' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Nogle felter er ikke udfyldt korrekt.');
    expect(await page.locator('#e-journeys').textContent()).toBe('Vælg mindst én ung, der skal flyttes.');
    expect(await page.locator('#e-toCaseworkerId').textContent()).toBe('Skal udfyldes.');

    await page.getByLabel('Ali Khan').check();
    await page.getByLabel('Dorte Friis').check();
    await page.getByLabel('Flyt til').selectOption({ label: 'Bo Berg (1 åbent forløb)' });
    await page.screenshot({ path: `${ARTIFACTS}/fordel-sager.png`, fullPage: true });
    await page.getByRole('button', { name: 'Flyt de valgte unge' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe(
      '2 unge er flyttet fra Anne Hansen til Bo Berg.',
    );
    expect(await caseloadRow(page, 'Anne Hansen').textContent()).toContain('2');
    expect(await caseloadRow(page, 'Bo Berg').textContent()).toContain('3');
    expect(await caseworkerOf('Ali Khan')).toBe(bo.id);
    expect(await caseworkerOf('Dorte Friis')).toBe(bo.id);
    expect(await caseworkerOf('Emil Sand')).toBe(anne.id);
    await page.context().close();
  });

  it('moves none when one of the youth changed after the page was shown, and then all on a second try', async () => {
    const page = await t.loggedIn(unit.leader.email);
    await page.goto(`${t.base}/fordel-sager?fra=${anne.id}`);
    await page.getByLabel('Alle 2 unge hos Anne Hansen').check();
    await page.getByLabel('Flyt til').selectOption({ label: 'Bo Berg (3 åbne forløb)' });
    // Meanwhile another leader records Frida's first conversation.
    const held = await sendEvent(t.ctx.app, unit.leader.headers, journeyOf['Frida Lund']!, {
      type: 'FIRST_CONVERSATION_HELD',
      mode: 'in_person',
    });
    expect(held.statusCode).toBe(201);
    await page.getByRole('button', { name: 'Flyt de valgte unge' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe(
      'Ingen er flyttet: 1 af de valgte unge er ændret eller flyttet af en anden, siden siden blev vist. Listen er hentet igen; se den efter, og flyt på ny.',
    );
    expect(await caseworkerOf('Emil Sand')).toBe(anne.id);
    expect(await caseworkerOf('Frida Lund')).toBe(anne.id);
    const frida = page.getByTestId('distribute-form').getByRole('row', { name: /Frida Lund/ });
    expect(await frida.textContent()).toContain('Ændret, siden siden blev vist');
    expect(await frida.textContent()).toContain('Visitation');
    // What was chosen is kept; sent again against what the page shows now, both move.
    expect(await page.getByLabel('Emil Sand').isChecked()).toBe(true);
    expect(await page.getByLabel('Frida Lund').isChecked()).toBe(true);
    expect(await page.getByLabel('Flyt til').inputValue()).toBe(bo.id);
    await page.getByRole('button', { name: 'Flyt de valgte unge' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe(
      '2 unge er flyttet fra Anne Hansen til Bo Berg.',
    );
    expect(await page.getByText('Anne Hansen har ingen åbne forløb.').count()).toBe(1);
    expect(await caseworkerOf('Frida Lund')).toBe(bo.id);
    await page.context().close();
  });

  it('moves a youth in English', async () => {
    await caseworker('Carl Moe');
    const page = await t.loggedIn(unit.leader.email);
    await page.goto(`${t.base}/fordel-sager?fra=${bo.id}&lang=en`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Distribute cases');
    expect(await page.getByRole('heading', { name: "Bo Berg's youth" }).count()).toBe(1);
    await page.getByLabel('Gustav Ravn').check();
    await page.getByLabel('Move to').selectOption({ label: 'Carl Moe (0 open journeys)' });
    await page.getByRole('button', { name: 'Move the youth ticked' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe(
      '1 youth has been moved from Bo Berg to Carl Moe.',
    );
    expect(
      await page
        .getByTestId('caseloads')
        .getByRole('row', { name: /Carl Moe/ })
        .textContent(),
    ).toContain('1');
    await page.context().close();
  });

  it('is for leaders only', async () => {
    const page = await t.loggedIn(unit.caseworker.email);
    expect(await page.getByRole('link', { name: 'Fordel sager' }).count()).toBe(0);
    const response = await page.goto(`${t.base}/fordel-sager`);
    expect(response?.status()).toBe(403);
    await page.context().close();
  });
});
