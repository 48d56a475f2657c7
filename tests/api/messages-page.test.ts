import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newUnit, newYouth } from '../support/factories.ts';
import { linkIn, openLink } from '../support/youth-login.ts';

describe.each(engines)("The administrator's outbox page on %s", (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await startTestApp(engine);
  });
  afterAll(() => ctx.close());

  it('shows the invitation, newest first, with a masked recipient; its link logs the youth in; reading is audited', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    const youth = await newYouth(ctx.app, unit.caseworker.headers, {
      name: 'Sofie Marie Hansen',
      phone: '12 34 56 78',
      email: 'sofie@example.dk',
    });
    for (const channel of ['email', 'sms'] as const) {
      const sent = await ctx.app.inject({
        method: 'POST',
        url: `/api/youth/${youth.id}/invitations`,
        headers: unit.caseworker.headers,
        payload: { channel },
      });
      expect(sent.statusCode).toBe(201);
    }

    const page = await ctx.app.inject({ method: 'GET', url: '/admin/beskeder', headers: unit.admin.headers });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Sendte beskeder');
    expect(page.body).toContain('href="/admin/beskeder"');
    const items = page.body.split('data-testid="message"').slice(1);
    expect(items).toHaveLength(2);
    // Newest first: the SMS, to a masked number; then the e-mail, to a masked address.
    expect(items[0]).toContain('12 •• •• 78');
    expect(items[0]).not.toContain('12 34 56 78');
    expect(items[1]).toContain('so•••@example.dk');
    expect(items[0]).toContain('Sofie Marie Hansen');
    expect(items[0]).toContain('Kun her');

    const { posted, cookie } = await openLink(ctx.app, linkIn(items[0]!.replaceAll('&#x2F;', '/')));
    expect(posted.statusCode).toBe(303);
    expect(cookie).toBeDefined();

    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['user_id', 'action'])
      .where('action', '=', 'messages.read')
      .where('municipality_id', '=', unit.municipality.id)
      .execute();
    expect(audit).toEqual([{ user_id: unit.admin.id, action: 'messages.read' }]);

    const english = await ctx.app.inject({
      method: 'GET',
      url: '/admin/beskeder?lang=en',
      headers: unit.admin.headers,
    });
    expect(english.body).toContain('Sent messages');
  });

  it('is for administrators only', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    for (const role of ['caseworker', 'leader'] as const) {
      const page = await ctx.app.inject({ method: 'GET', url: '/admin/beskeder', headers: unit[role].headers });
      expect(page.statusCode).toBe(403);
    }
  });
});
