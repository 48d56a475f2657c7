import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhookBody } from '../../src/alerts/webhook.service.ts';
import { createMigrator, migrateToLatest } from '../../src/db/migrator.ts';
import { startTestApp, type TestContext } from '../support/app.ts';
import { engines } from '../support/engines.ts';
import { newUnit } from '../support/factories.ts';
import {
  deliverDue,
  failedDelivery,
  MAX_ATTEMPTS,
  RECEIVER_ENV,
  startReceiver,
  WEBHOOK_SECRET,
} from '../support/webhooks.ts';

const NOW = new Date('2026-12-05T10:00:00Z');

type Headers = { cookie: string };
interface Delivery {
  id: string;
  alertId: string;
  alertCode: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  failedAt: string | null;
}

describe.each(engines)('failed webhook deliveries on %s', (engine) => {
  let ctx: TestContext & { setNow(d: Date): void };
  beforeAll(async () => {
    ctx = await startTestApp(engine, { now: NOW, env: RECEIVER_ENV });
  });
  afterAll(() => ctx.close());

  const list = async (headers: Headers, status = 'failed') => {
    const response = await ctx.app.inject({ method: 'GET', url: `/api/webhooks/deliveries?status=${status}`, headers });
    expect(response.statusCode).toBe(200);
    return response.json<{ items: Delivery[]; total: number }>();
  };
  const retry = (headers: Headers, id: string) =>
    ctx.app.inject({ method: 'POST', url: `/api/webhooks/deliveries/${id}/retry`, headers });

  it('keeps a delivery failed after its last attempt, and delivers it once an administrator sends it again', async () => {
    ctx.setNow(NOW);
    const receiver = await startReceiver(500);
    try {
      const unit = await newUnit(ctx.app, ctx.db);
      const { failedAt } = await failedDelivery(ctx, unit, receiver.url);
      expect(receiver.requests).toHaveLength(MAX_ATTEMPTS);

      // Listed for the administrator with what the last attempt got; no payload.
      const failed = await list(unit.admin.headers);
      expect(failed.total).toBe(1);
      const [delivery] = failed.items;
      expect(delivery).toMatchObject({
        alertCode: 'first_conversation_overdue',
        attempts: MAX_ATTEMPTS,
        lastError: 'HTTP 500',
        failedAt: failedAt.toISOString(),
      });
      expect(delivery).not.toHaveProperty('payload');
      expect((await list(unit.admin.headers, 'pending')).total).toBe(0);

      // Failed is final: later delivery runs leave it alone (a ninth attempt would have been due
      // 128 minutes after the eighth).
      ctx.setNow(new Date(failedAt.getTime() + 4 * 3_600_000));
      await deliverDue(ctx);
      expect(receiver.requests).toHaveLength(MAX_ATTEMPTS);

      // The receiver is mended; sent again, it goes out with the next run.
      receiver.answer(200);
      const retried = await retry(unit.admin.headers, delivery?.id ?? '');
      expect(retried.statusCode).toBe(200);
      expect(retried.json()).toMatchObject({ id: delivery?.id, attempts: 0, failedAt: null, lastError: 'HTTP 500' });
      expect((await list(unit.admin.headers)).total).toBe(0);
      expect((await list(unit.admin.headers, 'pending')).items.map((d) => d.id)).toEqual([delivery?.id]);

      expect(await deliverDue(ctx)).toMatchObject({ delivered: 1, failed: 0 });
      expect(receiver.requests).toHaveLength(MAX_ATTEMPTS + 1);
      const last = receiver.requests.at(-1);
      expect(last?.headers['x-ungeflow-delivery']).toBe(delivery?.id);
      expect(last?.headers['x-ungeflow-signature']).toBe(signWebhookBody(last?.body ?? '', WEBHOOK_SECRET));
      expect(JSON.parse(last?.body ?? '{}')).toMatchObject({ alert: { id: delivery?.alertId } });
      expect((await list(unit.admin.headers, 'pending')).total).toBe(0);

      // Sending again is in the audit log, with what had failed.
      const audit = await ctx.app.inject({
        method: 'GET',
        url: '/api/audit?action=webhook.delivery_retried',
        headers: unit.admin.headers,
      });
      expect(audit.json().items).toEqual([
        expect.objectContaining({
          userId: unit.admin.id,
          details: {
            deliveryId: delivery?.id,
            alertId: delivery?.alertId,
            attempts: MAX_ATTEMPTS,
            lastError: 'HTTP 500',
          },
        }),
      ]);
    } finally {
      await receiver.close();
    }
  });

  it("names a network error, and shows and retries only the administrator's own municipality's deliveries", async () => {
    ctx.setNow(NOW);
    // A receiver that is gone: the port refuses the connection.
    const gone = await startReceiver();
    await gone.close();
    const unit = await newUnit(ctx.app, ctx.db);
    const other = await newUnit(ctx.app, ctx.db);
    await failedDelivery(ctx, unit, gone.url);
    const [delivery] = (await list(unit.admin.headers)).items;
    expect(delivery?.lastError).toBe('fetch failed (ECONNREFUSED)');
    const id = delivery?.id ?? '';

    expect((await list(other.admin.headers)).total).toBe(0);
    expect((await retry(other.admin.headers, id)).statusCode).toBe(404);
    for (const user of [unit.caseworker, unit.leader]) {
      expect((await retry(user.headers, id)).statusCode).toBe(403);
      const listed = await ctx.app.inject({ method: 'GET', url: '/api/webhooks/deliveries', headers: user.headers });
      expect(listed.statusCode).toBe(403);
    }
    expect((await retry(unit.admin.headers, 'not-a-number')).statusCode).toBe(400);

    // Sent again once; a second time (a second tab, a colleague) is a conflict, not a second queueing.
    expect((await retry(unit.admin.headers, id)).statusCode).toBe(200);
    const again = await retry(unit.admin.headers, id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('conflict');
  });

  it('marks a delivery that used up its attempts before failures were kept as failed at its last attempt', async () => {
    ctx.setNow(NOW);
    const gone = await startReceiver();
    await gone.close();
    const unit = await newUnit(ctx.app, ctx.db);
    const { failedAt } = await failedDelivery(ctx, unit, gone.url);
    const [delivery] = (await list(unit.admin.headers)).items;
    const id = delivery?.id ?? '';

    // Back to the version before: the last attempt planned the next 128 minutes on and no more.
    const result = await createMigrator(ctx.db).migrateTo('20261201T1100-match-versions');
    expect(result.error).toBeUndefined();
    await ctx.db
      .updateTable('webhook_delivery')
      .set({ next_attempt_at: new Date(failedAt.getTime() + 128 * 60_000) })
      .where('id', '=', id)
      .execute();
    await migrateToLatest(ctx.db);

    const [after] = (await list(unit.admin.headers)).items;
    expect(after).toMatchObject({ id, attempts: MAX_ATTEMPTS, failedAt: failedAt.toISOString() });
  });
});
