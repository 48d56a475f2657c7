import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams, pageOf } from '../shared/schemas.ts';
import type { HoursReport } from './hours-report.repository.ts';
import { confirmHoursReport, hoursReportsOfJourney } from './hours-report.service.ts';
import type { Placement } from './placement.repository.ts';
import {
  changePlacementBody,
  confirmHoursReportBody,
  hoursReportSchema,
  logHoursBody,
  placementDetailSchema,
  placementListQuery,
  placementSchema,
  switchPlacementBody,
  switchPlacementResponse,
  weekParams,
} from './placement.schemas.ts';
import {
  changePlacement,
  findPlacements,
  logPlacementHours,
  type PlacementDetail,
  placementsOfJourney,
  readPlacement,
  switchPlacement,
} from './placement.service.ts';

const roles = ['caseworker', 'leader'] as const;

export const placementRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/journeys/:id/placements/switch',
    {
      config: { roles },
      schema: {
        operationId: 'switchPlacement',
        summary: 'Switch a youth to another company',
        description:
          'Ends the current placement and starts the next in one step (PLACEMENT_ENDED, then PLACEMENT_STARTED, ' +
          "in one transaction), made against the journey's `expectedVersion`. If the new one is refused, the " +
          'old one keeps running.',
        tags: ['placements'],
        params: idParams,
        body: switchPlacementBody,
        response: {
          201: switchPlacementResponse.describe("The placement ended, the one started, and the journey's new version."),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
          422: errorResponse.describe(
            'The youth is not in a placement now, or the stage does not take it (`event_not_accepted`).',
          ),
        },
      },
    },
    async (request, reply) => {
      const result = await switchPlacement(deps, actorOf(request), request.params.id, request.body);
      return reply.code(201).send({
        journeyVersion: result.journeyVersion,
        ended: placementToResponse(result.ended),
        started: placementToResponse(result.started),
      });
    },
  );

  app.get(
    '/journeys/:id/placements',
    {
      config: { roles },
      schema: {
        operationId: 'listPlacementsOfJourney',
        summary: "List a journey's placements",
        tags: ['placements'],
        params: idParams,
        response: {
          200: z.object({ items: z.array(placementSchema) }).describe("The journey's placements, ended ones too."),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => ({
      items: (await placementsOfJourney(deps, actorOf(request), request.params.id)).map(placementToResponse),
    }),
  );

  app.get(
    '/placements',
    {
      config: { roles },
      schema: {
        operationId: 'listPlacements',
        summary: 'Find placements',
        tags: ['placements'],
        querystring: placementListQuery,
        response: { 200: pageOf(placementSchema).describe('A page of the placements found.'), ...authErrors },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const result = await findPlacements(deps, actorOf(request), filter, { page, pageSize });
      return { items: result.items.map(placementToResponse), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/placements/:id',
    {
      config: { roles },
      schema: {
        operationId: 'getPlacement',
        summary: 'Read a placement',
        tags: ['placements'],
        params: idParams,
        response: {
          200: placementDetailSchema.describe('The placement with the hours of each week.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => detailToResponse(await readPlacement(deps, actorOf(request), request.params.id)),
  );

  app.patch(
    '/placements/:id',
    {
      config: { roles },
      schema: {
        operationId: 'updatePlacement',
        summary: 'Change the terms of a placement',
        description:
          "The planned end, the agreed hours a week or the contact person; made against the placement's `version`.",
        tags: ['placements'],
        params: idParams,
        body: changePlacementBody,
        response: {
          200: placementDetailSchema.describe('The placement as changed.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse.describe(
            'Changed by someone else meanwhile (`version_conflict`), or the placement has ended (`conflict`).',
          ),
        },
      },
    },
    async (request) => detailToResponse(await changePlacement(deps, actorOf(request), request.params.id, request.body)),
  );

  app.put(
    '/placements/:id/hours/:weekStart',
    {
      config: { roles },
      schema: {
        operationId: 'setPlacementHours',
        summary: 'Set the hours worked in one week',
        tags: ['placements'],
        params: weekParams,
        body: logHoursBody,
        response: {
          200: placementDetailSchema.describe("The placement with the week's hours as set."),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) =>
      detailToResponse(
        await logPlacementHours(
          deps,
          actorOf(request),
          request.params.id,
          request.params.weekStart,
          request.body.hours,
        ),
      ),
  );

  app.get(
    '/journeys/:id/hours-reports',
    {
      config: { roles },
      schema: {
        operationId: 'listHoursReportsOfJourney',
        summary: 'List the weeks of hours the youth reported',
        description:
          'The hours the youth reported on their own side, the latest week first, waiting for a caseworker (status reported) or decided. Reported hours count for the risk rules once confirmed.',
        tags: ['placements'],
        params: idParams,
        response: {
          200: z.object({ items: z.array(hoursReportSchema) }).describe("The journey's reported weeks."),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => ({
      items: (await hoursReportsOfJourney(deps, actorOf(request), request.params.id)).map(hoursReportToResponse),
    }),
  );

  app.post(
    '/hours-reports/:id/confirmation',
    {
      config: { roles },
      schema: {
        operationId: 'confirmHoursReport',
        summary: 'Confirm a week the youth reported, as reported or corrected',
        description:
          "The hours become the placement's hours worked for the week, which the risk rules count. A report already decided is refused at hours (400); a stale version answers 409.",
        tags: ['placements'],
        params: idParams,
        body: confirmHoursReportBody,
        response: {
          200: hoursReportSchema.describe('The report as decided.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) =>
      hoursReportToResponse(await confirmHoursReport(deps, actorOf(request), request.params.id, request.body)),
  );
};

function placementToResponse(placement: Placement) {
  return {
    ...placement,
    active: placement.endedAt === null,
    endedAt: placement.endedAt?.toISOString() ?? null,
    createdAt: placement.createdAt.toISOString(),
    updatedAt: placement.updatedAt.toISOString(),
  };
}

function detailToResponse(detail: PlacementDetail) {
  return {
    ...placementToResponse(detail),
    weeks: detail.weeks.map((w) => ({ ...w, recordedAt: w.recordedAt.toISOString() })),
    totalHours: detail.totalHours,
  };
}

function hoursReportToResponse(report: HoursReport) {
  return {
    ...report,
    reportedAt: report.reportedAt.toISOString(),
    decidedAt: report.decidedAt?.toISOString() ?? null,
  };
}
