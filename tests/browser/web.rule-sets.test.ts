import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, type BrowserTest, eventually, startBrowserTest } from '../support/browser.ts';
import { newUnit, newYouth } from '../support/factories.ts';
import { openJourney, questionnaireAnswers, sendEvent } from '../support/journeys.ts';

// The switch itself is checked on the rule sets by tests/unit/law-2027.test.ts; the settings
// refusals through the API by tests/api/rules.test.ts. This drives the page a leader and an
// administrator use in December 2026, before the 2027 rules take over.
const NOW = new Date('2026-12-05T10:00:00Z');

describe('the rule sets page and the preview of 1 January 2027 in Chromium', { timeout: 120_000 }, () => {
  let t: BrowserTest;
  let unit: Awaited<ReturnType<typeof newUnit>>;

  beforeAll(async () => {
    t = await startBrowserTest({ now: NOW });
    unit = await newUnit(t.ctx.app, t.ctx.db);
    const headers = unit.caseworker.headers;
    // Two youth visited under the 2025 rules: one education-ready with a barrier (in the target
    // group), one activity-ready with a considerable barrier.
    const visit = async (name: string, decision: Record<string, unknown>) => {
      const youth = await newYouth(t.ctx.app, headers, { name });
      const journey = await openJourney(t.ctx.app, headers, youth.id, { firstContactAt: '2026-11-20' });
      await sendEvent(t.ctx.app, headers, journey.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person' });
      const decided = await sendEvent(t.ctx.app, headers, journey.id, {
        type: 'VISITATION_DECIDED',
        profile: 'B',
        questionnaire: questionnaireAnswers(),
        ...decision,
      });
      expect(decided.statusCode).toBe(201);
    };
    await visit('Asta Uddannelsesparat', { category: 'education_ready', barriers: ['debt'] });
    await visit('Bo Aktivitetsparat', {
      category: 'activity_ready',
      barriers: ['substance_use'],
      considerableBarriers: ['substance_use'],
    });
  });
  afterAll(() => t?.close());

  const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

  it('shows a leader the law in force and the coming one, with its status and sources', async () => {
    const page = await t.loggedIn(unit.leader.email);
    await page.goto(`${t.base}/regelsaet`);
    await eventually(() => heading(page)).toBe('Regelsæt');
    const current = page.getByTestId('law-lab_2019');
    expect(await current.textContent()).toContain('Gælder nu');
    expect(await current.textContent()).toContain('Vedtaget lov');
    const coming = page.getByTestId('law-lab_2027');
    expect(await coming.textContent()).toContain('Tager over 1. jan. 2027.');
    expect(await coming.textContent()).toContain('Politisk aftale, ikke vedtaget lov');
    expect(await coming.textContent()).toContain('9. april 2025');
    expect(await coming.textContent()).toContain('Jobparat, Aktivitetsparat');
    // A leader reads; only an administrator chooses the day.
    expect(await page.getByLabel('Dag, hvor kommunen tager de nye regler i brug').count()).toBe(0);
  });

  it('previews who changes category or target group on 1 January, and changes nothing', async () => {
    const page = await t.loggedIn(unit.leader.email);
    await page.goto(`${t.base}/regelsaet`);
    await page.getByRole('button', { name: 'Vis, hvad der ændrer sig' }).click();
    await eventually(() => page.getByTestId('preview-summary').textContent()).toBe(
      'Af 2 unge med en visitation får 1 ung en anden kategori, og 1 ung kommer ind i eller ud af målgruppen, når de nye regler tager over 1. jan. 2027.',
    );
    const rows = page.getByTestId('law-preview').locator('tbody tr');
    expect(await rows.count()).toBe(1);
    const row = (await rows.first().textContent()) ?? '';
    // Education-ready with debt: job-ready by default in 2027, and outside the target group.
    expect(row).toContain('Asta Uddannelsesparat');
    expect(row).toContain('Uddannelsesparat');
    expect(row).toContain('Jobparat');
    expect(await page.getByTestId('law-preview').textContent()).toContain(
      'Reglerne for risiko for passivitet er de samme efter skiftet',
    );
    await page.screenshot({ path: `${ARTIFACTS}/regelsaet-forhaandsvisning.png`, fullPage: true });
  });

  it('lets an administrator choose a later day, and refuses one before the law', async () => {
    const page = await t.loggedIn(unit.admin.email);
    await page.goto(`${t.base}/regelsaet`);
    const day = page.getByLabel('Dag, hvor kommunen tager de nye regler i brug');
    await day.fill('2026-12-20');
    await page.getByRole('button', { name: 'Gem dagen' }).click();
    await eventually(() => page.locator('#e-law-lab_2027').textContent()).toBe(
      'Reglerne kan tidligst tage over den 1. januar 2027.',
    );
    await page.getByLabel('Dag, hvor kommunen tager de nye regler i brug').fill('2027-03-01');
    await page.getByRole('button', { name: 'Gem dagen' }).click();
    await eventually(() => page.getByRole('status').textContent()).toBe('Dagen er gemt.');
    expect(await page.getByTestId('law-lab_2027').textContent()).toContain('Tager over 1. mar. 2027.');
    const settings = await t.ctx.app.inject({ method: 'GET', url: '/api/settings', headers: unit.admin.headers });
    expect(settings.json().lawSwitchDates).toEqual({ lab_2027: '2027-03-01' });
  });
});
