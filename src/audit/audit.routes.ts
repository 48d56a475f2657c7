import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { startOfDanishDay } from '../shared/clock.ts';
import { addDays } from '../shared/days.ts';
import { authErrors, pageOf, pageQuery } from '../shared/schemas.ts';
import { appendAudit, listAudit } from './audit.repository.ts';
import { auditActions } from './audit.types.ts';

const auditQuery = z.object({
  userId: z.uuid().optional(),
  youthId: z.uuid().optional(),
  action: z.enum(auditActions).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  ...pageQuery,
});

const auditEntrySchema = z
  .object({
    id: z.string(),
    occurredAt: z.iso.datetime(),
    userId: z.uuid().nullable(),
    userName: z.string().nullable(),
    action: z.enum(auditActions),
    youthId: z.uuid().nullable(),
    details: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/audit',
    {
      config: { roles: ['leader', 'admin'] },
      schema: {
        operationId: 'listAuditEntries',
        summary: 'Read the audit log',
        description:
          'Newest first, filtered by user, youth, action and period (a plain date is a Danish calendar day; ' +
          '`to` includes its whole day). Reading the log is itself logged.',
        tags: ['audit'],
        querystring: auditQuery,
        response: { 200: pageOf(auditEntrySchema).describe('A page of the entries found.'), ...authErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { page, pageSize, from, to, ...rest } = request.query;
      // A plain date is a Danish calendar day; `to` includes its whole day.
      const instant = (value: string, nextDay: boolean) =>
        /^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfDanishDay(nextDay ? addDays(value, 1) : value) : new Date(value);
      const filter = { ...rest, from: from ? instant(from, false) : undefined, to: to ? instant(to, true) : undefined };
      const result = await deps.db.transaction().execute(async (trx) => {
        const found = await listAudit(trx, actor.municipalityId, filter, {
          limit: pageSize,
          offset: (page - 1) * pageSize,
        });
        // Reading the log is itself logged: it shows who looked at whose data.
        await appendAudit(trx, {
          municipalityId: actor.municipalityId,
          userId: actor.userId,
          action: 'audit.read',
          details: { criteria: request.query },
          ip: actor.ip,
          requestId: actor.requestId,
        });
        return found;
      });
      return {
        items: result.items.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
        total: result.total,
        page,
        pageSize,
      };
    },
  );
};
