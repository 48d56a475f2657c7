import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newUnit, newYouth, putSettings } from '../support/factories.ts';
import { linkIn, linkInOutbox, openLink as openLinkIn, youthSession } from '../support/youth-login.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(engines)("The young person's log-in on %s", (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  beforeAll(async () => {
    ctx = await startTestApp(engine, { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(() => ctx.close());

  /** Opens the link as a phone's browser does: the page with the button, then the button's POST. */
  async function openLink(link: string, userAgent?: string) {
    const opened = await openLinkIn(ctx.app, link, userAgent);
    expect(opened.shown.statusCode).toBe(200);
    return opened;
  }

  async function invited(channel: 'sms' | 'email' = 'sms') {
    const unit = await newUnit(ctx.app, ctx.db);
    const youth = await newYouth(ctx.app, unit.caseworker.headers, {
      name: 'Sofie Marie Hansen',
      phone: '12 34 56 78',
      email: 'sofie@example.dk',
    });
    const invitation = await ctx.app.inject({
      method: 'POST',
      url: `/api/youth/${youth.id}/invitations`,
      headers: unit.caseworker.headers,
      payload: { channel },
    });
    expect(invitation.statusCode).toBe(201);
    return { unit, youth, invitation };
  }

  const audit = (youthId: string) =>
    ctx.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'details'])
      .where('youth_id', '=', youthId)
      .where('action', 'like', 'youth_login.%')
      .orderBy('id')
      .execute();

  it('sends a one-time link by SMS to the outbox, with the first name and no CPR number, which logs the youth in', async () => {
    const { unit, youth, invitation } = await invited('sms');
    expect(invitation.json()).toMatchObject({ channel: 'sms', to: '12 34 56 78' });
    const message = await ctx.db
      .selectFrom('outgoing_message')
      .selectAll()
      .where('youth_id', '=', youth.id)
      .executeTakeFirstOrThrow();
    expect(message).toMatchObject({ channel: 'sms', transport: 'outbox', status: 'sent', recipient: '12 34 56 78' });
    expect(message.body).toContain('Hej Sofie.');
    expect(message.body).not.toContain('Hansen');
    expect(message.body).not.toContain(youth.enteredCpr.replace('-', ''));
    expect(message.body).not.toContain(youth.enteredCpr);

    const { posted, cookie, maxAge } = await openLink(linkIn(message.body));
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/mit-forloeb');
    expect(cookie).toBeDefined();
    expect(maxAge).toBe(30 * 86_400);

    const devices = await ctx.app.inject({ method: 'GET', url: '/api/my/devices', headers: { cookie: cookie! } });
    expect(devices.statusCode).toBe(200);
    expect(devices.json().items).toEqual([
      expect.objectContaining({ device: 'Safari, iPhone', method: 'link', current: true }),
    ]);

    const entries = await audit(youth.id);
    expect(entries.map((e) => e.action)).toEqual(['youth_login.invited', 'youth_login.login_succeeded']);
    expect(entries[0]).toMatchObject({ user_id: unit.caseworker.id, details: { channel: 'sms' } });
    expect(entries[1]).toMatchObject({ user_id: null, details: { by: 'youth', method: 'link' } });
  });

  it('keeps the link out of the request log', async () => {
    const { youth } = await invited('email');
    const link = await linkInOutbox(ctx.db, youth.id);
    const token = new URL(link).pathname.split('/').pop()!;
    await openLink(link);
    expect(ctx.logLines.some((line) => line.includes('/mit-forloeb/link/…'))).toBe(true);
    expect(ctx.logLines.filter((line) => line.includes(token) && !line.includes('"kind":"invitation"'))).toEqual([]);
  });

  it('refuses a link used once already, and a link older than 24 hours, and audits why', async () => {
    const { youth } = await invited();
    const link = await linkInOutbox(ctx.db, youth.id);
    expect((await openLink(link)).posted.statusCode).toBe(303);
    const second = await openLink(link);
    expect(second.posted.statusCode).toBe(410);
    expect(second.cookie).toBeUndefined();
    expect(second.posted.body).toContain('Linket virker ikke længere');

    const start = new Date();
    const { youth: late } = await invited();
    const lateLink = await linkInOutbox(ctx.db, late.id);
    try {
      ctx.setNow(new Date(start.getTime() + 24 * HOUR + 60_000));
      expect((await openLink(lateLink)).posted.statusCode).toBe(410);
    } finally {
      ctx.setNow(new Date());
    }
    const reasons = [...(await audit(youth.id)), ...(await audit(late.id))]
      .filter((e) => e.action === 'youth_login.login_failed')
      .map((e) => e.details.reason);
    expect(reasons).toEqual(['link_used', 'link_expired']);

    const forged = await openLink(link.replace(/link\/.*$/, 'link/ufi_forged'));
    expect(forged.posted.statusCode).toBe(410);
  });

  it('keeps a device logged in for the days the municipality sets, 30 unless changed', async () => {
    const { unit, youth } = await invited();
    expect((await putSettings(ctx.app, unit.admin.headers, { youthLogin: { sessionDays: 2 } })).statusCode).toBe(200);
    const start = new Date();
    const { cookie, maxAge } = await openLink(await linkInOutbox(ctx.db, youth.id));
    expect(maxAge).toBe(2 * 86_400);
    const devices = () => ctx.app.inject({ method: 'GET', url: '/api/my/devices', headers: { cookie: cookie! } });
    try {
      ctx.setNow(new Date(start.getTime() + 2 * DAY - 60_000));
      expect((await devices()).statusCode).toBe(200);
      ctx.setNow(new Date(start.getTime() + 2 * DAY + 60_000));
      expect((await devices()).statusCode).toBe(401);
    } finally {
      ctx.setNow(new Date());
    }
  });

  it('logs out on this device, or on every device, and audits both with the youth as actor', async () => {
    const { unit } = await invited();
    const youth = await newYouth(ctx.app, unit.caseworker.headers);
    const phone = await youthSession(ctx.db, youth.id);
    const laptop = await youthSession(ctx.db, youth.id, {
      userAgent: 'Mozilla/5.0 (Windows NT 10.0) Gecko/20100101 Firefox/128.0',
    });
    const tablet = await youthSession(ctx.db, youth.id);
    const devices = (cookie: string) => ctx.app.inject({ method: 'GET', url: '/api/my/devices', headers: { cookie } });
    expect(
      (await devices(phone.cookie))
        .json()
        .items.map((d: { device: string }) => d.device)
        .sort(),
    ).toEqual(['Chrome, Android', 'Chrome, Android', 'Firefox, Windows']);

    const out = await ctx.app.inject({ method: 'POST', url: '/api/my/logout', headers: { cookie: tablet.cookie } });
    expect(out.statusCode).toBe(204);
    expect((await devices(tablet.cookie)).statusCode).toBe(401);
    expect((await devices(phone.cookie)).json().items).toHaveLength(2);

    const all = await ctx.app.inject({
      method: 'POST',
      url: '/api/my/devices/logout',
      headers: { cookie: phone.cookie },
    });
    expect(all.json()).toEqual({ devices: 2 });
    expect((await devices(phone.cookie)).statusCode).toBe(401);
    expect((await devices(laptop.cookie)).statusCode).toBe(401);
    const entries = await audit(youth.id);
    expect(entries.filter((e) => e.action !== 'youth_login.login_succeeded')).toEqual([
      { action: 'youth_login.logout', user_id: null, details: { by: 'youth' } },
      { action: 'youth_login.logout_everywhere', user_id: null, details: { by: 'youth', devices: 2 } },
    ]);
  });

  it("keeps youth and staff apart: a youth's cookie opens no staff route, a staff session no youth route", async () => {
    const { unit, youth } = await invited();
    const other = await newYouth(ctx.app, unit.caseworker.headers);
    const { cookie } = await youthSession(ctx.db, youth.id);

    // The youth asks for another youth's data, and their own, through the staff API and pages.
    for (const url of [
      `/api/youth/${other.id}`,
      `/api/youth/${youth.id}`,
      `/api/youth/${other.id}/journeys`,
      '/api/youth',
      '/api/auth/me',
    ]) {
      expect((await ctx.app.inject({ method: 'GET', url, headers: { cookie } })).statusCode, url).toBe(403);
    }
    for (const url of [`/unge/${other.id}`, '/', '/i-dag']) {
      expect((await ctx.app.inject({ method: 'GET', url, headers: { cookie } })).statusCode, url).toBe(403);
    }
    const invite = await ctx.app.inject({
      method: 'POST',
      url: `/api/youth/${other.id}/invitations`,
      headers: { cookie },
      payload: { channel: 'sms' },
    });
    expect(invite.statusCode).toBe(403);

    // A caseworker's session opens none of the youth's routes; a forged cookie neither.
    for (const headers of [
      unit.caseworker.headers,
      { cookie: 'ungeflow_youth=ufy_forged' },
      { cookie: unit.caseworker.headers.cookie.replace('ungeflow_session', 'ungeflow_youth') },
    ]) {
      expect((await ctx.app.inject({ method: 'GET', url: '/api/my/devices', headers })).statusCode).toBe(401);
      const page = await ctx.app.inject({ method: 'GET', url: '/mit-forloeb', headers });
      expect(page.statusCode).toBe(303);
      expect(page.headers.location).toMatch(/^\/mit-forloeb\/log-ind/);
    }
  });

  it('refuses to invite by a channel the youth has no address for, naming the field', async () => {
    const unit = await newUnit(ctx.app, ctx.db);
    const youth = await newYouth(ctx.app, unit.caseworker.headers, { email: 'kun-mail@example.dk' });
    const response = await ctx.app.inject({
      method: 'POST',
      url: `/api/youth/${youth.id}/invitations`,
      headers: unit.caseworker.headers,
      payload: { channel: 'sms' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([
      { field: 'channel', message: 'Den unge har ikke noget telefonnummer.' },
    ]);
    const elsewhere = await newUnit(ctx.app, ctx.db);
    const foreign = await ctx.app.inject({
      method: 'POST',
      url: `/api/youth/${youth.id}/invitations`,
      headers: elsewhere.caseworker.headers,
      payload: { channel: 'email' },
    });
    expect(foreign.statusCode).toBe(404);
  });
});
