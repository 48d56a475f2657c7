import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.ts';
import { findSettings } from '../municipalities/settings.repository.ts';
import { municipalitySettingsSchema } from '../municipalities/settings.schemas.ts';
import type { Alert } from './alert.repository.ts';

/** The JSON a municipality's webhook receives for each new alert: no name, no CPR number. */
export function webhookPayload(alert: Alert) {
  return {
    type: 'alert.opened',
    alert: {
      id: alert.id,
      journeyId: alert.journeyId,
      youthId: alert.youthId,
      code: alert.code,
      severity: alert.severity,
      forLeader: alert.forLeader,
      openedAt: alert.openedAt.toISOString(),
      explanation: alert.explanation,
    },
  };
}

/** `sha256=<hex>` over the exact body sent, with the municipality's secret. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Queues one delivery per new alert of a municipality that has a webhook. */
export async function enqueueWebhooks(trx: Db, alerts: readonly Alert[], now: Date): Promise<void> {
  if (alerts.length === 0) return;
  const municipalities = await trx
    .selectFrom('municipality')
    .select(['id', 'settings'])
    .where('id', 'in', [...new Set(alerts.map((a) => a.municipalityId))])
    .execute();
  const withWebhook = new Set(
    municipalities.filter((m) => municipalitySettingsSchema.parse(m.settings).webhook.url).map((m) => m.id),
  );
  const rows = alerts.filter((a) => withWebhook.has(a.municipalityId));
  // In slices: a national sweep may open more alerts than one statement takes parameters.
  for (let i = 0; i < rows.length; i += 2000) {
    await trx
      .insertInto('webhook_delivery')
      .values(
        rows.slice(i, i + 2000).map((a) => ({
          municipality_id: a.municipalityId,
          alert_id: a.id,
          payload: JSON.stringify(webhookPayload(a)),
          next_attempt_at: now,
        })),
      )
      .execute();
  }
}

const MAX_ATTEMPTS = 8;
const CLAIM_MS = 5 * 60_000;

/**
 * Sends what is due. A failure is retried with a growing delay (1, 2, 4 ... minutes) up to
 * MAX_ATTEMPTS; the payload is never logged.
 */
export async function deliverWebhooks(
  db: Db,
  log: FastifyBaseLogger,
  now: () => Date,
  options: { timeoutMs?: number; limit?: number } = {},
): Promise<{ delivered: number; failed: number }> {
  // Claim what is due before sending: another instance skips claimed rows, and a claim that is
  // never settled (a crash mid-send) runs out after CLAIM_MS and is tried again.
  const due = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('webhook_delivery')
      .selectAll()
      .where('delivered_at', 'is', null)
      .where('attempts', '<', MAX_ATTEMPTS)
      .where('next_attempt_at', '<=', now())
      .orderBy('id')
      .limit(options.limit ?? 100)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length) {
      await trx
        .updateTable('webhook_delivery')
        .set({ next_attempt_at: new Date(now().getTime() + CLAIM_MS) })
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
    }
    return rows;
  });
  let delivered = 0;
  let failed = 0;
  for (const delivery of due) {
    const settings = await findSettings(db, delivery.municipality_id);
    const { url, secret } = settings.webhook;
    let error: string | null = null;
    if (!url || !secret) {
      error = 'webhook not configured';
    } else {
      const body = JSON.stringify(delivery.payload);
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-ungeflow-signature': signWebhookBody(body, secret),
            'x-ungeflow-delivery': String(delivery.id),
          },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        });
        if (!response.ok) error = `HTTP ${response.status}`;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    const attempts = delivery.attempts + 1;
    if (error === null) {
      delivered += 1;
      await db
        .updateTable('webhook_delivery')
        .set({ delivered_at: now(), attempts, last_error: null })
        .where('id', '=', delivery.id)
        .execute();
    } else {
      failed += 1;
      log.warn({ deliveryId: delivery.id, attempts, error }, 'webhook delivery failed');
      await db
        .updateTable('webhook_delivery')
        .set({
          attempts,
          last_error: error,
          next_attempt_at: new Date(now().getTime() + 60_000 * 2 ** (attempts - 1)),
        })
        .where('id', '=', delivery.id)
        .execute();
    }
  }
  return { delivered, failed };
}
