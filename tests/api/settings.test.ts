import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newUnit, putSettings } from '../support/factories.ts';

const NOW = new Date('2026-12-01T10:00:00Z');

describe.each(engines)('municipality settings on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW });
  });
  afterAll(() => ctx.close());

  const read = (headers: { cookie: string }) => ctx.app.inject({ method: 'GET', url: '/api/settings', headers });
  const put = (headers: { cookie: string }, payload: Record<string, unknown>) =>
    ctx.app.inject({ method: 'PUT', url: '/api/settings', headers, payload });

  it('requires the version a change was made against and refuses a stale one with the current version', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    expect((await read(unit.leader.headers)).json().version).toBe(1);

    const missing = await put(unit.admin.headers, { eligibility: { minAge: 16 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual(['version']);

    const first = await put(unit.admin.headers, { version: 1, eligibility: { minAge: 16 } });
    expect(first.json()).toMatchObject({ version: 2, eligibility: { minAge: 16 } });
    const stale = await put(unit.admin.headers, { version: 1, randomisation: { enabled: true, controlShare: 0.3 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect((await read(unit.admin.headers)).json()).toMatchObject({
      version: 2,
      eligibility: { minAge: 16 },
      randomisation: { enabled: false, controlShare: 0.5 },
    });
  });

  it('keeps the sections a change leaves out as they were', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    const all = {
      eligibility: { minAge: 15, maxAge: 30 },
      randomisation: { enabled: true, controlShare: 0.25 },
      risk: { passiveDays: 21 },
      webhook: { url: 'https://hooks.example.dk/a', secretSet: true },
    };
    await putSettings(ctx.app, unit.admin.headers, {
      ...all,
      webhook: { url: all.webhook.url, secret: 'a-secret-of-some-length' },
    });
    for (const [section, value] of [
      ['eligibility', { minAge: 16 }],
      ['randomisation', { enabled: false, controlShare: 0.25 }],
      ['risk', { offerDays: 21 }],
      ['webhook', { url: 'https://hooks.example.dk/b' }],
    ] as const) {
      const response = await putSettings(ctx.app, unit.admin.headers, { [section]: value });
      expect(response.statusCode).toBe(200);
      const shown = section === 'webhook' ? { url: value.url, secretSet: true } : value;
      Object.assign(all, { [section]: shown });
      expect(response.json()).toMatchObject(all);
    }
  });

  it('removes the webhook with its secret', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    const url = 'https://hooks.example.dk/ungeflow';
    const saved = await putSettings(ctx.app, unit.admin.headers, {
      webhook: { url, secret: 'a-secret-of-some-length' },
    });
    expect(saved.json().webhook).toEqual({ url, secretSet: true });
    const removed = await putSettings(ctx.app, unit.admin.headers, { webhook: { url: null } });
    expect(removed.json().webhook).toEqual({ url: null, secretSet: false });
    // The old secret is gone: a new address needs a new one.
    const again = await putSettings(ctx.app, unit.admin.headers, { webhook: { url } });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details[0].field).toBe('webhook.secret');
  });

  it('refuses thresholds that do not work with the rule file, in Danish, and saves nothing', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    const message = 'Antal dage for lang passivitet skal være større end antal dage for passivitet.';
    // passiveDays 30 alone would lie above the file's passiveLongDays of 28.
    const alone = await putSettings(ctx.app, unit.admin.headers, { risk: { passiveDays: 30 } });
    expect(alone.statusCode).toBe(400);
    expect(alone.json().error.details).toEqual([{ field: 'risk.passiveLongDays', message }]);
    const both = await putSettings(ctx.app, unit.admin.headers, { risk: { passiveDays: 20, passiveLongDays: 20 } });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details).toEqual([{ field: 'risk.passiveLongDays', message }]);
    expect((await read(unit.admin.headers)).json()).toMatchObject({ version: 1, risk: {} });

    const fine = await putSettings(ctx.app, unit.admin.headers, { risk: { passiveDays: 30, passiveLongDays: 45 } });
    expect(fine.json()).toMatchObject({ version: 2, risk: { passiveDays: 30, passiveLongDays: 45 } });
  });

  it('writes who changed the settings, before and after, to the audit log without the secret', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    const secret = 'never-in-the-audit-log-0123';
    await putSettings(ctx.app, unit.admin.headers, {
      risk: { passiveDays: 21 },
      webhook: { url: 'https://hooks.example.dk/a', secret },
    });
    const audit = await ctx.app.inject({
      method: 'GET',
      url: '/api/audit?action=settings.updated',
      headers: unit.admin.headers,
    });
    expect(audit.json().items).toEqual([
      expect.objectContaining({
        userId: unit.admin.id,
        action: 'settings.updated',
        details: {
          before: expect.objectContaining({ risk: {}, webhook: { url: null, secretSet: false } }),
          after: expect.objectContaining({
            risk: { passiveDays: 21 },
            webhook: { url: 'https://hooks.example.dk/a', secretSet: true },
          }),
        },
      }),
    ]);
    expect(audit.body).not.toContain(secret);
  });

  it('lets leaders read the settings and only administrators change them', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    expect((await read(unit.leader.headers)).statusCode).toBe(200);
    expect((await read(unit.caseworker.headers)).statusCode).toBe(403);
    expect((await put(unit.leader.headers, { version: 1, risk: { passiveDays: 21 } })).statusCode).toBe(403);
  });
});
