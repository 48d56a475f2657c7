import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors } from '../shared/schemas.ts';
import { overviewToCsv } from './overview.csv.ts';
import { overviewCsvQuery, overviewQuery, overviewResponse } from './overview.schemas.ts';
import { readOverview } from './overview.service.ts';

const roles = ['leader'] as const;

const csvResponse = {
  description: 'The key figures as semicolon-separated UTF-8 CSV with a byte order mark',
  content: { 'text/csv': { schema: z.instanceof(Buffer).meta({ type: 'string', format: 'binary' }) } },
};

export const overviewRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/overview',
    {
      config: { roles },
      schema: {
        operationId: 'getOverview',
        summary: "The leader's key figures for a period",
        description:
          'The figures of STAR: Den gode ungeindsats i jobcentrene (2017), s. 30-35, for a period: for the whole unit, ' +
          'or by caseworker or group.',
        tags: ['overview'],
        querystring: overviewQuery,
        response: { 200: overviewResponse.describe('The key figures.'), ...authErrors },
      },
    },
    async (request) => readOverview(deps, actorOf(request), request.query),
  );

  app.get(
    '/overview.csv',
    {
      config: { roles },
      schema: {
        operationId: 'getOverviewCsv',
        summary: 'The key figures as CSV for Excel',
        description: 'As GET /api/overview; `lang=en` gives English headings.',
        tags: ['overview'],
        querystring: overviewCsvQuery,
        response: { 200: csvResponse, ...authErrors },
      },
    },
    async (request, reply) => {
      const { lang, ...criteria } = request.query;
      const overview = await readOverview(deps, actorOf(request), criteria, lang);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="overblik-${criteria.from}-${criteria.to}.csv"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(overviewToCsv(overview, lang), 'utf8'));
    },
  );
};
