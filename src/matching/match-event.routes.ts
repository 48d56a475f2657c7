import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import { companyNetworkRoles } from '../companies/company.schemas.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import {
  choicesBody,
  createMatchEventBody,
  interestsBody,
  matchEventInterestParams,
  matchEventPage,
  matchEventQuery,
  matchEventSchema,
  matchEventWishParams,
  matchListSchema,
  participantsBody,
  wishesBody,
} from './match-event.schemas.ts';
import {
  createMatchEvent,
  findMatchEvents,
  type MatchEventDetail,
  matchList,
  readMatchEvent,
  recordChoices,
  recordInterests,
  recordWishes,
  setParticipants,
} from './match-event.service.ts';

/** Match events: youth meet several companies, state wishes; companies state interest (Rockwool Fonden: Hvad er NExTWORK?; NExTWORK: Vejen til uddannelse går gennem job! (2018); the NExTWORK evaluation summary (2025)). */
export const matchEventRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const config = { roles: companyNetworkRoles };
  const tags = ['match events'];
  const writeErrors = { ...authErrors, 404: errorResponse, 409: errorResponse };
  const described = matchEventSchema.describe('The match event as changed.');

  app.post(
    '/match-events',
    {
      config,
      schema: {
        operationId: 'createMatchEvent',
        summary: 'Create a match event',
        tags,
        body: createMatchEventBody,
        response: { 201: matchEventSchema.describe('The match event as created.'), ...authErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(detailToResponse(await createMatchEvent(deps, actorOf(request), request.body))),
  );

  app.get(
    '/match-events',
    {
      config,
      schema: {
        operationId: 'listMatchEvents',
        summary: 'List match events',
        tags,
        querystring: matchEventQuery,
        response: {
          200: matchEventPage.describe('A page of the match events, with how many companies and youth take part.'),
          ...authErrors,
        },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await findMatchEvents(deps, actorOf(request), request.query);
      return {
        items: result.items.map((e) => ({
          id: e.id,
          date: e.date,
          place: e.place,
          note: e.note,
          version: e.version,
          companyCount: e.companyCount,
          youthCount: e.youthCount,
        })),
        total: result.total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/match-events/:id',
    {
      config,
      schema: {
        operationId: 'getMatchEvent',
        summary: 'Read a match event',
        tags,
        params: idParams,
        response: {
          200: matchEventSchema.describe('The match event: its companies, its youth, their wishes and interest.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => detailToResponse(await readMatchEvent(deps, actorOf(request), request.params.id)),
  );

  app.put(
    '/match-events/:id/participants',
    {
      config,
      schema: {
        operationId: 'setMatchEventParticipants',
        summary: 'Set the companies and youth of a match event',
        description: "Made against the event's `version`.",
        tags,
        params: idParams,
        body: participantsBody,
        response: { 200: described, ...writeErrors },
      },
    },
    async (request) => detailToResponse(await setParticipants(deps, actorOf(request), request.params.id, request.body)),
  );

  app.put(
    '/match-events/:id/wishes/:journeyId',
    {
      config,
      schema: {
        operationId: 'setMatchEventWishes',
        summary: "Set a youth's wishes at a match event",
        description: "The companies the youth would like, in order; made against the youth's `wishesVersion`.",
        tags,
        params: matchEventWishParams,
        body: wishesBody,
        response: { 200: described, ...writeErrors },
      },
    },
    async (request) =>
      detailToResponse(
        await recordWishes(deps, actorOf(request), request.params.id, request.params.journeyId, request.body),
      ),
  );

  app.put(
    '/match-events/:id/interests/:companyId',
    {
      config,
      schema: {
        operationId: 'setMatchEventInterests',
        summary: "Set a company's interest at a match event",
        description: "The youth the company is interested in; made against the company's `interestsVersion`.",
        tags,
        params: matchEventInterestParams,
        body: interestsBody,
        response: { 200: described, ...writeErrors },
      },
    },
    async (request) =>
      detailToResponse(
        await recordInterests(deps, actorOf(request), request.params.id, request.params.companyId, request.body),
      ),
  );

  app.put(
    '/match-events/:id/choices',
    {
      config,
      schema: {
        operationId: 'setMatchEventChoices',
        summary: "Set several youth's wishes and several companies' interest at once",
        description:
          "Each row is made against its own version (the youth's `wishesVersion`, the company's `interestsVersion`). All rows are saved in one transaction, or none: a 409 `version_conflict` lists in `conflicts` every row someone else changed meanwhile.",
        tags,
        params: idParams,
        body: choicesBody,
        response: { 200: described, ...writeErrors },
      },
    },
    async (request) => detailToResponse(await recordChoices(deps, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/match-events/:id/matches',
    {
      config,
      schema: {
        operationId: 'listMatchEventMatches',
        summary: 'The matches of a match event',
        description: 'Each wish and interest between a youth and a company, mutual interest first.',
        tags,
        params: idParams,
        response: { 200: matchListSchema.describe('The match list.'), ...authErrors, 404: errorResponse },
      },
    },
    async (request) => {
      const { event, rows } = await matchList(deps, actorOf(request), request.params.id);
      return { matchEventId: event.id, date: event.date, items: rows };
    },
  );
};

function detailToResponse(detail: MatchEventDetail) {
  const { event } = detail;
  return {
    id: event.id,
    date: event.date,
    place: event.place,
    note: event.note,
    version: event.version,
    takenPlace: detail.takenPlace,
    companies: detail.companies.map((c) => ({
      ...c,
      interestedIn: detail.interests.filter((i) => i.companyId === c.id).map((i) => i.journeyId),
    })),
    youth: detail.youth.map((y) => ({
      ...y,
      // eventWishes is ordered by rank within each youth.
      wishes: detail.wishes.filter((w) => w.journeyId === y.journeyId).map((w) => w.companyId),
      wishesByYouth: detail.wishes.filter((w) => w.journeyId === y.journeyId && w.byYouth).map((w) => w.companyId),
    })),
    createdAt: event.createdAt.toISOString(),
    updatedAt: event.updatedAt.toISOString(),
  };
}
