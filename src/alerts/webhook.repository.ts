import type { Db } from '../db/database.ts';

/** Waiting to be sent (perhaps after failed attempts), or given up after the last attempt. */
export type DeliveryStatus = 'pending' | 'failed';

/** One new alert on its way to a municipality's webhook, as an administrator sees it: no payload. */
export interface WebhookDelivery {
  id: string;
  alertId: string;
  alertCode: string;
  attempts: number;
  /** The status code or the error of the last attempt; never the payload or a person's data. */
  lastError: string | null;
  nextAttemptAt: Date;
  /** When the last attempt failed; null while the delivery is still tried. */
  failedAt: Date | null;
}

/** A delivery due to be sent, with what is sent. */
export interface DueDelivery {
  id: string;
  municipalityId: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export async function insertDeliveries(
  db: Db,
  rows: ReadonlyArray<{ municipalityId: string; alertId: string; payload: object; at: Date }>,
): Promise<void> {
  // In slices: a national sweep may open more alerts than one statement takes parameters.
  for (let i = 0; i < rows.length; i += 2000) {
    await db
      .insertInto('webhook_delivery')
      .values(
        rows.slice(i, i + 2000).map((r) => ({
          municipality_id: r.municipalityId,
          alert_id: r.alertId,
          payload: JSON.stringify(r.payload),
          next_attempt_at: r.at,
        })),
      )
      .execute();
  }
}

/**
 * Claims the deliveries due at `now` until `claimUntil`, skipping those another instance holds.
 * Run in a transaction: the rows stay locked until the claim is written.
 */
export async function claimDueDeliveries(trx: Db, now: Date, claimUntil: Date, limit: number): Promise<DueDelivery[]> {
  const rows = await trx
    .selectFrom('webhook_delivery')
    .select(['id', 'municipality_id', 'payload', 'attempts'])
    .where('delivered_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('next_attempt_at', '<=', now)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
  if (rows.length) {
    await trx
      .updateTable('webhook_delivery')
      .set({ next_attempt_at: claimUntil })
      .where(
        'id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
  }
  return rows.map((r) => ({ id: r.id, municipalityId: r.municipality_id, payload: r.payload, attempts: r.attempts }));
}

export async function markDelivered(db: Db, id: string, attempts: number, at: Date): Promise<void> {
  await db
    .updateTable('webhook_delivery')
    .set({ delivered_at: at, attempts, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** Records a failed attempt: tried again at `nextAttemptAt`, or, after the last one, failed at `failedAt`. */
export async function markAttemptFailed(
  db: Db,
  id: string,
  outcome: { attempts: number; error: string } & ({ nextAttemptAt: Date } | { failedAt: Date }),
): Promise<void> {
  await db
    .updateTable('webhook_delivery')
    .set({
      attempts: outcome.attempts,
      last_error: outcome.error,
      ...('failedAt' in outcome ? { failed_at: outcome.failedAt } : { next_attempt_at: outcome.nextAttemptAt }),
    })
    .where('id', '=', id)
    .execute();
}

function deliveries(db: Db, municipalityId: string) {
  return db
    .selectFrom('webhook_delivery')
    .innerJoin('alert', 'alert.id', 'webhook_delivery.alert_id')
    .where('webhook_delivery.municipality_id', '=', municipalityId)
    .select([
      'webhook_delivery.id',
      'webhook_delivery.alert_id',
      'alert.code',
      'webhook_delivery.attempts',
      'webhook_delivery.last_error',
      'webhook_delivery.next_attempt_at',
      'webhook_delivery.failed_at',
    ]);
}

type DeliveryRow = Awaited<ReturnType<ReturnType<typeof deliveries>['executeTakeFirstOrThrow']>>;

function deliveryRowToDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    alertId: row.alert_id,
    alertCode: row.code,
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    failedAt: row.failed_at,
  };
}

/** A municipality's deliveries in one status: failed ones latest first, pending ones next due first. */
export async function listDeliveries(
  db: Db,
  municipalityId: string,
  status: DeliveryStatus,
  page: { limit: number; offset: number },
): Promise<{ items: WebhookDelivery[]; total: number }> {
  const inStatus = <Q extends ReturnType<typeof deliveries>>(query: Q) =>
    status === 'failed'
      ? query.where('webhook_delivery.failed_at', 'is not', null)
      : query.where('webhook_delivery.delivered_at', 'is', null).where('webhook_delivery.failed_at', 'is', null);
  const listed = inStatus(deliveries(db, municipalityId));
  const [rows, count] = await Promise.all([
    (status === 'failed'
      ? listed.orderBy('webhook_delivery.failed_at', 'desc')
      : listed.orderBy('webhook_delivery.next_attempt_at', 'asc')
    )
      .orderBy('webhook_delivery.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    inStatus(deliveries(db, municipalityId))
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(deliveryRowToDelivery), total: Number(count.total) };
}

export async function findDelivery(db: Db, municipalityId: string, id: string): Promise<WebhookDelivery | undefined> {
  const row = await deliveries(db, municipalityId).where('webhook_delivery.id', '=', id).executeTakeFirst();
  return row && deliveryRowToDelivery(row);
}

/**
 * Puts a failed delivery back in the queue, due at once and with every attempt again; the last
 * error stays until the next attempt. False when it is not failed (any more): someone else sent it
 * again meanwhile.
 */
export async function requeueDelivery(db: Db, municipalityId: string, id: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('webhook_delivery')
    .set({ attempts: 0, failed_at: null, next_attempt_at: at })
    .where('id', '=', id)
    .where('municipality_id', '=', municipalityId)
    .where('failed_at', 'is not', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** How many deliveries wait and how many failed, over every municipality (for the metrics). */
export async function countDeliveries(db: Db): Promise<Record<DeliveryStatus, number>> {
  // Two counts, each on its partial index: the table keeps every delivery ever made.
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('webhook_delivery')
        .where('delivered_at', 'is', null)
        .where('failed_at', 'is', null)
        .select(eb.fn.countAll<string>().as('n'))
        .as('pending'),
      eb
        .selectFrom('webhook_delivery')
        .where('failed_at', 'is not', null)
        .select(eb.fn.countAll<string>().as('n'))
        .as('failed'),
    ])
    .executeTakeFirstOrThrow();
  return { pending: Number(row.pending), failed: Number(row.failed) };
}
