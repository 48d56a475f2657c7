import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import { createUserBody, updateUserBody, userSchema } from './users.schemas.ts';
import { changeUser, createUser, listMunicipalityUsers, readUser } from './users.service.ts';
import type { User } from './users.repository.ts';

/** Administration of the users of the administrator's own municipality. */
export const usersRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db, clock } = deps;
  const config = { roles: ['admin'] } as const;

  app.get(
    '/users',
    {
      config,
      schema: {
        operationId: 'listUsers',
        summary: 'List the users of the municipality',
        tags: ['users'],
        response: {
          200: z.object({ items: z.array(userSchema) }).describe("Every user of the caller's municipality."),
          ...authErrors,
        },
      },
    },
    async (request) => ({ items: (await listMunicipalityUsers(db, actorOf(request))).map(userToResponse) }),
  );

  app.get(
    '/users/:id',
    {
      config,
      schema: {
        operationId: 'getUser',
        summary: 'Read a user',
        tags: ['users'],
        params: idParams,
        response: { 200: userSchema.describe('The user.'), ...authErrors, 404: errorResponse },
      },
    },
    async (request) => userToResponse(await readUser(db, actorOf(request), request.params.id)),
  );

  app.post(
    '/users',
    {
      config,
      schema: {
        operationId: 'createUser',
        summary: 'Create a user',
        description: 'The password given is one-time: the new user must choose their own at the first log-in.',
        tags: ['users'],
        body: createUserBody,
        response: {
          201: userSchema.describe('The user as created.'),
          ...authErrors,
          409: errorResponse.describe('A user with this e-mail exists (`conflict`).'),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(userToResponse(await createUser(db, actorOf(request), request.body))),
  );

  app.patch(
    '/users/:id',
    {
      config,
      schema: {
        operationId: 'updateUser',
        summary: 'Change a user',
        description:
          'Name, role, active, a new one-time password, or `unlock` to lift a lockout; made against the ' +
          "user's `version`. An administrator cannot deactivate themself or change their own role.",
        tags: ['users'],
        params: idParams,
        body: updateUserBody,
        response: {
          200: userSchema.describe('The user as changed.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => userToResponse(await changeUser(db, actorOf(request), request.params.id, request.body, clock())),
  );
};

function userToResponse(user: User) {
  return {
    ...user,
    lockedUntil: user.lockedUntil?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}
