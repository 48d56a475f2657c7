import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { deliveryParams } from '../alerts/webhook.schemas.ts';
import { findDeliveries, retryDelivery } from '../alerts/webhook.service.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { readSettings } from '../municipalities/settings.service.ts';
import { DomainError } from '../shared/errors.ts';
import { admins } from './web.admin-settings.ts';
import { translator } from '../shared/texts.ts';
import { formBody, pageFor, pagerOf, riskLabel, type WebApp, type WebContext, whenWithTime } from './web.shared.ts';

const PAGE_SIZE = 25;

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  registreret: z.string().optional(),
  lang: z.string().optional(),
});

const hrefOf = (page: number) => (page > 1 ? `/admin/webhook?page=${page}` : '/admin/webhook');

/**
 * The webhook deliveries that failed after their last attempt, each with "Prøv igen", which puts it
 * back in the queue (the webhook service checks the municipality, audits, and refuses one already
 * sent again).
 */
export function registerAdminWebhookPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  async function deliveriesPage(
    request: FastifyRequest,
    reply: FastifyReply,
    view: { page: number; notice?: string | undefined; problem?: string; status?: number },
  ) {
    const actor = actorOf(request);
    const lang = request.lang;
    const t = translator(lang);
    const failed = await findDeliveries(deps.db, actor, 'failed', { page: view.page, pageSize: PAGE_SIZE });
    const settings = await readSettings(deps.db, actor);
    return page(
      request,
      reply.code(view.status ?? 200),
      'webhooks',
      t('admin.webhooksTitle'),
      {
        webhookSet: settings.webhook.url !== null,
        whenRetried: deps.config.sweepEnabled ? t('admin.retryWhenScheduled') : t('admin.retryWhenManual'),
        total: failed.total,
        deliveries: failed.items.map((d) => ({
          id: d.id,
          failedAt: d.failedAt ? whenWithTime(d.failedAt, lang) : '',
          alert: riskLabel(d.alertCode, lang),
          attempts: d.attempts,
          lastError: d.lastError ?? '',
        })),
        pager: pagerOf(failed.total, view.page, PAGE_SIZE, hrefOf),
      },
      { notice: view.notice, problem: view.problem },
    );
  }

  app.get(
    '/admin/webhook',
    { config: pageFor(admins), schema: { hide: true, querystring: listQuery } },
    (request, reply) => {
      const t = translator(request.lang);
      return deliveriesPage(request, reply, {
        page: request.query.page ?? 1,
        notice: request.query.registreret ? t('admin.deliveryRequeued') : undefined,
      });
    },
  );

  app.post(
    '/admin/webhook/:id/proev-igen',
    {
      config: pageFor(admins),
      preHandler: checkCsrf,
      schema: { hide: true, params: deliveryParams, body: formBody },
    },
    async (request, reply) => {
      try {
        await retryDelivery(deps, actorOf(request), request.params.id);
      } catch (error) {
        // Sent again from another tab or by a colleague meanwhile: said, and the list shown as it is now.
        if (error instanceof DomainError && error.code === 'conflict') {
          const t = translator(request.lang);
          return deliveriesPage(request, reply, { page: 1, problem: t('admin.deliveryAlreadyRequeued'), status: 409 });
        }
        throw error;
      }
      return reply.redirect('/admin/webhook?registreret=1', 303);
    },
  );
}
