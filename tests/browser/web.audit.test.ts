import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { danishDate } from '../../src/shared/clock.ts';
import { addDays } from '../../src/shared/days.ts';
import { newUnit, newYouth } from '../support/factories.ts';

// "Logning": the audit log for leaders and administrators, filtered and paged, and the filtered rows
// as CSV for Excel, parsed here; in Danish and in English. The log keeps the database's own time, so
// the tests read when an entry happened from the log rather than set the app's clock.

/** The cells of a CSV file as Ungeflow writes it: semicolons, CRLF, quotes around cells that need them. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('the audit log page in Chromium', { timeout: 180_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let sofie: { id: string; enteredCpr: string };
  let cprDigits: string;

  beforeAll(async () => {
    t = await startBrowserTest({ now: new Date() });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    const h = unit.caseworker.headers;
    sofie = await newYouth(t.ctx.app, h, { name: 'Sofie Holm' });
    cprDigits = sofie.enteredCpr.replace('-', '');
    // The caseworker searches for her by CPR number and has the number shown.
    await t.ctx.app.inject({ method: 'GET', url: `/api/youth?query=${cprDigits}`, headers: h });
    await t.ctx.app.inject({ method: 'GET', url: `/api/youth/${sofie.id}?reveal=cpr`, headers: h });
    const other = await newYouth(t.ctx.app, h, { name: 'Malte Bech' });
    // Enough reads for the log to run onto a second page.
    for (let i = 0; i < 30; i++) {
      await t.ctx.app.inject({ method: 'GET', url: `/api/youth/${other.id}`, headers: h });
      await t.ctx.app.inject({ method: 'GET', url: `/api/youth/${sofie.id}`, headers: unit.leader.headers });
    }
  });
  afterAll(() => t?.close());

  const rows = (page: Page) => page.getByTestId('audit-log').locator('tbody tr');
  /** When the log says the one entry of the action happened in the unit. */
  const occurredAt = async (action: string) =>
    (
      await t.ctx.db
        .selectFrom('audit_log')
        .select('occurred_at')
        .where('municipality_id', '=', unit.municipality.id)
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).occurred_at;
  /** "1. dec. 2026 kl. 11.00.07" as the page writes an instant. */
  const whenDanish = (instant: Date, lang: 'da' | 'en') => {
    const date = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
      timeZone: 'Europe/Copenhagen',
      dateStyle: 'medium',
    }).format(instant);
    const time = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', {
      timeZone: 'Europe/Copenhagen',
      hour: 'numeric',
      minute: '2-digit',
      second: '2-digit',
    }).format(instant);
    return lang === 'da' ? `${date} kl. ${time}` : `${date} at ${time}`;
  };

  it('filters the log by action, user and period, pages through it, and narrows it to one youth', async () => {
    const page = await t.loggedIn(unit.leader.email);
    await page.getByRole('link', { name: 'Logning' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Logning');
    expect(await page.getByRole('navigation', { name: 'Sider' }).textContent()).toContain('Side 1 af 2');
    expect(await rows(page).count()).toBe(50);
    await page.getByRole('link', { name: 'Næste side' }).click();
    await eventually(() => page.getByRole('navigation', { name: 'Sider' }).textContent()).toContain('Side 2 af 2');

    await page.getByLabel('Handling', { exact: true }).selectOption({ label: 'CPR-nummer vist' });
    await page.getByLabel('Bruger').selectOption({ label: 'Test caseworker (rådgiver)' });
    await page.getByRole('button', { name: 'Vis' }).click();
    await eventually(() => page.getByTestId('audit-log').locator('caption').textContent()).toBe('1 handling');
    const revealed = rows(page).first();
    // The log's own time (the database's clock), in Danish time to the second.
    expect(await revealed.locator('td').first().textContent()).toBe(
      `${whenDanish(await occurredAt('youth.cpr_revealed'), 'da')}`,
    );
    expect(await revealed.textContent()).toContain('Test caseworker');
    expect(await revealed.textContent()).toContain('CPR-nummer vist');
    expect(await revealed.textContent()).toContain('Sofie Holm');

    // The period: the day it happened finds it, the day after does not.
    const day = danishDate(await occurredAt('youth.cpr_revealed'));
    await page.getByLabel('Fra dato').fill(day);
    await page.getByLabel('Til dato').fill(day);
    await page.getByRole('button', { name: 'Vis' }).click();
    await eventually(() => page.getByTestId('audit-log').locator('caption').textContent()).toBe('1 handling');
    await page.getByLabel('Fra dato').fill(addDays(day, 1));
    await page.getByLabel('Til dato').fill(addDays(day, 1));
    await page.getByRole('button', { name: 'Vis' }).click();
    await eventually(() => page.locator('main').textContent()).toContain('Ingen handlinger matcher.');
    await page.getByLabel('Til dato').fill(day);
    await page.getByRole('button', { name: 'Vis' }).click();
    await eventually(() => page.locator('#e-to').textContent()).toBe('Til-datoen ligger før fra-datoen.');

    // One youth: everything done with Sofie's data, by anyone.
    await page.goto(`${t.base}/logning`);
    await page.getByTestId('audit-log').getByRole('link', { name: 'Sofie Holm' }).first().click();
    await eventually(() => page.getByTestId('youth-filter').textContent()).toContain('Kun handlinger om Sofie Holm');
    const actions = await rows(page).locator('td:nth-child(3)').allTextContents();
    expect(new Set(actions)).toEqual(new Set(['Ung registreret', 'Ung set', 'CPR-nummer vist', 'Søgning efter unge']));
    // The search found her among its results.
    expect(await rows(page).filter({ hasText: 'Søgning efter unge' }).textContent()).toContain(
      'Sofie Holm (blandt flere fundne)',
    );
    await page.screenshot({ path: `${ARTIFACTS}/logning.png`, fullPage: true });
    await page.context().close();
  });

  it('downloads the filtered rows as CSV for Excel, with Danish headings and no CPR number, and logs the reading', async () => {
    const page = await t.loggedIn(unit.leader.email, { acceptDownloads: true });
    await page.goto(`${t.base}/logning?youthId=${sofie.id}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent som CSV (til Excel)' }).click(),
    ]);
    const bytes = await readFile(await download.path());
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [heading, ...entries] = parseCsv(text.slice(1));
    expect(heading).toEqual([
      'Tidspunkt',
      'Bruger',
      'Handling',
      'Handlingskode',
      'Ung',
      'Ung-id',
      'Detaljer',
      'IP-adresse',
      'Forespørgsels-id',
    ]);
    // Registered, found by a search (among its results), revealed, and read 30 times.
    expect(entries).toHaveLength(33);
    expect(entries.every((cells) => cells.length === 9)).toBe(true);
    const own = entries.filter((cells) => cells[3] !== 'youth.searched');
    expect(own.every((cells) => cells[5] === sofie.id && cells[4] === 'Sofie Holm')).toBe(true);
    const search = entries.find((cells) => cells[3] === 'youth.searched')!;
    expect(search[2]).toBe('Søgning efter unge');
    expect(search[0]).toBe(
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'Europe/Copenhagen',
        dateStyle: 'short',
        timeStyle: 'medium',
      }).format(await occurredAt('youth.searched')),
    );
    expect(search[6]).toContain(`${cprDigits.slice(0, 6)}-XXXX`);
    expect(text).not.toContain(cprDigits);
    expect(text).not.toContain(sofie.enteredCpr);

    const readings = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'audit.read')
      .where('user_id', '=', unit.leader.id)
      .orderBy('id')
      .execute();
    expect(readings.at(-1)?.details).toMatchObject({
      format: 'csv',
      resultCount: 33,
      criteria: { youthId: sofie.id },
    });
    await page.context().close();
  });

  it('shows the log and its CSV in English to an administrator, and keeps it from caseworkers', async () => {
    const page = await t.loggedIn(unit.admin.email, { acceptDownloads: true });
    await page.getByRole('link', { name: 'Logning' }).click();
    await page.getByRole('link', { name: 'English' }).click();
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Audit log');
    await page.getByLabel('Action', { exact: true }).selectOption({ label: 'CPR number shown' });
    await page.getByRole('button', { name: 'Show' }).click();
    await eventually(() => page.getByTestId('audit-log').locator('caption').textContent()).toBe('1 action');
    expect(await rows(page).first().locator('td').first().textContent()).toBe(
      whenDanish(await occurredAt('youth.cpr_revealed'), 'en'),
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download as CSV (for Excel)' }).click(),
    ]);
    const [heading, ...entries] = parseCsv((await readFile(await download.path())).toString('utf8').slice(1));
    expect(heading?.slice(0, 4)).toEqual(['Time', 'User', 'Action', 'Action code']);
    expect(entries.map((cells) => [cells[2], cells[3], cells[4]])).toEqual([
      ['CPR number shown', 'youth.cpr_revealed', 'Sofie Holm'],
    ]);
    await page.context().close();

    const caseworker = await t.loggedIn(unit.caseworker.email);
    expect(await caseworker.getByRole('link', { name: 'Logning' }).count()).toBe(0);
    expect((await caseworker.goto(`${t.base}/logning`))?.status()).toBe(403);
    await caseworker.context().close();
  });

  it("links a leader from the youth's page to the log of what was done with the youth's data", async () => {
    const page = await t.loggedIn(unit.leader.email);
    await page.goto(`${t.base}/unge/${sofie.id}`);
    await page.getByRole('link', { name: 'Se i loggen, hvem der har læst eller ændret den unges oplysninger' }).click();
    await eventually(() => page.getByTestId('youth-filter').textContent()).toContain('Sofie Holm');
    // Reading the youth's page just now is in it, with the notes read.
    const actions = await rows(page).locator('td:nth-child(3)').allTextContents();
    expect(actions.slice(0, 4)).toEqual(expect.arrayContaining(['Ung set', 'Forløb set', 'Notater læst']));
    await page.context().close();
  });
});
