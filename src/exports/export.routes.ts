import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import { exportYouthAccess } from './access-export.service.ts';
import { evaluationToCsv, exportEvaluation } from './evaluation-export.service.ts';
import {
  accessExportQuery,
  accessExportResponse,
  evaluationExportQuery,
  evaluationExportResponse,
} from './export.schemas.ts';

/** A file name of letters, digits and dashes only, so the header needs no quoting rules. */
const fileNamePart = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 40) || 'evaluering';

export const exportRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/youth/:id/access-export',
    {
      config: { roles: ['caseworker', 'leader'] },
      schema: {
        operationId: 'getAccessExport',
        summary: 'Everything about a youth: the right of access (GDPR art. 15)',
        description:
          'Everything Ungeflow holds about the youth: personal details, every journey with its events, the ' +
          "rules' decisions with their explanations, groups and attendance, contacts, placements and hours, " +
          'offers, progression, the plan and its versions, follow-ups, alerts, case notes, appointments, and ' +
          'who has read or changed the data and when (from the audit log). A PDF in plain Danish or English ' +
          "for the youth, or JSON for a system. The youth's own CPR number is shown in full once; CPR-shaped " +
          "numbers in free text are masked. Colleagues are named by role unless the municipality's setting " +
          '`accessExport.colleagueNames` is on. The export is audited (`youth.access_exported`).',
        tags: ['exports'],
        params: idParams,
        querystring: accessExportQuery,
        response: { 200: accessExportResponse, ...authErrors, 404: errorResponse },
      },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const file = await exportYouthAccess(deps, actorOf(request), request.params.id, { format, lang });
      reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        // Personal data: not kept by browsers or proxies.
        .header('cache-control', 'private, no-store');
      if (file.format === 'pdf') return reply.type('application/pdf').send(file.bytes);
      return reply.type('application/json; charset=utf-8').send(Buffer.from(JSON.stringify(file.body), 'utf8'));
    },
  );

  app.get(
    '/evaluation-export',
    {
      config: { roles: ['leader'] },
      schema: {
        operationId: 'getEvaluationExport',
        summary: "The randomised trial's data, pseudonymised",
        description:
          'One row per journey drawn (randomised) in the period: the arm and its seed, the days of referral, ' +
          'visitation and exit, category and barriers, weeks in placement by kind, the exit outcome, the ' +
          'follow-up status at 3, 6 and 12 months, and the progression factors first and last. The youth is ' +
          'named by a pseudonym, a keyed hash of the CPR number that is the same in every export of the same ' +
          'evaluation in the municipality and different for another evaluation or municipality. No name, CPR ' +
          'number or free text. Leaders only; audited (`evaluation.exported`).',
        tags: ['exports'],
        querystring: evaluationExportQuery,
        response: { 200: evaluationExportResponse, ...authErrors },
      },
    },
    async (request, reply) => {
      const { format, ...wanted } = request.query;
      const result = await exportEvaluation(deps, actorOf(request), { ...wanted, format });
      const name = `evaluering-${fileNamePart(result.evaluation)}-${result.from}-${result.to}`;
      reply.header('cache-control', 'private, no-store');
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(Buffer.from(evaluationToCsv(result.rows), 'utf8'));
      }
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.json"`)
        .send(
          Buffer.from(
            JSON.stringify({
              format: 'ungeflow-evaluation-export',
              formatVersion: 1,
              evaluation: result.evaluation,
              from: result.from,
              to: result.to,
              exportedAt: result.exportedAt.toISOString(),
              rows: result.rows,
            }),
            'utf8',
          ),
        );
    },
  );
};
