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
        tags: ['webhooks'],
        summary: "The municipality's webhook deliveries that failed after their last attempt (or are still waiting)",
        querystring: deliveryListQuery,
        response: { 200: pageOf(deliverySchema), ...authErrors },
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
        tags: ['webhooks'],
        summary: 'Send a failed delivery again: it is queued with every attempt and goes out within a minute',
        params: deliveryParams,
        response: { 200: deliverySchema, ...authErrors, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => deliveryToResponse(await retryDelivery(deps, actorOf(request), request.params.id)),
  );
};
