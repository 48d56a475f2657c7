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
        operationId: 'recordActivity',
        summary: 'Record a conversation or contact',
        description: 'A conversation, a mentor contact or another contact on an open journey.',
        tags: ['activities'],
        params: idParams,
        body: recordActivityBody,
        response: {
          201: activitySchema.describe('The activity as recorded.'),
          ...authErrors,
          404: errorResponse,
          422: errorResponse.describe('The journey is closed (`event_not_accepted`, with `stage`).'),
        },
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
        operationId: 'listActivities',
        summary: "List a journey's activities",
        tags: ['activities'],
        params: idParams,
        querystring: activityListQuery,
        response: {
          200: pageOf(activitySchema).describe('A page of the activities, by kind and period.'),
          ...authErrors,
          404: errorResponse,
        },
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
