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
  youthSchema,
} from './youth.schemas.ts';

// Youth data is for the people who work with the youth; an administrator manages users and
// settings and does not see the register.
const youthRoles = ['caseworker', 'leader'] as const;

export const youthRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/youth',
    {
      config: { roles: youthRoles },
      schema: {
        tags: ['youth'],
        body: createYouthBody,
        response: { 201: youthSchema, ...authErrors, 409: errorResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(youthToResponse(await createYouth(deps, actorOf(request), request.body))),
  );

  app.get(
    '/youth',
    {
      config: { roles: youthRoles },
      schema: { tags: ['youth'], querystring: youthQuery, response: { 200: youthPage, ...authErrors } },
    },
    async (request) => {
      const { query, page, pageSize } = request.query;
      const result = await findYouth(deps, actorOf(request), { query, page, pageSize });
      return { items: result.items.map(youthToResponse), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/youth/:id',
    {
      config: { roles: youthRoles },
      schema: {
        tags: ['youth'],
        params: idParams,
        querystring: readYouthQuery,
        response: { 200: youthSchema, ...authErrors, 404: errorResponse },
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
        tags: ['youth'],
        params: idParams,
        body: updateYouthBody,
        response: { 200: youthSchema, ...authErrors, 404: errorResponse, 409: errorResponse },
      },
    },
    async (request) => youthToResponse(await changeYouth(deps, actorOf(request), request.params.id, request.body)),
  );
};

function youthToResponse(youth: Youth) {
  return { ...youth, createdAt: youth.createdAt.toISOString(), updatedAt: youth.updatedAt.toISOString() };
}
