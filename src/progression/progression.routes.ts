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
        tags: ['progression'],
        summary:
          'Record a measurement of the progression factors (STAR: Den gode ungeindsats i jobcentrene (2017), s. 29)',
        params: idParams,
        body: recordProgressionBody,
        response: { 201: measurementSchema, ...authErrors, 404: errorResponse, 422: errorResponse },
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
        tags: ['progression'],
        summary: 'Every measurement, oldest first, and the first and latest score of each factor',
        params: idParams,
        response: { 200: progressionSchema, ...authErrors, 404: errorResponse },
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
