import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams, serverErrors } from '../shared/schemas.ts';
import { actorOf, clearSessionCookie, setSessionCookie } from './auth.plugin.ts';
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
      schema: {
        operationId: 'login',
        summary: 'Log in',
        description:
          'Checks the e-mail and password and sets the session cookie. Five wrong passwords in a row from one ' +
          'address lock the account for 15 minutes from that address; a locked account answers as a wrong ' +
          'password. Rate-limited per address.',
        tags: ['auth'],
        security: [],
        body: loginBody,
        response: {
          200: loginResponse.describe('Logged in: the user, and when the session ends. The cookie is set.'),
          ...loginErrors,
        },
      },
    },
    async (request, reply) => {
      const now = clock();
      const result = await login(
        db,
        request.body,
        { ip: request.ip, requestId: request.id },
        { now, sessionTtlHours: config.sessionTtlHours },
      );
      setSessionCookie(reply, result, { now, config });
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
      schema: {
        operationId: 'logout',
        summary: 'Log out',
        description:
          'Ends the session. Called with a token, it ends nothing: revoke a token with DELETE /api/auth/tokens/{id}.',
        tags: ['auth'],
        response: {
          204: z.null().describe('Logged out; the session cookie is cleared.'),
          401: errorResponse,
          ...serverErrors,
        },
      },
    },
    async (request, reply) => {
      await logout(db, actorOf(request));
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: { allowsOneTimePassword: true },
      schema: {
        operationId: 'getCurrentUser',
        summary: 'Who the caller is',
        tags: ['auth'],
        response: {
          200: meResponse.describe('The logged-in user, and whether they must choose their own password first.'),
          401: errorResponse,
          ...serverErrors,
        },
      },
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
        operationId: 'changeOwnPassword',
        summary: 'Change own password',
        description:
          "Replaces the caller's password (also a one-time one) given the current one; the caller's other " +
          'sessions end. Rate-limited like the log-in.',
        tags: ['auth'],
        body: changePasswordBody,
        response: { 204: z.null().describe('Changed.'), ...changePasswordErrors },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(db, actorOf(request), request.body, clock());
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        operationId: 'createApiToken',
        summary: 'Create a personal API token',
        description:
          'A token acts as its user, with their role, until it expires or is revoked. Send it as ' +
          '`Authorization: Bearer <token>`. It stops working when an administrator resets the password, changes ' +
          'the role or deactivates the user. Only a user logged in with a password creates tokens: called with a ' +
          'token, this answers 403.',
        tags: ['auth'],
        body: createTokenBody,
        response: {
          201: createdTokenResponse.describe('The new token; the token itself is shown only in this answer.'),
          ...authErrors,
        },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(db, actorOf(request), request.body, clock());
      return reply.code(201).send({ ...tokenToResponse(created), token: created.token });
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: {
        operationId: 'listApiTokens',
        summary: "List the caller's API tokens",
        tags: ['auth'],
        response: {
          200: z
            .object({ items: z.array(apiTokenSchema) })
            .describe("The caller's tokens, revoked ones too, without the token itself."),
          ...authErrors,
        },
      },
    },
    async (request) => ({ items: (await listOwnApiTokens(db, actorOf(request))).map(tokenToResponse) }),
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        operationId: 'revokeApiToken',
        summary: "Revoke one of the caller's API tokens",
        tags: ['auth'],
        params: idParams,
        response: { 204: z.null().describe('Revoked.'), ...authErrors, 404: errorResponse },
      },
    },
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
    expiresAt: token.expiresAt.toISOString(),
  };
}
