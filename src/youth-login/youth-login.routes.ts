import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, clearYouthSessionCookie, youthOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams, serverErrors } from '../shared/schemas.ts';
import { invitationBody, invitationResponse, youthDeviceSchema } from './youth-login.schemas.ts';
import { INVITATION_HOURS, inviteYouth, listOwnDevices, logOutEverywhere, logOutYouth } from './youth-login.service.ts';

/** The youth's own routes answer these: 401 without a youth logged in on the device. */
const youthErrors = { 401: errorResponse, ...serverErrors } as const;

export const youthLoginRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db, clock, config } = deps;

  app.post(
    '/youth/:id/invitations',
    {
      config: { roles: ['caseworker', 'leader'] },
      schema: {
        operationId: 'inviteYouth',
        summary: "Send a youth a one-time link to the youth's own side",
        description:
          "Sends the youth a link by SMS to their phone or by e-mail, which logs them in on the device that opens it. It works for 24 hours and once. The message holds the youth's first name and the link only. Audited.",
        tags: ['youth'],
        params: idParams,
        body: invitationBody,
        response: {
          201: invitationResponse.describe('Sent.'),
          ...authErrors,
          404: errorResponse,
          502: errorResponse.describe('The SMS gateway or the mail server did not take the message.'),
        },
      },
    },
    async (request, reply) => {
      const sent = await inviteYouth(deps, actorOf(request), request.params.id, request.body);
      const expiresAt = new Date(clock().getTime() + INVITATION_HOURS * 3_600_000);
      return reply.code(201).send({ ...sent, expiresAt: expiresAt.toISOString() });
    },
  );

  app.get(
    '/my/devices',
    {
      config: { youth: true },
      schema: {
        operationId: 'listOwnDevices',
        summary: "The devices the young person is logged in on (the youth's own route)",
        tags: ['mit-forloeb'],
        security: [{ youthSession: [] }],
        response: {
          200: z
            .object({ items: z.array(youthDeviceSchema) })
            .describe('The live sessions of the youth, newest use first.'),
          ...youthErrors,
        },
      },
    },
    async (request) => {
      const devices = await listOwnDevices(db, youthOf(request), clock());
      return {
        items: devices.map((d) => ({
          ...d,
          createdAt: d.createdAt.toISOString(),
          lastUsedAt: d.lastUsedAt.toISOString(),
          expiresAt: d.expiresAt.toISOString(),
        })),
      };
    },
  );

  app.post(
    '/my/logout',
    {
      config: { youth: true },
      schema: {
        operationId: 'logOutYouth',
        summary: "Log the young person out on this device (the youth's own route)",
        tags: ['mit-forloeb'],
        security: [{ youthSession: [] }],
        response: { 204: z.null().describe('Logged out; the cookie is cleared.'), ...youthErrors },
      },
    },
    async (request, reply) => {
      await logOutYouth(db, youthOf(request));
      clearYouthSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/my/devices/logout',
    {
      config: { youth: true },
      schema: {
        operationId: 'logOutYouthEverywhere',
        summary: "Log the young person out on every device (the youth's own route)",
        tags: ['mit-forloeb'],
        security: [{ youthSession: [] }],
        response: {
          200: z
            .object({ devices: z.number().int().describe('How many devices were logged out.') })
            .describe('Logged out everywhere; the cookie is cleared.'),
          ...youthErrors,
        },
      },
    },
    async (request, reply) => {
      const result = await logOutEverywhere(db, youthOf(request));
      clearYouthSessionCookie(reply, config);
      return result;
    },
  );
};
