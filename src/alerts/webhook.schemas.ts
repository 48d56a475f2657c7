import { z } from 'zod';
import { pageQuery } from '../shared/schemas.ts';
import type { WebhookDelivery } from './webhook.repository.ts';

export const deliveryStatuses = ['failed', 'pending'] as const;

export const deliveryParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'a delivery id') });

export const deliveryListQuery = z.object({
  status: z
    .enum(deliveryStatuses)
    .default('failed')
    .describe('failed: given up after the last attempt; pending: waiting to be sent or retried'),
  ...pageQuery,
});

export const deliverySchema = z
  .object({
    id: z.string(),
    alertId: z.uuid(),
    alertCode: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable().describe('The status code (HTTP 500) or network error of the last attempt'),
    nextAttemptAt: z.iso.datetime(),
    failedAt: z.iso.datetime().nullable().describe('When the last attempt failed; null while it is still tried'),
  })
  .meta({ id: 'WebhookDelivery' });

export function deliveryToResponse(delivery: WebhookDelivery): z.infer<typeof deliverySchema> {
  return {
    ...delivery,
    nextAttemptAt: delivery.nextAttemptAt.toISOString(),
    failedAt: delivery.failedAt?.toISOString() ?? null,
  };
}
