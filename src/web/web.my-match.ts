import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { youthOf } from '../auth/auth.plugin.ts';
import { chooseOwnWishes, OWN_WISHES_MAX, ownMatchEvents } from '../matching/match-event.service.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { translator } from '../shared/texts.ts';
import { dateTimeFormat } from '../shared/formats.ts';
import {
  type Form,
  formBody,
  MY_JOURNEY_PATH,
  text,
  type WebApp,
  type WebContext,
  youthPageConfig,
} from './web.shared.ts';

/**
 * The young person's wishes for a match event on their own side (docs/decisions/0016): the events
 * they take part in, the companies there, and a first, second and third wish until the event's day,
 * then read-only. A plain form per event, POST-redirect-GET.
 */

export const MY_MATCH_PATH = `${MY_JOURNEY_PATH}/match`;

/** The form's fields, first wish first: `wish1`, `wish2`, `wish3`. */
const WISH_FIELDS = Array.from({ length: OWN_WISHES_MAX }, (_, index) => `wish${index + 1}`);

/** The link to the match page on the start page while the youth takes part in a coming event. */
export async function matchLink(deps: WebContext['deps'], request: FastifyRequest): Promise<string | null> {
  return (await ownMatchEvents(deps, youthOf(request))).length > 0 ? MY_MATCH_PATH : null;
}

/**
 * The wishes the form chose, first wish first with empty choices left out (a second wish without a
 * first is the first), each with the field it came from, to show a refusal there.
 */
function chosenWishes(form: Form): Array<{ field: string; companyId: string }> {
  return WISH_FIELDS.map((field) => ({ field, companyId: text(form, field) })).filter((w) => w.companyId !== '');
}

/** "tirsdag 15. december", as the start page says a day. */
function longDay(day: string, lang: Lang): string {
  return dateTimeFormat(lang, {
    timeZone: 'Europe/Copenhagen',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(new Date(`${day}T12:00:00Z`));
}

export function registerMyMatchPage(app: WebApp, { deps, myJourneyPage, checkCsrf }: WebContext): void {
  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    typed: { eventId: string; form: Form; errors: Record<string, string> } | null,
    extra: { notice?: string; problem?: string } = {},
  ) {
    const { lang } = request;
    const t = translator(lang);
    const events = await ownMatchEvents(deps, youthOf(request));
    return myJourneyPage(
      request,
      reply,
      'my-journey-match',
      t('youthvoice.match.title'),
      {
        max: OWN_WISHES_MAX,
        events: events.map(({ event, companies, wishes, open }) => {
          const names = new Map(companies.map((c) => [c.id, c.name]));
          const mine = typed?.eventId === event.id ? typed : null;
          return {
            id: event.id,
            day: longDay(event.date, lang),
            place: event.place,
            note: event.note,
            open,
            action: `${MY_MATCH_PATH}/${event.id}`,
            companies: companies.map((c) => ({ id: c.id, name: c.name, industry: c.industry, address: c.address })),
            wishes: wishes.map((id, index) => ({ rank: index + 1, name: names.get(id) ?? '' })),
            fields: WISH_FIELDS.map((field, index) => ({
              name: field,
              label: t('youthvoice.match.wishLabel', { rank: index + 1 }),
              value: mine ? text(mine.form, field) : (wishes[index] ?? ''),
              error: mine?.errors[field] ?? null,
            })),
          };
        }),
      },
      extra,
    );
  }

  app.get(
    MY_MATCH_PATH,
    {
      config: youthPageConfig(),
      schema: { hide: true, querystring: z.object({ gemt: z.string().max(4).optional() }) },
    },
    async (request, reply) => {
      const t = translator(request.lang);
      return show(request, reply, null, request.query.gemt === '1' ? { notice: t('youthvoice.match.saved') } : {});
    },
  );

  app.post(
    `${MY_MATCH_PATH}/:eventId`,
    {
      config: youthPageConfig(),
      preHandler: checkCsrf,
      schema: { hide: true, params: z.object({ eventId: z.uuid() }), body: formBody },
    },
    async (request, reply) => {
      const { lang } = request;
      const t = translator(lang);
      const { eventId } = request.params;
      const form = request.body;
      const chosen = chosenWishes(form);
      const errors: Record<string, string> = {};
      chosen.forEach((wish, index) => {
        if (chosen.findIndex((w) => w.companyId === wish.companyId) !== index) {
          errors[wish.field] = t('youthvoice.match.sameTwice');
        }
      });
      const refused = (status: number, problem: string) =>
        show(request, reply.code(status), { eventId, form, errors }, { problem });
      if (Object.keys(errors).length > 0) return refused(400, t('youthvoice.match.fix'));
      try {
        await chooseOwnWishes(
          deps,
          youthOf(request),
          eventId,
          chosen.map((w) => w.companyId),
        );
        return await reply.redirect(`${MY_MATCH_PATH}?gemt=1#event-${eventId}`, 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'validation_failed' && error.fieldErrors.length > 0) {
          // `companyIds.<n>` is the n-th chosen wish: shown at the field it was chosen in.
          for (const issue of error.fieldErrors) {
            const index = Number(issue.field.split('.')[1]);
            const field = chosen[index]?.field ?? WISH_FIELDS[0] ?? '';
            errors[field] ??= issue.message[lang];
          }
          return refused(400, t('youthvoice.match.fix'));
        }
        if (error.code === 'conflict') return refused(409, t('youthvoice.match.closedNow'));
        if (error.code === 'version_conflict')
          return show(request, reply.code(409), null, { problem: t('youthvoice.match.changed') });
        // Not found: an event the youth does not take part in is not theirs to see (the error page's 404).
        throw error;
      }
    },
  );
}
