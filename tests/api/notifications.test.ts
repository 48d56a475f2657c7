import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, sendDigests } from '../../src/alerts/digest.service.ts';
import { signWebhookBody } from '../../src/alerts/webhook.service.ts';
import { engines } from '../support/engines.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { newUnit, newYouth, putSettings } from '../support/factories.ts';
import { openJourney } from '../support/journeys.ts';
import { decodeQuotedPrintable, startSmtp } from '../support/smtp.ts';
import { deliverDue, RECEIVER_ENV, startReceiver } from '../support/webhooks.ts';

const NOW = new Date('2026-11-22T10:00:00Z');

describe.each(engines)('alert notifications on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW, env: RECEIVER_ENV });
  });
  afterAll(() => ctx.close());

  it('mails the leaders a Danish digest of new alerts, without naming any youth, once', async () => {
    const smtp = await startSmtp();
    try {
      const unit = await newUnit(ctx.app, ctx.db);
      const youth = await newYouth(ctx.app, unit.caseworker.headers, { name: 'Hemmelig Hansen' });
      await openJourney(ctx.app, unit.caseworker.headers, youth.id, { firstContactAt: '2026-11-01' });
      const mailer = createMailer({ smtpUrl: smtp.url, from: 'Ungeflow <ungeflow@kommune.dk>', log: ctx.app.log });
      const deps = { db: ctx.db, clock: ctx.clock, mailer, publicUrl: 'https://ungeflow.kommune.dk' };
      const outcome = await sendDigests(deps);
      expect(outcome.mails).toBeGreaterThanOrEqual(1);
      const mail = smtp.received.find((m) => m.to.includes(unit.leader.email));
      expect(mail).toBeDefined();
      const raw = decodeQuotedPrintable(mail?.raw ?? '');
      expect(raw).toMatch(/Subject: Ungeflow: 1 ny og 1 eskaleret advarsel/);
      expect(raw).toContain('Første samtale ikke holdt i tide');
      expect(raw).toContain('https://ungeflow.kommune.dk/advarsler');
      expect(raw).not.toContain('Hemmelig');
      // Nothing new since: no second mail.
      const before = smtp.received.length;
      await sendDigests(deps);
      expect(smtp.received.length).toBe(before);
    } finally {
      await smtp.close();
    }
  });

  it('posts each new alert to the municipality webhook, signed with HMAC-SHA256, and retries a failure', async () => {
    const receiver = await startReceiver();
    const failing = await startReceiver(503);
    try {
      const unit = await newUnit(ctx.app, ctx.db);
      const secret = 'webhook-signing-secret-0123';
      expect(
        (await putSettings(ctx.app, unit.admin.headers, { webhook: { url: failing.url, secret } })).statusCode,
      ).toBe(200);
      const youth = await newYouth(ctx.app, unit.caseworker.headers);
      const journey = await openJourney(ctx.app, unit.caseworker.headers, youth.id, { firstContactAt: '2026-11-01' });

      const first = await deliverDue(ctx);
      expect(first).toMatchObject({ delivered: 0, failed: 1 });
      expect(failing.requests).toHaveLength(1);

      // The receiver is back at another address; the retry waits a minute, then goes through.
      expect((await putSettings(ctx.app, unit.admin.headers, { webhook: { url: receiver.url } })).statusCode).toBe(200);
      expect((await deliverDue(ctx)).delivered).toBe(0);
      ctx.setNow(new Date(NOW.getTime() + 61_000));
      expect((await deliverDue(ctx)).delivered).toBe(1);

      const [request] = receiver.requests;
      expect(request?.headers['content-type']).toBe('application/json');
      expect(request?.headers['x-ungeflow-signature']).toBe(signWebhookBody(request?.body ?? '', secret));
      const payload = JSON.parse(request?.body ?? '{}');
      expect(payload).toMatchObject({
        type: 'alert.opened',
        alert: { journeyId: journey.id, code: 'first_conversation_overdue', severity: 'high' },
      });
      expect(request?.body).not.toContain(youth.name);
    } finally {
      ctx.setNow(NOW);
      await receiver.close();
      await failing.close();
    }
  });
});
