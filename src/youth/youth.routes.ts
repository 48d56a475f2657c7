import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import { changeYouth, createYouth, findYouth, readYouth, type Youth } from './youth.service.ts';
import {
  createYouthBody,
  readYouthQuery,
  updateYouthBody,
  youthPage,
  youthQuery,
  youthSearchBody,
  youthSchema,
} from './youth.schemas.ts';

// Youth data is for the people who work with the youth; an administrator manages users and
// settings and does not see the register.
const youthRoles = ['caseworker', 'leader'] as const;

export const youthRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const searchPage = async (
    request: FastifyRequest,
    search: { query?: string | undefined; page: number; pageSize: number },
  ) => {
    const { query, page, pageSize } = search;
    const result = await findYouth(deps, actorOf(request), { query, page, pageSize });
    return { items: result.items.map(youthToResponse), total: result.total, page, pageSize };
  };

  app.post(
    '/youth',
    {
      config: { roles: youthRoles },
      schema: {
        operationId: 'createYouth',
        summary: 'Register a youth',
        tags: ['youth'],
        body: createYouthBody,
        response: {
          201: youthSchema.describe('The youth as registered, with the CPR number masked.'),
          ...authErrors,
          409: errorResponse.describe(
            'A youth with this CPR number is registered already (`duplicate_cpr`, with `existingYouthId`).',
          ),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(youthToResponse(await createYouth(deps, actorOf(request), request.body))),
  );

  app.get(
    '/youth',
    {
      config: { roles: youthRoles },
      schema: {
        operationId: 'listYouth',
        summary: 'Find youth',
        description:
          'By name or CPR number (`query`), a page at a time. To search by CPR number use POST /api/youth/search, ' +
          'which keeps the number out of the address.',
        tags: ['youth'],
        querystring: youthQuery,
        response: { 200: youthPage.describe('A page of the youth found, CPR numbers masked.'), ...authErrors },
      },
    },
    (request) => searchPage(request, request.query),
  );

  // A CPR number in an address ends up in proxies' and browsers' logs; in a body it does not. The
  // pages search by POST for the same reason.
  app.post(
    '/youth/search',
    {
      config: { roles: youthRoles },
      schema: {
        operationId: 'searchYouth',
        summary: 'Find youth, the search in the body',
        description:
          'As GET /api/youth, with `query`, `page` and `pageSize` in the body, so a CPR number searched for stays ' +
          "out of the address and so out of proxies' and servers' logs. Use this one to search by CPR number.",
        tags: ['youth'],
        body: youthSearchBody,
        response: { 200: youthPage.describe('A page of the youth found, CPR numbers masked.'), ...authErrors },
      },
    },
    (request) => searchPage(request, request.body),
  );

  app.get(
    '/youth/:id',
    {
      config: { roles: youthRoles },
      schema: {
        operationId: 'getYouth',
        summary: 'Read a youth',
        description: 'With `reveal=cpr` the whole CPR number is shown, and the reveal is written to the audit log.',
        tags: ['youth'],
        params: idParams,
        querystring: readYouthQuery,
        response: {
          200: youthSchema.describe('The youth, the CPR number masked unless revealed.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) =>
      youthToResponse(
        await readYouth(deps, actorOf(request), request.params.id, { revealCpr: request.query.reveal === 'cpr' }),
      ),
  );

  app.patch(
    '/youth/:id',
    {
      config: { roles: youthRoles },
      schema: {
        operationId: 'updateYouth',
        summary: 'Change a youth',
        description: "Made against the youth's `version`; a stale one changes nothing.",
        tags: ['youth'],
        params: idParams,
        body: updateYouthBody,
        response: {
          200: youthSchema.describe('The youth as changed.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse.describe(
            'Changed by someone else meanwhile (`version_conflict`, with `currentVersion`), or the new CPR number ' +
              "is another youth's (`duplicate_cpr`).",
          ),
        },
      },
    },
    async (request) => youthToResponse(await changeYouth(deps, actorOf(request), request.params.id, request.body)),
  );
};

function youthToResponse(youth: Youth) {
  return { ...youth, createdAt: youth.createdAt.toISOString(), updatedAt: youth.updatedAt.toISOString() };
}
