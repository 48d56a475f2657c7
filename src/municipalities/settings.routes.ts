import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse } from '../shared/schemas.ts';
import { settingsChangeBody, settingsResponse, settingsToResponse } from './settings.schemas.ts';
import { changeSettings, readVersionedSettings } from './settings.service.ts';

export const settingsRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/settings',
    {
      config: { roles: ['admin', 'leader'] },
      schema: { tags: ['settings'], response: { 200: settingsResponse, ...authErrors } },
    },
    async (request) => settingsToResponse(await readVersionedSettings(deps.db, actorOf(request))),
  );

  app.put(
    '/settings',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['settings'],
        body: settingsChangeBody,
        response: { 200: settingsResponse, ...authErrors, 409: errorResponse },
      },
    },
    async (request) => settingsToResponse(await changeSettings(deps, actorOf(request), request.body)),
  );
};
