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
      schema: {
        operationId: 'getSettings',
        summary: "Read the municipality's settings",
        tags: ['settings'],
        response: { 200: settingsResponse.describe('The settings, with their version.'), ...authErrors },
      },
    },
    async (request) => settingsToResponse(await readVersionedSettings(deps.db, actorOf(request))),
  );

  app.put(
    '/settings',
    {
      config: { roles: ['admin'] },
      schema: {
        operationId: 'updateSettings',
        summary: "Change the municipality's settings",
        description: "Made against the settings' `version`: each section given replaces that section; the others stay.",
        tags: ['settings'],
        body: settingsChangeBody,
        response: { 200: settingsResponse.describe('The settings as changed.'), ...authErrors, 409: errorResponse },
      },
    },
    async (request) => settingsToResponse(await changeSettings(deps, actorOf(request), request.body)),
  );
};
