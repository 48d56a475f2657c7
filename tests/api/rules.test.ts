import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { armForSeed } from '../../src/journeys/randomisation.ts';
import { defaultRulesDir, loadRuleSets } from '../../src/rules/rule-set.loader.ts';
import { engines } from '../support/engines.ts';
import { startTestApp, TEST_SECRET, type TestContext } from '../support/app.ts';
import { newCpr, newUnit, newYouth, putSettings } from '../support/factories.ts';
import { activityReadyVisitation, openJourney, questionnaireAnswers, sendEvent } from '../support/journeys.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

describe.each(engines)('rules through the API on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
  });
  afterAll(() => ctx.close());

  it('evaluates eligibility without a journey, with the explanation in both languages', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/rules/eligibility/evaluate',
      headers: unit.caseworker.headers,
      payload: { age: 31, category: 'activity_ready', barriers: [], returning: false },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      eligible: false,
      code: 'age_above_maximum',
      explanation: {
        da: 'Ikke i målgruppen: alderen 31 er over 29.',
        en: 'Not in the target group: age 31 is above 29.',
      },
      ruleSetVersion: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
  });

  it('suggests a visitation category with its reasons', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/rules/visitation/suggest',
      headers: unit.caseworker.headers,
      payload: { profile: 'A', barriers: [], answers: questionnaireAnswers() },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().category).toBe('obviously_education_ready');
    expect(response.json().reasons[0]).toMatchObject({ code: 'profile_a_without_barriers', da: expect.any(String) });
  });

  it("applies the municipality's lowered minimum age to later decisions only, and audits the change", async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    const evaluate = () =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/rules/eligibility/evaluate',
        headers: unit.caseworker.headers,
        payload: { age: 17, category: 'activity_ready' },
      });
    expect((await evaluate()).json()).toMatchObject({ eligible: false, code: 'age_below_minimum' });

    const youth = await newYouth(ctx.app, unit.caseworker.headers, { cpr: newCpr('2009-06-01') });
    const before = await openJourney(ctx.app, unit.caseworker.headers, youth.id);
    await sendEvent(ctx.app, unit.caseworker.headers, before.id, {
      type: 'FIRST_CONVERSATION_HELD',
      mode: 'in_person',
    });
    const rejected = await sendEvent(ctx.app, unit.caseworker.headers, before.id, activityReadyVisitation());
    expect(rejected.json().stage).toBe('redirected');

    const put = await ctx.app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: unit.admin.headers,
      payload: { version: 1, eligibility: { minAge: 15 } },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({
      version: 2,
      eligibility: { minAge: 15 },
      randomisation: { enabled: false, controlShare: 0.5 },
      risk: {},
      lawSwitchDates: {},
      accessExport: { colleagueNames: false },
      retention: { personalDataYears: 5, auditYears: 5 },
      youthLogin: { sessionDays: 30 },
      webhook: { url: null, secretSet: false },
    });
    expect((await evaluate()).json()).toMatchObject({ eligible: true, code: 'eligible_activity_ready' });

    // The earlier decision keeps the threshold it was made with.
    const kept = await ctx.app.inject({
      method: 'GET',
      url: `/api/journeys/${before.id}`,
      headers: unit.caseworker.headers,
    });
    const decision = kept.json().decisions.find((d: { ruleSet: string }) => d.ruleSet === 'eligibility');
    expect(decision.facts).toMatchObject({ age: 17, minAge: 18 });

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['details', 'user_id'])
      .where('municipality_id', '=', unit.municipality.id)
      .where('action', '=', 'settings.updated')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ user_id: unit.admin.id, details: { after: { eligibility: { minAge: 15 } } } });
  });

  it('keeps the webhook secret write-only and requires one with a webhook address', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    const put = (webhook: Record<string, unknown>) => putSettings(ctx.app, unit.admin.headers, { webhook });
    const missing = await put({ url: 'https://hooks.example.dk/ungeflow' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('webhook.secret');
    const secret = 'a-very-secret-signing-key';
    const saved = await put({ url: 'https://hooks.example.dk/ungeflow', secret });
    expect(saved.json().webhook).toEqual({ url: 'https://hooks.example.dk/ungeflow', secretSet: true });
    const read = await ctx.app.inject({ method: 'GET', url: '/api/settings', headers: unit.leader.headers });
    expect(read.body).not.toContain(secret);
    // Changing the address keeps the stored secret.
    const moved = await put({ url: 'https://hooks.example.dk/v2' });
    expect(moved.json().webhook).toEqual({ url: 'https://hooks.example.dk/v2', secretSet: true });
    const logged = await ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'settings.updated')
      .execute();
    expect(JSON.stringify(logged)).not.toContain(secret);
  });

  it('refuses settings outside the allowed range, field by field, and lets only admins change them', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    const bad = await ctx.app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: unit.admin.headers,
      payload: { version: 1, eligibility: { minAge: 12, maxAge: 40 } },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['eligibility.maxAge', 'eligibility.minAge']);
    const asCaseworker = await ctx.app.inject({
      method: 'PUT',
      url: '/api/settings',
      headers: unit.caseworker.headers,
      payload: {},
    });
    expect(asCaseworker.statusCode).toBe(403);
  });

  it('draws eligible youth into treatment or control with a seed that reproduces the draw', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    await putSettings(ctx.app, unit.admin.headers, { randomisation: { enabled: true, controlShare: 0.5 } });
    // Draw until both arms were seen (at most 30 draws: a fair draw fails that 2 in 10^9 times).
    const stages = new Set<string>();
    for (let i = 0; i < 30 && stages.size < 2; i++) {
      const youth = await newYouth(ctx.app, unit.caseworker.headers);
      const journey = await openJourney(ctx.app, unit.caseworker.headers, youth.id);
      await sendEvent(ctx.app, unit.caseworker.headers, journey.id, {
        type: 'FIRST_CONVERSATION_HELD',
        mode: 'in_person',
      });
      const decided = (await sendEvent(ctx.app, unit.caseworker.headers, journey.id, activityReadyVisitation())).json();
      const { arm, seed } = decided.context.randomisation;
      expect(armForSeed(seed, 0.5)).toBe(arm);
      expect(decided.stage).toBe(arm === 'control' ? 'control' : 'intake');
      expect(decided.open).toBe(arm !== 'control');
      stages.add(decided.stage);
    }
    expect([...stages].sort()).toEqual(['control', 'intake']);
  });
});

describe('rule files at start-up', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ungeflow-rules-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('stops start-up with a message naming the malformed file and the problem', async () => {
    const good = await readFile(join(defaultRulesDir, 'visitation.json'), 'utf8');
    await writeFile(join(dir, 'visitation.json'), good);
    const broken = JSON.parse(await readFile(join(defaultRulesDir, 'eligibility.json'), 'utf8'));
    broken.rules[0].conditions.all[0].operator = 'isRoughly';
    await writeFile(join(dir, 'eligibility.json'), JSON.stringify(broken));
    await expect(loadRuleSets(dir)).rejects.toThrow(/eligibility\.json[\s\S]*operator/);
  });

  it('starts with the shipped rule files', async () => {
    const ruleSets = await loadRuleSets();
    // The 2025 rules, and the 2027 ones for eligibility and visitation.
    expect(ruleSets.map((r) => `${r.name} ${r.law.id}`).sort()).toEqual([
      'eligibility lab_2019',
      'eligibility lab_2027',
      'risk lab_2019',
      'visitation lab_2019',
      'visitation lab_2027',
    ]);
    const { openDatabase } = await import('../../src/db/database.ts');
    const db = await openDatabase({ engine: 'pglite', dataDir: undefined });
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), db, secret: TEST_SECRET, ruleSets });
    await app.close();
    await db.destroy();
  });
});
