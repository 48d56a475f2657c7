import { z } from 'zod';
import { appendAudit } from '../audit/audit.repository.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { listMessages } from '../messages/message.repository.ts';
import { translator } from '../shared/texts.ts';
import { clockTime, pageFor, when, type WebApp, type WebContext } from './web.shared.ts';

const PAGE_SIZE = 100;

const messagesQuery = z.object({ lang: z.string().optional() });

/** A phone number with its middle hidden ('12 •• •• 78'); an e-mail address with its name shortened. */
export function maskRecipient(channel: 'sms' | 'email', to: string): string {
  if (channel === 'sms') {
    const digits = to.replace(/\D/g, '');
    return digits.length >= 4 ? `${digits.slice(0, 2)} •• •• ${digits.slice(-2)}` : '••';
  }
  const [name = '', domain = ''] = to.split('@');
  return `${name.slice(0, 2)}•••@${domain}`;
}

/**
 * "Beskeder": the administrator's outbox, the messages sent to youth, newest first. On an instance
 * with no SMS gateway or mail server it is the delivery itself: the demo's user finds a youth's
 * one-time link here. Reading it is audited, as the texts hold such links.
 */
export function registerMessagesPage(app: WebApp, { deps, page }: WebContext) {
  app.get(
    '/admin/beskeder',
    { config: pageFor(['admin']), schema: { hide: true, querystring: messagesQuery } },
    async (request, reply) => {
      const actor = actorOf(request);
      const lang = request.lang;
      const tr = translator(lang);
      const { items, total } = await listMessages(deps.db, actor.municipalityId, { limit: PAGE_SIZE, offset: 0 });
      await appendAudit(deps.db, {
        municipalityId: actor.municipalityId,
        userId: actor.userId,
        youthId: null,
        action: 'messages.read',
        details: { shown: items.length },
        ip: actor.ip,
        requestId: actor.requestId,
      });
      const outboxOnly =
        deps.messenger.transportOf('sms') === 'outbox' && deps.messenger.transportOf('email') === 'outbox';
      return page(request, reply, 'messages', tr('myjourney.messages.title'), {
        outboxOnly,
        total,
        messages: items.map((m) => ({
          iso: m.createdAt.toISOString(),
          when: `${when(m.createdAt, lang)} ${clockTime(m.createdAt, lang)}`,
          youth: m.youthName,
          channel: tr(`myjourney.messages.channels.${m.channel}`),
          to: maskRecipient(m.channel, m.recipient),
          transport: tr(`myjourney.messages.transports.${m.transport}`),
          status: tr(`myjourney.messages.statuses.${m.status}`),
          failed: m.status === 'failed',
          subject: m.subject,
          text: m.body,
        })),
      });
    },
  );
}
