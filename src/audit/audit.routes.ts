import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { startOfDanishDay } from '../shared/clock.ts';
import { addDays } from '../shared/days.ts';
import { authErrors, pageOf, pageQuery } from '../shared/schemas.ts';
import { auditToCsv } from './audit.csv.ts';
import { exportAuditLog, MOST_ROWS_IN_CSV, readAuditLog } from './audit.service.ts';
import { auditActions, type AuditEntry, type AuditFilter } from './audit.types.ts';

const filterQuery = {
  userId: z.uuid().optional(),
  youthId: z.uuid().optional(),
  action: z.enum(auditActions).optional(),
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
};

const auditQuery = z.object({ ...filterQuery, ...pageQuery });
const auditCsvQuery = z.object({
  ...filterQuery,
  lang: z.enum(['da', 'en']).default('da').describe('The language of the headings and the actions'),
});

const auditEntrySchema = z
  .object({
    id: z.string(),
    occurredAt: z.iso.datetime(),
    userId: z.uuid().nullable(),
    userName: z.string().nullable(),
    action: z.enum(auditActions),
    youthId: z.uuid().nullable(),
    youthName: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

const csvResponse = {
  description: 'The entries as semicolon-separated UTF-8 CSV with a byte order mark, newest first',
  content: { 'text/csv': { schema: z.instanceof(Buffer).meta({ type: 'string', format: 'binary' }) } },
};

/** A plain date is a Danish calendar day; `to` includes its whole day. A full timestamp is taken as it is. */
function filterOf(query: z.infer<z.ZodObject<typeof filterQuery>>): AuditFilter {
  const { from, to, ...rest } = query;
  const instant = (value: string, nextDay: boolean) =>
    /^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfDanishDay(nextDay ? addDays(value, 1) : value) : new Date(value);
  return { ...rest, from: from ? instant(from, false) : undefined, to: to ? instant(to, true) : undefined };
}

const entryToResponse = (e: AuditEntry) => ({ ...e, occurredAt: e.occurredAt.toISOString() });

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
      const { page, pageSize, ...filter } = request.query;
      const result = await readAuditLog(deps, actorOf(request), filterOf(filter), { page, pageSize });
      return { items: result.items.map(entryToResponse), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/audit.csv',
    {
      config: { roles: ['leader', 'admin'] },
      schema: {
        operationId: 'getAuditCsv',
        summary: 'The audit log as CSV for Excel',
        description:
          `Every entry the filter finds (as GET /api/audit), at most ${MOST_ROWS_IN_CSV}: a wider filter answers 400 ` +
          'and asks for a narrower one. Headings in Danish, or English with `lang=en`. CPR numbers never appear. ' +
          'Reading the log is itself logged.',
        tags: ['audit'],
        querystring: auditCsvQuery,
        response: { 200: csvResponse, ...authErrors },
      },
    },
    async (request, reply) => {
      const { lang, ...filter } = request.query;
      const entries = await exportAuditLog(deps, actorOf(request), filterOf(filter));
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="logning.csv"')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(auditToCsv(entries, lang), 'utf8'));
    },
  );
};
