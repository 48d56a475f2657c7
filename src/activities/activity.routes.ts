import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { addDays } from '../shared/days.ts';
import { startOfDanishDay } from '../shared/clock.ts';
import { authErrors, errorResponse, idParams, pageOf } from '../shared/schemas.ts';
import type { Activity } from './activity.repository.ts';
import { activityListQuery, activitySchema, recordActivityBody } from './activity.schemas.ts';
import { activitiesOfJourney, recordActivity } from './activity.service.ts';

const roles = ['caseworker', 'leader'] as const;

export const activityRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/journeys/:id/activities',
    {
      config: { roles },
      schema: {
        tags: ['activities'],
        summary: 'Record a conversation, mentor contact or other contact',
        params: idParams,
        body: recordActivityBody,
        response: { 201: activitySchema, ...authErrors, 404: errorResponse, 422: errorResponse },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(activityToResponse(await recordActivity(deps, actorOf(request), request.params.id, request.body))),
  );

  app.get(
    '/journeys/:id/activities',
    {
      config: { roles },
      schema: {
        tags: ['activities'],
        params: idParams,
        querystring: activityListQuery,
        response: { 200: pageOf(activitySchema), ...authErrors, 404: errorResponse },
      },
    },
    async (request) => {
      const { kind, from, to, page, pageSize } = request.query;
      const result = await activitiesOfJourney(
        deps,
        actorOf(request),
        request.params.id,
        {
          kind,
          from: from ? startOfDanishDay(from) : undefined,
          // `to` is the last day included.
          to: to ? startOfDanishDay(addDays(to, 1)) : undefined,
        },
        { page, pageSize },
      );
      return { items: result.items.map(activityToResponse), total: result.total, page, pageSize };
    },
  );
};

function activityToResponse(activity: Activity) {
  return {
    ...activity,
    occurredAt: activity.occurredAt.toISOString(),
    recordedAt: activity.recordedAt.toISOString(),
  };
}
