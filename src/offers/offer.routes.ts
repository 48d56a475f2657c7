import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import type { EducationInjunction, Offer } from './offer.repository.ts';
import {
  endInjunctionBody,
  endOfferBody,
  giveInjunctionBody,
  injunctionSchema,
  offerSchema,
  recordOfferBody,
} from './offer.schemas.ts';
import {
  finishInjunction,
  finishOffer,
  giveInjunction,
  injunctionsOfJourney,
  offersOfJourney,
  recordOffer,
} from './offer.service.ts';

const roles = ['caseworker', 'leader'] as const;

export const offerRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/journeys/:id/offers',
    {
      config: { roles },
      schema: {
        operationId: 'listOffersOfJourney',
        summary: "List a journey's offers",
        description:
          'LAB offers and mentor grants, oldest first, ended ones too; internships and wage subsidies included.',
        tags: ['offers'],
        params: idParams,
        response: {
          200: z.object({ items: z.array(offerSchema) }).describe("The journey's offers."),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => ({
      items: (await offersOfJourney(deps, actorOf(request), request.params.id)).map(offerToResponse),
    }),
  );

  app.post(
    '/journeys/:id/offers',
    {
      config: { roles },
      schema: {
        operationId: 'recordOffer',
        summary: 'Record an offer',
        description:
          'Vejledning og opkvalificering (with its `subtype`), nytteindsats or a mentor grant (with `hoursPerWeek`). ' +
          'Internships and wage subsidies become offers when their placement starts.',
        tags: ['offers'],
        params: idParams,
        body: recordOfferBody,
        response: {
          201: offerSchema.describe('The offer as recorded.'),
          ...authErrors,
          404: errorResponse,
          422: errorResponse.describe('The journey has ended (`event_not_accepted`).'),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(offerToResponse(await recordOffer(deps, actorOf(request), request.params.id, request.body))),
  );

  app.post(
    '/offers/:id/end',
    {
      config: { roles },
      schema: {
        operationId: 'endOffer',
        summary: 'End an offer',
        description:
          "Made against the offer's `version`. An offer that is a placement ends with the placement (PLACEMENT_ENDED).",
        tags: ['offers'],
        params: idParams,
        body: endOfferBody,
        response: {
          200: offerSchema.describe('The offer as ended.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse.describe(
            'Changed by someone else meanwhile (`version_conflict`), already ended, or a placement (`conflict`).',
          ),
        },
      },
    },
    async (request) => offerToResponse(await finishOffer(deps, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/journeys/:id/education-injunctions',
    {
      config: { roles },
      schema: {
        operationId: 'listEducationInjunctions',
        summary: "List a journey's education injunctions",
        tags: ['offers'],
        params: idParams,
        response: {
          200: z.object({ items: z.array(injunctionSchema) }).describe('The injunctions, the latest given first.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => ({
      items: (await injunctionsOfJourney(deps, actorOf(request), request.params.id)).map(injunctionToResponse),
    }),
  );

  app.post(
    '/journeys/:id/education-injunctions',
    {
      config: { roles },
      schema: {
        operationId: 'giveEducationInjunction',
        summary: 'Give an education injunction',
        description:
          'An education injunction under the rules in force until the 2027 act: only for a youth whose visitation found ' +
          'them education-ready or obviously education-ready, and one in force per journey.',
        tags: ['offers'],
        params: idParams,
        body: giveInjunctionBody,
        response: {
          201: injunctionSchema.describe('The injunction as given.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse.describe('An injunction is already in force (`conflict`).'),
          422: errorResponse.describe('The journey has ended (`event_not_accepted`).'),
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(injunctionToResponse(await giveInjunction(deps, actorOf(request), request.params.id, request.body))),
  );

  app.post(
    '/education-injunctions/:id/end',
    {
      config: { roles },
      schema: {
        operationId: 'endEducationInjunction',
        summary: 'End an education injunction',
        description: "Made against the injunction's `version`.",
        tags: ['offers'],
        params: idParams,
        body: endInjunctionBody,
        response: {
          200: injunctionSchema.describe('The injunction as ended.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse.describe('Changed by someone else meanwhile (`version_conflict`), or already ended.'),
        },
      },
    },
    async (request) =>
      injunctionToResponse(await finishInjunction(deps, actorOf(request), request.params.id, request.body)),
  );
};

function offerToResponse(offer: Offer) {
  return {
    id: offer.id,
    journeyId: offer.journeyId,
    kind: offer.kind,
    subtype: offer.subtype,
    placementId: offer.placementId,
    provider: offer.provider,
    startDate: offer.startDate,
    plannedEnd: offer.plannedEnd,
    endedOn: offer.endedOn,
    endCause: offer.endCause,
    hoursPerWeek: offer.hoursPerWeek,
    note: offer.note,
    active: offer.endedOn === null,
    version: offer.version,
    createdAt: offer.createdAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
  };
}

function injunctionToResponse(injunction: EducationInjunction) {
  return {
    id: injunction.id,
    journeyId: injunction.journeyId,
    givenOn: injunction.givenOn,
    goal: injunction.goal,
    startBy: injunction.startBy,
    endedOn: injunction.endedOn,
    inForce: injunction.endedOn === null,
    version: injunction.version,
    createdAt: injunction.createdAt.toISOString(),
    updatedAt: injunction.updatedAt.toISOString(),
  };
}
