import { createHmac } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { findSettings, listSettings } from '../municipalities/settings.repository.ts';
import { webhookTargetProblem } from './webhook-address.ts';
import { DomainError } from '../shared/errors.ts';
import type { Alert } from './alert.repository.ts';
import {
  claimDueDeliveries,
  type DeliveryStatus,
  findDelivery,
  insertDeliveries,
  listDeliveries,
  markAttemptFailed,
  markDelivered,
  requeueDelivery,
  type WebhookDelivery,
} from './webhook.repository.ts';

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
  const municipalities = await listSettings(trx, [...new Set(alerts.map((a) => a.municipalityId))]);
  const withWebhook = new Set(municipalities.filter((m) => m.settings.webhook.url).map((m) => m.municipalityId));
  await insertDeliveries(
    trx,
    alerts
      .filter((a) => withWebhook.has(a.municipalityId))
      .map((a) => ({ municipalityId: a.municipalityId, alertId: a.id, payload: webhookPayload(a), at: now })),
  );
}

const MAX_ATTEMPTS = 8;
const CLAIM_MS = 5 * 60_000;

/** Why an attempt failed, for the administrator: the status code, or the network error and its code. */
function attemptError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // fetch says only "fetch failed"; the cause names what failed (ECONNREFUSED, ENOTFOUND ...).
  const cause = (error as { cause?: { code?: unknown } }).cause?.code;
  return typeof cause === 'string' ? `${error.message} (${cause})` : error.message;
}

/**
 * Sends what is due. A failure is retried with a growing delay (1, 2, 4 ... minutes) up to
 * MAX_ATTEMPTS; then the delivery is marked failed and waits for an administrator to send it
 * again. The payload is never logged.
 */
export async function deliverWebhooks(
  db: Db,
  log: FastifyBaseLogger,
  now: () => Date,
  options: { timeoutMs?: number; limit?: number; allowedHosts?: readonly string[] } = {},
): Promise<{ delivered: number; failed: number }> {
  // Claim what is due before sending: another instance skips claimed rows, and a claim that is
  // never settled (a crash mid-send) runs out after CLAIM_MS and is tried again.
  const due = await db
    .transaction()
    .execute((trx) => claimDueDeliveries(trx, now(), new Date(now().getTime() + CLAIM_MS), options.limit ?? 100));
  let delivered = 0;
  let failed = 0;
  for (const delivery of due) {
    const settings = await findSettings(db, delivery.municipalityId);
    const { url, secret } = settings.webhook;
    let error: string | null = null;
    const refused = url ? await webhookTargetProblem(url, options.allowedHosts ?? []) : null;
    if (!url || !secret) {
      error = 'webhook not configured';
    } else if (refused) {
      error =
        refused === 'webhook_not_https'
          ? 'refused: not https (WEBHOOK_ALLOWED_HOSTS names the hosts exempt)'
          : 'refused: the address is local or private (WEBHOOK_ALLOWED_HOSTS names the hosts exempt)';
    } else {
      const body = JSON.stringify(delivery.payload);
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-ungeflow-signature': signWebhookBody(body, secret),
            'x-ungeflow-delivery': delivery.id,
          },
          body,
          // A redirect is not followed: it could lead where the address itself may not.
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
        });
        if (!response.ok) error = `HTTP ${response.status}`;
      } catch (e) {
        error = attemptError(e);
      }
    }
    const attempts = delivery.attempts + 1;
    if (error === null) {
      delivered += 1;
      await markDelivered(db, delivery.id, attempts, now());
    } else if (attempts >= MAX_ATTEMPTS) {
      failed += 1;
      log.error(
        { deliveryId: delivery.id, municipalityId: delivery.municipalityId, attempts, error },
        'webhook delivery failed after its last attempt; an administrator can send it again',
      );
      await markAttemptFailed(db, delivery.id, { attempts, error, failedAt: now() });
    } else {
      failed += 1;
      log.warn({ deliveryId: delivery.id, attempts, error }, 'webhook delivery failed');
      await markAttemptFailed(db, delivery.id, {
        attempts,
        error,
        nextAttemptAt: new Date(now().getTime() + 60_000 * 2 ** (attempts - 1)),
      });
    }
  }
  return { delivered, failed };
}

/** The municipality's deliveries that failed after their last attempt (or those still waiting). */
export async function findDeliveries(
  db: Db,
  actor: Actor,
  status: DeliveryStatus,
  page: { page: number; pageSize: number },
): Promise<{ items: WebhookDelivery[]; total: number }> {
  return listDeliveries(db, actor.municipalityId, status, {
    limit: page.pageSize,
    offset: (page.page - 1) * page.pageSize,
  });
}

/**
 * Sends a failed delivery again: it goes back in the queue with every attempt, and the next
 * delivery run (each minute) sends it. Only a failed delivery of the administrator's own
 * municipality; one already sent again is a conflict. Written to the audit log.
 */
export async function retryDelivery(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  id: string,
): Promise<WebhookDelivery> {
  return deps.db.transaction().execute(async (trx) => {
    const before = await findDelivery(trx, actor.municipalityId, id);
    if (!before) throw new DomainError('not_found');
    if (!(await requeueDelivery(trx, actor.municipalityId, id, deps.clock()))) throw new DomainError('conflict');
    await appendAudit(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      action: 'webhook.delivery_retried',
      details: { deliveryId: id, alertId: before.alertId, attempts: before.attempts, lastError: before.lastError },
      ip: actor.ip,
      requestId: actor.requestId,
    });
    const after = await findDelivery(trx, actor.municipalityId, id);
    if (!after) throw new DomainError('not_found');
    return after;
  });
}
