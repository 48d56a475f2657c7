import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import type { ProgressionMeasurement } from './progression.repository.ts';
import { measurementSchema, progressionSchema, recordProgressionBody } from './progression.schemas.ts';
import { progressionOfJourney, recordProgression } from './progression.service.ts';

const roles = ['caseworker', 'leader'] as const;

export const progressionRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/journeys/:id/progression',
    {
      config: { roles },
      schema: {
        operationId: 'recordProgression',
        summary: 'Record a progression measurement',
        description:
          'Scores of the progression factors (STAR: Den gode ungeindsats i jobcentrene (2017), s. 29), by the youth ' +
          'or the caseworker.',
        tags: ['progression'],
        params: idParams,
        body: recordProgressionBody,
        response: {
          201: measurementSchema.describe('The measurement as recorded.'),
          ...authErrors,
          404: errorResponse,
          422: errorResponse.describe('The journey is closed (`event_not_accepted`, with `stage`).'),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(measurementToResponse(await recordProgression(deps, actorOf(request), request.params.id, request.body))),
  );

  app.get(
    '/journeys/:id/progression',
    {
      config: { roles },
      schema: {
        operationId: 'getProgression',
        summary: "Read a journey's progression",
        tags: ['progression'],
        params: idParams,
        response: {
          200: progressionSchema.describe(
            'Every measurement, oldest first, and the first and latest score of each factor.',
          ),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      const progression = await progressionOfJourney(deps, actorOf(request), request.params.id);
      return { measurements: progression.measurements.map(measurementToResponse), factors: progression.factors };
    },
  );
};

function measurementToResponse(measurement: ProgressionMeasurement) {
  return { ...measurement, recordedAt: measurement.recordedAt.toISOString() };
}
