import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import type { ProgressionMeasurement } from './progression.repository.ts';
import {
  measurementSchema,
  progressionSchema,
  recordProgressionBody,
  selfRatingRequestSchema,
  selfRatingsSchema,
  shareProgressionBody,
} from './progression.schemas.ts';
import { progressionOfJourney, recordProgression } from './progression.service.ts';
import type { SelfRating, SelfRatingRequest } from './self-rating.repository.ts';
import { requestSelfRating, selfRatingsOfJourney, shareProgression } from './self-rating.service.ts';

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

  app.get(
    '/journeys/:id/self-ratings',
    {
      config: { roles },
      schema: {
        operationId: 'getSelfRatings',
        summary: "Read the youth's own ratings",
        description:
          'What the youth rated on their own side: the four progression factors that are their own ' +
          'and their wellbeing and loneliness, 1-10. Kept apart from the progression measurements, which the key ' +
          'figures read.',
        tags: ['progression'],
        params: idParams,
        response: {
          200: selfRatingsSchema.describe("The youth's ratings, the open request and whether the caseworker shares."),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      const result = await selfRatingsOfJourney(deps, actorOf(request), request.params.id);
      return {
        ratings: result.ratings.map(selfRatingToResponse),
        openRequest: result.openRequest && requestToResponse(result.openRequest),
        shared: result.shared,
      };
    },
  );

  app.post(
    '/journeys/:id/self-rating-requests',
    {
      config: { roles },
      schema: {
        operationId: 'requestSelfRating',
        summary: 'Ask the youth to rate themselves now',
        description:
          'The youth sees "your caseworker asks you" on their side until they rate. Asking while a request is open ' +
          'answers the open one with 200.',
        tags: ['progression'],
        params: idParams,
        response: {
          201: selfRatingRequestSchema.describe('The request, made now.'),
          200: selfRatingRequestSchema.describe('The request that was open already.'),
          ...authErrors,
          404: errorResponse,
          422: errorResponse.describe('The journey is closed (`event_not_accepted`, with `stage`).'),
        },
      },
    },
    async (request, reply) => {
      const { request: made, created } = await requestSelfRating(deps, actorOf(request), request.params.id);
      return reply.code(created ? 201 : 200).send(requestToResponse(made));
    },
  );

  app.put(
    '/journeys/:id/progression-sharing',
    {
      config: { roles },
      schema: {
        operationId: 'shareProgression',
        summary: "Share the caseworker's own assessments with the youth, or stop",
        tags: ['progression'],
        params: idParams,
        body: shareProgressionBody,
        response: {
          200: shareProgressionBody.describe('Whether they are shared now.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => shareProgression(deps, actorOf(request), request.params.id, request.body.shared),
  );
};

function selfRatingToResponse(rating: SelfRating) {
  return { ...rating, ratedAt: rating.ratedAt.toISOString() };
}

function requestToResponse(request: SelfRatingRequest) {
  return {
    id: request.id,
    journeyId: request.journeyId,
    requestedBy: request.requestedBy,
    requestedAt: request.requestedAt.toISOString(),
  };
}

function measurementToResponse(measurement: ProgressionMeasurement) {
  return { ...measurement, recordedAt: measurement.recordedAt.toISOString() };
}
