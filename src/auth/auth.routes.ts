import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import { actorOf, SESSION_COOKIE, setSessionCookie } from './auth.plugin.ts';
import {
  apiTokenSchema,
  changePasswordBody,
  changePasswordErrors,
  createdTokenResponse,
  createTokenBody,
  loginBody,
  loginErrors,
  loginResponse,
  meResponse,
} from './auth.schemas.ts';
import {
  changeOwnPassword,
  createApiToken,
  listOwnApiTokens,
  login,
  logout,
  revokeOwnApiToken,
} from './auth.service.ts';
import type { ApiToken } from './auth.repository.ts';

export const authRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db, clock, config } = deps;

  app.post(
    '/auth/login',
    {
      config: {
        public: true,
        rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: { tags: ['auth'], body: loginBody, response: { 200: loginResponse, ...loginErrors } },
    },
    async (request, reply) => {
      const now = clock();
      const result = await login(
        db,
        request.body,
        { ip: request.ip, requestId: request.id },
        { now, sessionTtlHours: config.sessionTtlHours },
      );
      setSessionCookie(reply, result, { now, secure: config.cookieSecure });
      const { user } = result;
      return {
        user: {
          id: user.userId,
          name: user.name,
          email: user.email,
          role: user.role,
          municipalityId: user.municipalityId,
          passwordMustChange: user.passwordMustChange,
        },
        expiresAt: result.expiresAt.toISOString(),
      };
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { allowsOneTimePassword: true },
      schema: { tags: ['auth'], response: { 204: z.null(), 401: errorResponse } },
    },
    async (request, reply) => {
      await logout(db, actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { allowsOneTimePassword: true },
      schema: { tags: ['auth'], response: { 200: meResponse, 401: errorResponse } },
    },
    (request) => {
      const actor = actorOf(request);
      return {
        id: actor.userId,
        name: actor.name,
        email: actor.email,
        role: actor.role,
        municipalityId: actor.municipalityId,
        passwordMustChange: actor.passwordMustChange,
      };
    },
  );

  app.post(
    '/auth/password',
    {
      config: {
        allowsOneTimePassword: true,
        // Asks for the current password: limited like the log-in, so a left-open session cannot be used to guess it.
        rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: "Change the caller's own password (also a one-time one); the caller's other sessions end",
        body: changePasswordBody,
        response: { 204: z.null(), ...changePasswordErrors },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(db, actorOf(request), request.body, clock());
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/tokens',
    { schema: { tags: ['auth'], body: createTokenBody, response: { 201: createdTokenResponse, ...authErrors } } },
    async (request, reply) => {
      const created = await createApiToken(db, actorOf(request), request.body.name);
      return reply.code(201).send({ ...tokenToResponse(created), token: created.token });
    },
  );

  app.get(
    '/auth/tokens',
    { schema: { tags: ['auth'], response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...authErrors } } },
    async (request) => ({ items: (await listOwnApiTokens(db, actorOf(request))).map(tokenToResponse) }),
  );

  app.delete(
    '/auth/tokens/:id',
    { schema: { tags: ['auth'], params: idParams, response: { 204: z.null(), ...authErrors, 404: errorResponse } } },
    async (request, reply) => {
      await revokeOwnApiToken(db, actorOf(request), request.params.id, clock());
      return reply.code(204).send(null);
    },
  );
};

function tokenToResponse(token: ApiToken) {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
