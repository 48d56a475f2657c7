import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import type { PlanVersionSummary } from './plan.repository.ts';
import { planDataSchema } from './plan.types.ts';
import {
  createPlanVersionBody,
  pdfResponse,
  planContentBody,
  planContentSchema,
  planDiffQuery,
  planDiffSchema,
  planLangQuery,
  planVersionList,
  planVersionSchema,
} from './plan.schemas.ts';
import {
  changePlanContent,
  createPlanVersion,
  diffPlans,
  type PlanContentView,
  type PlanPdf,
  planVersionsOfJourney,
  readPlanContent,
  readPlanData,
  renderCurrentPlan,
  renderPlanVersion,
} from './plan.service.ts';

const roles = ['caseworker', 'leader'] as const;

export const planRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/journeys/:id/plan-content',
    {
      config: { roles },
      schema: {
        operationId: 'getPlanContent',
        summary: "Read the plan's content",
        description:
          'What the caseworker has written into the plan: goal, agreements, next steps, stabilisation, and the day ' +
          'the plan is next gone through with the youth.',
        tags: ['plans'],
        params: idParams,
        response: {
          200: planContentSchema.describe('The plan content, with its version.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => contentToResponse(await readPlanContent(deps, actorOf(request), request.params.id)),
  );

  app.put(
    '/journeys/:id/plan-content',
    {
      config: { roles },
      schema: {
        operationId: 'updatePlanContent',
        summary: "Replace the plan's content",
        description:
          "Replaces the plan's goal, agreements, next steps and stabilisation, made against the content's `version` " +
          '(none the first time). `reviewOn` left out keeps the review day as it is.',
        tags: ['plans'],
        params: idParams,
        body: planContentBody,
        response: {
          200: planContentSchema.describe('The plan content as changed.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
          422: errorResponse.describe('The journey is closed (`event_not_accepted`, with `stage`).'),
        },
      },
    },
    async (request) =>
      contentToResponse(await changePlanContent(deps, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/journeys/:id/plan-data',
    {
      config: { roles },
      schema: {
        operationId: 'getPlanData',
        summary: 'Read what the plan prints now',
        description: 'The data of the plan from the journey and the plan content, before it is rendered.',
        tags: ['plans'],
        params: idParams,
        querystring: planLangQuery,
        response: {
          200: planDataSchema.meta({ id: 'PlanData' }).describe('The plan data in the language asked for.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => readPlanData(deps, actorOf(request), request.params.id, request.query.lang),
  );

  app.get(
    '/journeys/:id/plan.pdf',
    {
      config: { roles },
      schema: {
        operationId: 'renderPlan',
        summary: 'The plan as it stands now, as a PDF',
        description: 'The plan "Min plan", rendered now from the journey and the plan content; not stored.',
        tags: ['plans'],
        params: idParams,
        querystring: planLangQuery,
        response: { 200: pdfResponse, ...authErrors, 404: errorResponse },
      },
    },
    async (request, reply) =>
      sendPlanPdf(reply, await renderCurrentPlan(deps, actorOf(request), request.params.id, request.query.lang)),
  );

  app.post(
    '/journeys/:id/plans',
    {
      config: { roles },
      schema: {
        operationId: 'createPlanVersion',
        summary: 'Store a version of the plan',
        description: 'Stores the plan as it stands now, so that the version handed out can be reproduced exactly.',
        tags: ['plans'],
        params: idParams,
        body: createPlanVersionBody,
        response: {
          201: planVersionSchema.describe('The stored version.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(versionToResponse(await createPlanVersion(deps, actorOf(request), request.params.id, request.body.lang))),
  );

  app.get(
    '/journeys/:id/plans',
    {
      config: { roles },
      schema: {
        operationId: 'listPlanVersions',
        summary: "List a journey's stored plan versions",
        tags: ['plans'],
        params: idParams,
        response: {
          200: planVersionList.describe('The stored versions, number 1 first.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => ({
      items: (await planVersionsOfJourney(deps, actorOf(request), request.params.id)).map(versionToResponse),
    }),
  );

  app.get(
    '/journeys/:id/plans/diff',
    {
      config: { roles },
      schema: {
        operationId: 'diffPlanVersions',
        summary: 'Compare two stored plan versions',
        tags: ['plans'],
        params: idParams,
        querystring: planDiffQuery,
        response: {
          200: planDiffSchema.describe('What changed between the two versions, field by field.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const diff = await diffPlans(deps, actorOf(request), request.params.id, { from, to }, request.lang);
      return { from: versionToResponse(diff.from), to: versionToResponse(diff.to), changes: diff.changes };
    },
  );

  app.get(
    '/plans/:id.pdf',
    {
      config: { roles },
      schema: {
        operationId: 'renderPlanVersion',
        summary: 'A stored plan version, as a PDF',
        description:
          'Made again from its stored data and texts. ' +
          'The ETag is the sha256 of the bytes sent; x-plan-identical says whether it equals the stored contentHash.',
        tags: ['plans'],
        params: idParams,
        response: { 200: pdfResponse, ...authErrors, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const pdf = await renderPlanVersion(deps, actorOf(request), request.params.id);
      return sendPlanPdf(reply.header('x-plan-identical', String(pdf.identical)), pdf);
    },
  );
};

/**
 * A plan as the answer: shown in the browser (`inline`, the API) or saved as a file
 * (`attachment`, the caseworker's page, named with the youth's first name).
 */
export function sendPlanPdf(reply: FastifyReply, pdf: PlanPdf, disposition: 'inline' | 'attachment' = 'inline') {
  return (
    reply
      .header('content-type', 'application/pdf')
      // The file name is ASCII letters, digits and dashes only (plan.service.ts), so it needs no quoting rules.
      .header('content-disposition', `${disposition}; filename="${pdf.fileName}"`)
      .header('etag', `"${pdf.contentHash}"`)
      // A youth's plan is personal data: not kept by browsers or proxies.
      .header('cache-control', 'private, no-store')
      .send(pdf.bytes)
  );
}

function contentToResponse(content: PlanContentView) {
  return {
    journeyId: content.journeyId,
    goal: content.goal,
    agreements: [...content.agreements],
    nextSteps: content.nextSteps.map((step) => ({ what: step.what, when: step.when, who: step.who })),
    stabilisation: [...content.stabilisation],
    reviewOn: content.reviewOn,
    version: content.version,
    updatedBy: content.updatedBy,
    updatedAt: content.updatedAt?.toISOString() ?? null,
  };
}

function versionToResponse(version: PlanVersionSummary) {
  return {
    id: version.id,
    journeyId: version.journeyId,
    number: version.number,
    lang: version.lang,
    templateVersion: version.templateVersion,
    contentHash: version.contentHash,
    createdBy: version.createdBy,
    createdAt: version.createdAt.toISOString(),
  };
}
