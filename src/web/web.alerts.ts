import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { acknowledgeAlert, findAlerts } from '../alerts/alert.service.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { DomainError } from '../shared/errors.ts';
import type { Text } from '../shared/i18n.ts';
import { fieldMessages } from '../shared/validation.ts';
import { textsFor } from './web.render.ts';
import { formBody, pageFor, riskLabel, text, type WebApp, type WebContext, when } from './web.shared.ts';

const alertParams = z.object({ alertId: z.uuid() });

/** The leader's alert inbox. */
export function registerAlertPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  async function alertsPage(
    request: FastifyRequest,
    reply: FastifyReply,
    kept: {
      id?: string;
      values?: Record<string, string>;
      errors?: Record<string, string>;
      problem?: string;
      notice?: string;
      status?: number;
    } = {},
  ) {
    const lang = request.lang;
    const t = textsFor(lang);
    const open = await findAlerts(deps, actorOf(request), { status: 'open' }, { page: 1, pageSize: 200 });
    return page(
      request,
      reply.code(kept.status ?? 200),
      'alerts',
      t.alertsTitle,
      {
        alerts: open.items.map((a) => ({
          id: a.id,
          youthId: a.youthId,
          youthName: a.youthName,
          severity: a.severity,
          label: riskLabel(a.code, lang),
          message: (a.explanation as { message?: Text }).message?.[lang] ?? '',
          opened: when(a.openedAt, lang),
          version: a.version,
        })),
        keptId: kept.id ?? null,
        values: kept.values ?? {},
        errors: kept.errors ?? {},
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  app.get('/advarsler', { config: pageFor(['leader']), schema: { hide: true } }, (request, reply) =>
    alertsPage(request, reply, {
      notice: (request.query as { done?: string }).done ? textsFor(request.lang).acknowledged : undefined,
    }),
  );

  app.post(
    '/advarsler/:alertId/kvitter',
    {
      config: pageFor(['leader']),
      preHandler: checkCsrf,
      schema: { hide: true, params: alertParams, body: formBody },
    },
    async (request, reply) => {
      const { alertId } = request.params;
      const t = textsFor(request.lang);
      const note = text(request.body, `note-${alertId}`).trim();
      const values = { note };
      if (!note) {
        return alertsPage(request, reply, {
          id: alertId,
          values,
          errors: { note: fieldMessages.not_blank[request.lang] },
          problem: t.formErrors,
          status: 400,
        });
      }
      try {
        await acknowledgeAlert(deps, actorOf(request), alertId, {
          version: Number(text(request.body, 'version')),
          note,
        });
      } catch (error) {
        if (error instanceof DomainError && error.code === 'version_conflict') {
          return alertsPage(request, reply, { id: alertId, values, problem: t.alertVersionConflict, status: 409 });
        }
        throw error;
      }
      return reply.redirect('/advarsler?done=1', 303);
    },
  );
}
