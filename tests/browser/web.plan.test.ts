import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlanTemplate } from '../../src/plans/plan.template.ts';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newGroup, newUnit, newYouth } from '../support/factories.ts';
import { sendEvent, youthAtIntake } from '../support/journeys.ts';
import { pdfText } from '../support/pdf.ts';

// The plan service is covered on both engines by tests/api/plans.test.ts; this drives the page
// over PGlite only, like tests/browser/web.test.ts. A Tuesday.
const NOW = new Date('2026-12-01T10:00:00Z');

const da = (await loadPlanTemplate('da')).texts;
const en = (await loadPlanTemplate('en')).texts;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the plan "Min plan" in Chromium', { timeout: 120_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;
  let groupId: string;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    const group = await newGroup(t.ctx.db, {
      municipalityId: unit.municipality.id,
      facilitatorId: unit.caseworker.id,
      name: 'Gruppe Syd',
    });
    groupId = group.id;
  });
  afterAll(() => t?.close());

  const h = () => unit.caseworker.headers;

  /** A youth referred on 20 November and now in the network group "Gruppe Syd", which meets Tuesdays at 10.00. */
  async function youthInGroup(name: string) {
    const { youth, journey } = await youthAtIntake(t.ctx.app, h(), name, { firstContactAt: '2026-11-20', groupId });
    return { youthId: youth.id, journeyId: journey.id };
  }

  /** The version of the journey's saved plan content; null while nothing is saved. */
  async function savedVersion(journeyId: string): Promise<number | null> {
    const content = await t.ctx.app.inject({
      method: 'GET',
      url: `/api/journeys/${journeyId}/plan-content`,
      headers: h(),
    });
    return content.json<{ version: number | null }>().version;
  }

  /** Downloads are kept, so that the test can read the PDFs. */
  const loggedIn = (email: string) => t.loggedIn(email, { acceptDownloads: true });

  async function download(page: Page, link: string): Promise<{ download: Download; bytes: Buffer }> {
    const [started] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: link, exact: true }).click(),
    ]);
    return { download: started, bytes: await readFile(await started.path()) };
  }

  it('lets a caseworker write the plan, download it, store versions and see in words what changed', async () => {
    const { youthId, journeyId } = await youthInGroup('Søren Østergaard');
    const page = await loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${youthId}/plan`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Min plan: Søren Østergaard');
    expect(await page.getByRole('link', { name: 'Tilbage til den unges side' }).getAttribute('href')).toBe(
      `/unge/${youthId}`,
    );
    // What the plan takes from the journey, read-only.
    const fromJourney = page.getByTestId('plan-from-journey');
    expect(await fromJourney.textContent()).toContain('Gruppe Syd');
    expect(await fromJourney.textContent()).toContain('Mødes hver tirsdag kl. 10.00');
    expect(await fromJourney.textContent()).toContain('Aktivitetsparat');
    expect(await fromJourney.textContent()).toContain('Ingen arbejdsplads endnu.');
    expect(await fromJourney.getByRole('textbox').count()).toBe(0);

    await page.getByLabel('Mål').fill('Jeg vil være elektriker.');
    await page
      .getByLabel('Aftaler')
      .fill('Du kommer til gruppen hver tirsdag.\n\nDu ringer til Mette, hvis du er syg.');
    await page.getByRole('textbox', { name: 'Hvad skal ske (Skridt 1)' }).fill('Besøg en el-installatør');
    await page.getByRole('textbox', { name: 'Hvornår (Skridt 1)' }).fill('2026-12-08');
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Planen er gemt.');
    expect(await page.getByLabel('Aftaler').inputValue()).toBe(
      'Du kommer til gruppen hver tirsdag.\nDu ringer til Mette, hvis du er syg.',
    );
    expect(await page.getByTestId('plan-saved').textContent()).toContain('Test caseworker');
    await page.screenshot({ path: `${ARTIFACTS}/plan.png`, fullPage: true });
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: `${ARTIFACTS}/plan-tablet.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // The plan in Danish, with the goal and both agreements.
    const danish = await download(page, 'Hent plan (PDF)');
    expect(danish.download.suggestedFilename()).toBe('min-plan-2026-12-01.pdf');
    const danishText = await pdfText(danish.bytes);
    expect(danishText).toContain(da.goal.heading);
    expect(danishText).toContain('Jeg vil være elektriker.');
    expect(danishText).toContain('Du kommer til gruppen hver tirsdag.');
    expect(danishText).toContain('Du ringer til Mette, hvis du er syg.');
    expect(danishText).toContain('Besøg en el-installatør');
    // And in English for a youth who asked for it.
    const english = await download(page, 'Hent plan på engelsk (PDF)');
    expect(english.download.suggestedFilename()).toBe('my-plan-2026-12-01.pdf');
    const englishText = await pdfText(english.bytes);
    expect(englishText).toContain(en.goal.heading);
    expect(englishText).not.toContain(da.goal.heading);
    // Sent as a PDF attachment, not kept by the browser.
    const answer = await page.context().request.get(`${t.base}/unge/${youthId}/plan/pdf?sprog=da`);
    expect(answer.headers()['content-type']).toBe('application/pdf');
    expect(answer.headers()['content-disposition']).toBe('attachment; filename="min-plan-2026-12-01.pdf"');
    expect(answer.headers()['cache-control']).toBe('private, no-store');

    // Version 1: what was handed to the youth.
    await page.getByRole('button', { name: 'Gem som version' }).click();
    await eventually(() => page.getByRole('status').textContent()).toContain('Planen er gemt som ny version.');
    const versions = page.getByTestId('plan-versions');
    expect(await versions.getByRole('row', { name: /^1 / }).textContent()).toContain('Dansk');
    expect(await versions.getByRole('row', { name: /^1 / }).textContent()).toContain('Test caseworker');
    expect(await page.getByTestId('plan-changes').textContent()).toContain('Det er den første version');

    // An agreement changes, and version 2 is handed out.
    await page
      .getByLabel('Aftaler')
      .fill('Du kommer til gruppen hver tirsdag.\nDu sender en sms til Mette før kl. 9, hvis du er syg.');
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Planen er gemt.');
    await page.getByRole('button', { name: 'Gem som version' }).click();
    await eventually(() => page.getByRole('status').textContent()).toContain('Planen er gemt som ny version.');
    const changes = page.getByTestId('plan-changes');
    expect(await changes.getByRole('heading').textContent()).toBe('Ændringer fra version 1 til version 2');
    expect(await changes.getByRole('listitem').allTextContents()).toEqual([
      'Aftale: fjernet »Du ringer til Mette, hvis du er syg.«',
      'Aftale: tilføjet »Du sender en sms til Mette før kl. 9, hvis du er syg.«',
    ]);
    await page.screenshot({ path: `${ARTIFACTS}/plan-versioner.png`, fullPage: true });

    // Version 1 again, exactly as stored.
    const stored = (
      await t.ctx.app.inject({ method: 'GET', url: `/api/journeys/${journeyId}/plans`, headers: h() })
    ).json().items as Array<{ number: number; contentHash: string }>;
    const first = await download(page, 'Hent version 1');
    expect(first.download.suggestedFilename()).toBe('min-plan-2026-12-01-v1.pdf');
    expect(sha256(first.bytes)).toBe(stored.find((v) => v.number === 1)?.contentHash);
    expect(sha256(first.bytes)).not.toBe(stored.find((v) => v.number === 2)?.contentHash);
    expect(await pdfText(first.bytes)).toContain('Du ringer til Mette, hvis du er syg.');
    await page.context().close();
  });

  it('says in Danish that someone else changed the plan and keeps the goal the caseworker typed', async () => {
    const { youthId, journeyId } = await youthInGroup('Ida Holm');
    const put = (body: Record<string, unknown>) =>
      t.ctx.app.inject({ method: 'PUT', url: `/api/journeys/${journeyId}/plan-content`, headers: h(), payload: body });
    const empty = { agreements: [], nextSteps: [], stabilisation: [] };
    expect((await put({ ...empty, goal: 'Uddannelse' })).statusCode).toBe(200);

    const page = await loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${youthId}/plan`);
    await page.getByLabel('Mål').fill('Jeg vil være frisør.');
    // Meanwhile a colleague changes the plan through the API.
    expect((await put({ ...empty, version: 1, goal: 'Job i en butik' })).statusCode).toBe(200);
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toContain('Planen er ændret af en anden');
    expect(await page.getByLabel('Mål').inputValue()).toBe('Jeg vil være frisør.');
    expect(await page.getByTestId('plan-current').textContent()).toContain('Job i en butik');
    await page.screenshot({ path: `${ARTIFACTS}/plan-konflikt.png`, fullPage: true });

    // Saving again replaces what the colleague saved.
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Planen er gemt.');
    const saved = await t.ctx.app.inject({
      method: 'GET',
      url: `/api/journeys/${journeyId}/plan-content`,
      headers: h(),
    });
    expect(saved.json()).toMatchObject({ goal: 'Jeg vil være frisør.', version: 3 });
    await page.context().close();
  });

  it('shows mistakes in Danish at the field and the line they are on, keeping what was typed', async () => {
    const { youthId, journeyId } = await youthInGroup('Noah Berg');
    const page = await loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${youthId}/plan`);
    await page.getByLabel('Mål').fill('Uddannelse');
    await page.getByLabel('Aftaler').fill(`Du kommer hver tirsdag.\n\n${'x'.repeat(1_001)}`);
    // A date without saying what is to happen.
    await page.getByRole('textbox', { name: 'Hvornår (Skridt 2)' }).fill('2026-12-10');
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Nogle felter er ikke udfyldt korrekt.');
    expect(await page.locator('#e-agreements').textContent()).toBe('Linje 3: For lang: højst 1.000 tegn.');
    expect(await page.getByLabel('Aftaler').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#e-step-1-what').textContent()).toBe('Må ikke være tomt.');
    expect(await page.getByLabel('Mål').inputValue()).toBe('Uddannelse');
    expect(await page.getByRole('textbox', { name: 'Hvornår (Skridt 2)' }).inputValue()).toBe('2026-12-10');
    expect(await savedVersion(journeyId)).toBeNull();
    await page.context().close();
  });

  it('refuses in Danish a step dated years back or far ahead, at its date, and keeps what was typed', async () => {
    const { youthId, journeyId } = await youthInGroup('Karla Bech');
    const page = await loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${youthId}/plan`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Min plan: Karla Bech');
    await page.getByRole('textbox', { name: 'Hvad skal ske (Skridt 1)' }).fill('Besøg erhvervsskolen');
    // 2016 for 2026: a typing error, not a plan.
    await page.getByRole('textbox', { name: 'Hvornår (Skridt 1)' }).fill('2016-12-08');
    await page.getByRole('textbox', { name: 'Hvad skal ske (Skridt 2)' }).fill('Svendeprøve');
    await page.getByRole('textbox', { name: 'Hvornår (Skridt 2)' }).fill('2062-06-01');
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe('Nogle felter er ikke udfyldt korrekt.');
    expect(await page.locator('#e-step-0-when').textContent()).toBe(
      'Datoen ligger mere end et år tilbage. Skriv en dato fra 1. december 2025 og frem, eller lad feltet stå tomt.',
    );
    expect(await page.locator('#e-step-1-when').textContent()).toBe(
      'Datoen ligger mere end to år frem. Skriv en dato til og med 1. december 2028, eller lad feltet stå tomt.',
    );
    expect(await page.getByRole('textbox', { name: 'Hvornår (Skridt 1)' }).inputValue()).toBe('2016-12-08');
    expect(await page.getByRole('textbox', { name: 'Hvad skal ske (Skridt 2)' }).inputValue()).toBe('Svendeprøve');
    expect(await savedVersion(journeyId)).toBeNull();
    await page.screenshot({ path: `${ARTIFACTS}/plan-dato-fejl.png`, fullPage: true });

    await page.getByRole('textbox', { name: 'Hvornår (Skridt 1)' }).fill('2026-12-08');
    await page.getByRole('textbox', { name: 'Hvornår (Skridt 2)' }).fill('');
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Planen er gemt.');
    expect(await page.getByRole('textbox', { name: 'Hvornår (Skridt 1)' }).inputValue()).toBe('2026-12-08');
    await page.context().close();
  });

  it("lets a closed journey's plan be downloaded but not changed, and says when a youth has no journey", async () => {
    const { youthId, journeyId } = await youthInGroup('Liva Krogh');
    const withdrawn = await sendEvent(t.ctx.app, h(), journeyId, { type: 'WITHDRAWN', reason: 'Flyttet' });
    expect(withdrawn.statusCode).toBe(201);
    const page = await loggedIn(unit.caseworker.email);
    await page.goto(`${t.base}/unge/${youthId}/plan`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Min plan: Liva Krogh');
    expect(await page.getByText('Forløbet er afsluttet').textContent()).toContain('kan hentes');
    expect(await page.getByLabel('Mål').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Gem planen' }).count()).toBe(0);
    const pdf = await download(page, 'Hent plan (PDF)');
    expect(pdf.download.suggestedFilename()).toBe('min-plan-2026-12-01.pdf');

    const noJourney = await newYouth(t.ctx.app, h(), { name: 'Vera Juul' });
    await page.goto(`${t.base}/unge/${noJourney.id}/plan`);
    await eventually(() => page.locator('main').textContent()).toContain('Den unge har intet forløb.');
    expect(await page.getByRole('link', { name: 'Hent plan (PDF)' }).count()).toBe(0);
    await page.context().close();
  });

  it('audits the downloads, and shows a version under its own youth only', async () => {
    const { youthId, journeyId } = await youthInGroup('Ella Dahl');
    const other = await youthInGroup('Oskar Lund');
    const stored = await t.ctx.app.inject({
      method: 'POST',
      url: `/api/journeys/${journeyId}/plans`,
      headers: h(),
      payload: { lang: 'da' },
    });
    expect(stored.statusCode).toBe(201);
    const page = await loggedIn(unit.leader.email);
    await page.goto(`${t.base}/unge/${youthId}/plan`);
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Min plan: Ella Dahl');
    await download(page, 'Hent plan (PDF)');
    await download(page, 'Hent version 1');
    const elsewhere = await page
      .context()
      .request.get(`${t.base}/unge/${other.youthId}/plan/versioner/${stored.json().id}/pdf`);
    expect(elsewhere.status()).toBe(404);

    const log = await t.ctx.app.inject({
      method: 'GET',
      url: `/api/audit?youthId=${youthId}&action=plan.rendered&pageSize=100`,
      headers: unit.leader.headers,
    });
    const rendered = (log.json().items as Array<{ userId: string; details: Record<string, unknown> }>).filter(
      (e) => e.userId === unit.leader.id,
    );
    expect(rendered.map((e) => e.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ journeyId, lang: 'da' }),
        expect.objectContaining({ journeyId, planVersionId: stored.json().id, number: 1 }),
      ]),
    );
    await page.context().close();
  });
});
