import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { daysBetween } from '../shared/days.ts';
import { authErrors, errorResponse, idParams, pageOf } from '../shared/schemas.ts';
import { dueFollowUpQuery, dueFollowUpSchema, followUpSchema } from './follow-up.schemas.ts';
import { findDueFollowUps, followUpsOfJourney } from './follow-up.service.ts';

const roles = ['caseworker', 'leader'] as const;

export const followUpRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/follow-ups',
    {
      config: { roles },
      schema: {
        operationId: 'listDueFollowUps',
        summary: 'List the follow-ups due',
        description:
          'Follow-ups not yet recorded, soonest due first: all of them, the overdue ones or the coming ones.',
        tags: ['follow-ups'],
        querystring: dueFollowUpQuery,
        response: { 200: pageOf(dueFollowUpSchema).describe('A page of the follow-ups due.'), ...authErrors },
      },
    },
    async (request) => {
      const { page, pageSize, ...criteria } = request.query;
      const result = await findDueFollowUps(deps, actorOf(request), criteria, { page, pageSize });
      return {
        items: result.items.map((f) => ({ ...f, daysOverdue: Math.max(0, daysBetween(f.dueOn, result.today)) })),
        total: result.total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/journeys/:id/follow-ups',
    {
      config: { roles },
      schema: {
        operationId: 'listFollowUpsOfJourney',
        summary: "List a journey's follow-ups",
        tags: ['follow-ups'],
        params: idParams,
        response: {
          200: z.object({ items: z.array(followUpSchema) }).describe("The journey's follow-ups, recorded or not."),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => ({
      items: (await followUpsOfJourney(deps, actorOf(request), request.params.id)).map((f) => ({
        ...f,
        recordedAt: f.recordedAt?.toISOString() ?? null,
      })),
    }),
  );
};
