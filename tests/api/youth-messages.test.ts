import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newUnit, newYouth } from '../support/factories.ts';
import { decodeQuotedPrintable, startSmtp } from '../support/smtp.ts';
import { startReceiver, type Receiver } from '../support/webhooks.ts';
import { linkIn, openLink } from '../support/youth-login.ts';

const MAIL_FROM = 'Ungeflow Aarhus <ungeflow@aarhus.dk>';
const GATEWAY_TOKEN = 'gateway-token-0123456789';
/** A municipality's gateway that wants its own shape: the number as digits, the text, a sender. */
const GATEWAY_TEMPLATE = '{"recipients":[{"msisdn":"{{msisdn}}"}],"message":"{{text}}","sender":"{{sender}}"}';

/** A loopback port nobody listens on: a gateway that cannot be reached. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(engines)('Messages to youth through a real SMTP server and SMS gateway on %s', (engine) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let gateway: Receiver;
  let ctx: TestContext;
  let unreachable: TestContext;
  beforeAll(async () => {
    smtp = await startSmtp();
    gateway = await startReceiver();
    const env = {
      SMTP_URL: smtp.url,
      MAIL_FROM,
      SMS_GATEWAY_TOKEN: GATEWAY_TOKEN,
      SMS_GATEWAY_TEMPLATE: GATEWAY_TEMPLATE,
      SMS_SENDER: 'Aarhus',
    };
    ctx = await startTestApp(engine, { env: { ...env, SMS_GATEWAY_URL: gateway.url } });
    unreachable = await startTestApp(engine, {
      env: { ...env, SMS_GATEWAY_URL: `http://127.0.0.1:${await closedPort()}/sms` },
    });
  });
  afterAll(async () => {
    await Promise.all([ctx.close(), unreachable.close()]);
    await Promise.all([smtp.close(), gateway.close()]);
  });

  async function youthOf(app: TestContext) {
    const unit = await newUnit(app.app, app.db);
    const youth = await newYouth(app.app, unit.caseworker.headers, {
      name: 'Sofie Marie Hansen',
      phone: '12 34 56 78',
      email: `sofie.${Date.now()}@example.dk`,
    });
    const invite = (channel: 'sms' | 'email') =>
      app.app.inject({
        method: 'POST',
        url: `/api/youth/${youth.id}/invitations`,
        headers: unit.caseworker.headers,
        payload: { channel },
      });
    return { unit, youth, invite };
  }

  const messagesTo = (app: TestContext, youthId: string) =>
    app.db.selectFrom('outgoing_message').selectAll().where('youth_id', '=', youthId).execute();

  /** Logs in with the link and asks a youth route: the youth is logged in on this phone. */
  async function logsIn(app: TestContext, link: string) {
    const { posted, cookie } = await openLink(app.app, link);
    expect(posted.statusCode).toBe(303);
    expect(cookie).toBeDefined();
    const devices = await app.app.inject({ method: 'GET', url: '/api/my/devices', headers: { cookie: cookie! } });
    expect(devices.statusCode).toBe(200);
  }

  it('sends the invitation by e-mail through the SMTP server, from the configured sender, and its link logs the youth in', async () => {
    const { youth, invite } = await youthOf(ctx);
    const email = (
      await ctx.db.selectFrom('youth').select('email').where('id', '=', youth.id).executeTakeFirstOrThrow()
    ).email!;
    const before = smtp.received.length;
    const answer = await invite('email');
    expect(answer.statusCode).toBe(201);
    expect(smtp.received.length).toBe(before + 1);
    const mail = smtp.received.at(-1)!;
    expect(mail.to).toEqual([email]);
    expect(mail.raw).toMatch(/^From: Ungeflow Aarhus <ungeflow@aarhus\.dk>$/m);
    const text = decodeQuotedPrintable(mail.raw);
    expect(text).toContain('Hej Sofie');
    expect(text).not.toContain('Hansen');
    expect(text).not.toContain(youth.enteredCpr);
    expect(text).not.toContain(youth.enteredCpr.replace('-', ''));

    // The outbox records it as sent over SMTP, without the link that only the youth should hold.
    const [message] = await messagesTo(ctx, youth.id);
    expect(message).toMatchObject({ channel: 'email', transport: 'smtp', status: 'sent', recipient: email });
    expect(message!.body).toContain('/mit-forloeb/link/…');
    expect(message!.body).not.toMatch(/link\/ufi_/);

    await logsIn(ctx, linkIn(text));
  });

  it('sends the invitation by SMS to the gateway with its token and template, and its link logs the youth in', async () => {
    const { youth, invite } = await youthOf(ctx);
    const before = gateway.requests.length;
    expect((await invite('sms')).statusCode).toBe(201);
    expect(gateway.requests.length).toBe(before + 1);
    const request = gateway.requests.at(-1)!;
    expect(request.headers.authorization).toBe(`Bearer ${GATEWAY_TOKEN}`);
    expect(request.headers['content-type']).toBe('application/json');
    const body = JSON.parse(request.body) as { recipients: Array<{ msisdn: string }>; message: string; sender: string };
    expect(body.recipients).toEqual([{ msisdn: '4512345678' }]);
    expect(body.sender).toBe('Aarhus');
    expect(body.message).toMatch(/^Hej Sofie\. /);
    expect(body.message).not.toContain('Hansen');
    expect(body.message).not.toContain(youth.enteredCpr);

    const [message] = await messagesTo(ctx, youth.id);
    expect(message).toMatchObject({ channel: 'sms', transport: 'http', status: 'sent', recipient: '12 34 56 78' });
    expect(message!.body).toContain('/mit-forloeb/link/…');
    expect(message!.body).not.toMatch(/link\/ufi_/);

    await logsIn(ctx, linkIn(body.message));
  });

  /** The caseworker's answer when the SMS did not leave, and what is left in the database. */
  async function refusedSms(app: TestContext, expectedError: RegExp) {
    const { unit, youth, invite } = await youthOf(app);
    const answer = await invite('sms');
    expect(answer.statusCode).toBe(502);
    const error = answer.json<{
      error: { code: string; message: string; details: Array<{ field: string; message: string }> };
    }>().error;
    expect(error.code).toBe('message_not_sent');
    expect(error.message).toBe('Beskeden kunne ikke sendes. Prøv igen om lidt, eller tjek telefonnummer og e-mail.');
    expect(error.details).toEqual([
      {
        field: 'channel',
        message:
          "Sms'en til 12 34 56 78 kunne ikke sendes: sms-tjenesten svarede ikke som den skulle. Prøv igen om lidt, eller send linket på e-mail.",
      },
    ]);

    const messages = await messagesTo(app, youth.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: 'sms', transport: 'http', status: 'failed' });
    expect(messages[0]!.error).toMatch(expectedError);

    // Nothing half-done: the link that never arrived is withdrawn, and the audit says so.
    const invitations = await app.db
      .selectFrom('youth_invitation')
      .select(['expires_at', 'created_at', 'used_at'])
      .where('youth_id', '=', youth.id)
      .execute();
    expect(invitations).toHaveLength(1);
    expect(invitations[0]!.expires_at.getTime()).toBeLessThanOrEqual(Date.now());
    expect(invitations[0]!.used_at).toBeNull();
    const audit = await app.db
      .selectFrom('audit_log')
      .select('action')
      .where('youth_id', '=', youth.id)
      .where('action', 'like', 'youth_login.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['youth_login.invited', 'youth_login.invitation_not_sent']);
    return { ...youth, caseworkerHeaders: unit.caseworker.headers };
  }

  it('answers a gateway that fails with a clear Danish error on the channel and records the message as failed', async () => {
    gateway.answer(500);
    try {
      await refusedSms(ctx, /answered 500/);
    } finally {
      gateway.answer(200);
    }
  });

  it('answers a gateway that cannot be reached the same way, and e-mail still goes out', async () => {
    const youth = await refusedSms(unreachable, /could not be reached: .*ECONNREFUSED/);
    const unit = await unreachable.db
      .selectFrom('youth')
      .select('email')
      .where('id', '=', youth.id)
      .executeTakeFirstOrThrow();
    const before = smtp.received.length;
    const invitation = await unreachable.app.inject({
      method: 'POST',
      url: `/api/youth/${youth.id}/invitations`,
      headers: youth.caseworkerHeaders,
      payload: { channel: 'email' },
    });
    expect(invitation.statusCode).toBe(201);
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([[unit.email]]);
    await logsIn(unreachable, linkIn(decodeQuotedPrintable(smtp.received.at(-1)!.raw)));
  });

  it("shows the caseworker the gateway's refusal on the youth's page, in Danish, next to the channel", async () => {
    const { unit, youth } = await youthOf(unreachable);
    const page = await unreachable.app.inject({
      method: 'GET',
      url: `/unge/${youth.id}`,
      headers: unit.caseworker.headers,
    });
    expect(page.statusCode).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const csrfCookie = page.cookies.find((c) => c.name === 'ungeflow_csrf')?.value ?? '';
    const posted = await unreachable.app.inject({
      method: 'POST',
      url: `/unge/${youth.id}/mit-forloeb`,
      headers: { cookie: `${unit.caseworker.headers.cookie}; ungeflow_csrf=${csrfCookie}` },
      payload: { _csrf: csrf, 'invite-channel': 'sms', 'invite-lang': 'da' },
    });
    expect(posted.statusCode).toBe(502);
    expect(posted.body).toContain('id="e-invite-channel"');
    expect(posted.body).toContain('sms-tjenesten svarede ikke som den skulle');
  });
});
