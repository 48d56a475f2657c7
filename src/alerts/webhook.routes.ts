import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, pageOf } from '../shared/schemas.ts';
import { deliveryListQuery, deliveryParams, deliverySchema, deliveryToResponse } from './webhook.schemas.ts';
import { findDeliveries, retryDelivery } from './webhook.service.ts';

/** The municipality's webhook deliveries, for its administrators: the failed ones, and sending one again. */
export const webhookRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/webhooks/deliveries',
    {
      config: { roles: ['admin'] },
      schema: {
        operationId: 'listWebhookDeliveries',
        summary: 'List failed or waiting webhook deliveries',
        description:
          "The municipality's webhook deliveries that failed after their last attempt (`status=failed`) or are " +
          'still waiting for one (`status=pending`).',
        tags: ['webhooks'],
        querystring: deliveryListQuery,
        response: { 200: pageOf(deliverySchema).describe('A page of the deliveries.'), ...authErrors },
      },
    },
    async (request) => {
      const { status, page, pageSize } = request.query;
      const result = await findDeliveries(deps.db, actorOf(request), status, { page, pageSize });
      return { items: result.items.map(deliveryToResponse), total: result.total, page, pageSize };
    },
  );

  app.post(
    '/webhooks/deliveries/:id/retry',
    {
      config: { roles: ['admin'] },
      schema: {
        operationId: 'retryWebhookDelivery',
        summary: 'Send a failed webhook delivery again',
        description: 'The delivery is queued with all its attempts again and goes out within a minute. Audited.',
        tags: ['webhooks'],
        params: deliveryParams,
        response: {
          200: deliverySchema.describe('The delivery, queued again.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse.describe('The delivery has not failed: it was delivered or is waiting (`conflict`).'),
        },
      },
    },
    async (request) => deliveryToResponse(await retryDelivery(deps, actorOf(request), request.params.id)),
  );
};
