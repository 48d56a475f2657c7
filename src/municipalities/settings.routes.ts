import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors } from '../shared/schemas.ts';
import { municipalitySettingsSchema, settingsResponse } from './settings.schemas.ts';
import { readSettings, replaceSettings } from './settings.service.ts';

export const settingsRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/settings',
    {
      config: { roles: ['admin', 'leader'] },
      schema: { tags: ['settings'], response: { 200: settingsResponse, ...authErrors } },
    },
    (request) => readSettings(deps.db, actorOf(request)),
  );

  app.put(
    '/settings',
    {
      config: { roles: ['admin'] },
      schema: {
        tags: ['settings'],
        body: municipalitySettingsSchema,
        response: { 200: settingsResponse, ...authErrors },
      },
    },
    (request) => replaceSettings(deps.db, actorOf(request), request.body),
  );
};
