import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import { DELETABLE_DAYS, deleteYouthRegisteredByMistake, liftLegalHold, placeLegalHold } from './retention.service.ts';

const reasonBody = z.strictObject({
  reason: z.string().max(500).describe('Why; written to the audit log'),
});

const leaders = ['leader'] as const;
const notFound = { 404: errorResponse.describe('No such youth in the municipality.') };

export const retentionRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/youth/:id/legal-hold',
    {
      config: { roles: leaders },
      schema: {
        operationId: 'placeLegalHold',
        summary: 'Put a youth on legal hold',
        description:
          'The retention job passes the youth by until the hold is lifted: their personal data is kept past ' +
          'the retention period. A leader only; the reason is required and logged.',
        tags: ['retention'],
        params: idParams,
        body: reasonBody,
        response: {
          204: z.null().describe('On legal hold.'),
          ...authErrors,
          ...notFound,
          409: errorResponse.describe('The youth is anonymised already.'),
        },
      },
    },
    async (request, reply) => {
      await placeLegalHold(deps, actorOf(request), request.params.id, request.body.reason);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/youth/:id/legal-hold',
    {
      config: { roles: leaders },
      schema: {
        operationId: 'liftLegalHold',
        summary: 'Lift a youth’s legal hold',
        description: 'The retention period applies again from the next nightly run. A leader only; logged.',
        tags: ['retention'],
        params: idParams,
        response: { 204: z.null().describe('Lifted (or there was none).'), ...authErrors, ...notFound },
      },
    },
    async (request, reply) => {
      await liftLegalHold(deps, actorOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/youth/:id/deletion',
    {
      config: { roles: leaders },
      schema: {
        operationId: 'deleteYouthRegisteredByMistake',
        summary: 'Delete a youth registered by mistake',
        description:
          `Deletes the youth and everything recorded about them, within ${DELETABLE_DAYS} days of the registration ` +
          'or while no journey has gone beyond referral, and never while on legal hold. A leader only; the reason ' +
          'is required. The audit log keeps the deletion under a keyed hash of the youth’s id, never the name.',
        tags: ['retention'],
        params: idParams,
        body: reasonBody,
        response: {
          204: z.null().describe('Deleted.'),
          ...authErrors,
          ...notFound,
          409: errorResponse.describe(
            'The youth cannot be deleted as registered by mistake (the reason is in the field errors).',
          ),
        },
      },
    },
    async (request, reply) => {
      await deleteYouthRegisteredByMistake(deps, actorOf(request), request.params.id, request.body.reason);
      return reply.code(204).send(null);
    },
  );
};
