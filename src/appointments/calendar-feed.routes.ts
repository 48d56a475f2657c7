import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../deps.ts';
import { DomainError } from '../shared/errors.ts';
import { calendarOfAddress } from './calendar-feed.ts';

/** A feed's file name: its token (43 characters of base64url, see CalendarFeedKey) and `.ics`. */
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;

/**
 * GET /kalender/<token>.ics: a user's calendar feed, for Outlook and other calendar programs that
 * subscribe to an address and send no session. The secret address is the only credential; the
 * request log never shows it (loggableUrl in src/app.ts).
 */
export const calendarFeedRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/kalender/:file',
    {
      config: { public: true },
      schema: { hide: true, params: z.object({ file: z.string().max(100) }) },
    },
    async (request, reply) => {
      const token = FEED_FILE.exec(request.params.file)?.[1];
      const calendar = token
        ? await calendarOfAddress(deps, token, { ip: request.ip, requestId: request.id }, request.lang)
        : undefined;
      if (calendar === undefined) throw new DomainError('not_found');
      return (
        reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', 'inline; filename="ungeflow.ics"')
          // It names youth: not kept by proxies; the calendar program asks again (the feed's TTL).
          .header('cache-control', 'private, no-store')
          .send(calendar)
      );
    },
  );
};
