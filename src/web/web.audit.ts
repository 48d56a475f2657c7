import { z } from 'zod';
import { auditDetailsText } from '../audit/audit.csv.ts';
import { MOST_ROWS_IN_CSV, readAuditLog } from '../audit/audit.service.ts';
import { type AuditAction, auditActions, type AuditFilter } from '../audit/audit.types.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { startOfDanishDay } from '../shared/clock.ts';
import { addDays, isCalendarDay } from '../shared/days.ts';
import { translator } from '../shared/texts.ts';
import { listMunicipalityUsers } from '../users/users.service.ts';
import { clockTime, pageFor, pagerOf, type WebApp, type WebContext, when } from './web.shared.ts';

const PAGE_SIZE = 50;

const auditPageQuery = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  userId: z.union([z.uuid(), z.literal('')]).optional(),
  youthId: z.union([z.uuid(), z.literal('')]).optional(),
  action: z.string().optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  lang: z.string().optional(),
});

/** The filter as chosen, each field as the form holds it ('' for none). */
interface Chosen {
  from: string;
  to: string;
  userId: string;
  youthId: string;
  action: string;
}

/** Whether an entry's details name the youth among those a search or list showed. */
const listsYouth = (details: Record<string, unknown>, youthId: string) =>
  Array.isArray(details.youthIds) && details.youthIds.includes(youthId);

const isAction = (value: string): value is AuditAction => (auditActions as readonly string[]).includes(value);

/** The address of the log with this filter (empty fields and the first page left out). */
function searchOf(chosen: Chosen, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...chosen, ...extra })) if (value) search.set(key, value);
  return search.toString();
}
const hrefOf = (chosen: Chosen, extra: Record<string, string> = {}) => {
  const search = searchOf(chosen, extra);
  return search ? `/logning?${search}` : '/logning';
};

/**
 * "Logning": the municipality's audit log for leaders and administrators (the administrator stands
 * in for the data protection officer), filtered by period, user, youth and action, a page at a
 * time, and the same rows as CSV. Reading it is itself logged (audit.service).
 */
export function registerAuditPage(app: WebApp, { deps, page }: WebContext) {
  app.get(
    '/logning',
    { config: pageFor(['leader', 'admin']), schema: { hide: true, querystring: auditPageQuery } },
    async (request, reply) => {
      const actor = actorOf(request);
      const lang = request.lang;
      const tr = translator(lang);
      const q = request.query;
      const chosen: Chosen = {
        from: q.from?.trim() ?? '',
        to: q.to?.trim() ?? '',
        userId: q.userId ?? '',
        youthId: q.youthId ?? '',
        action: q.action && isAction(q.action) ? q.action : '',
      };
      const errors: Record<string, string> = {};
      if (chosen.from && !isCalendarDay(chosen.from)) errors.from = tr('validation.date_format');
      if (chosen.to && !isCalendarDay(chosen.to)) errors.to = tr('validation.date_format');
      if (!errors.from && !errors.to && chosen.from && chosen.to && chosen.from > chosen.to) {
        errors.to = tr('audit.toBeforeFrom');
      }
      const users = await listMunicipalityUsers(deps.db, actor);
      const form = {
        values: chosen,
        errors,
        users: users.map((u) => ({
          value: u.id,
          label: tr('audit.userOption', { name: u.name, role: tr(`audit.roles.${u.role}`) }),
        })),
        actions: auditActions
          .map((a) => ({ value: a, label: tr(`audit.actions.${a}`) }))
          .sort((a, b) => a.label.localeCompare(b.label, lang)),
        clearHref: '/logning',
      };
      if (Object.keys(errors).length > 0) {
        return page(
          request,
          reply.code(400),
          'audit',
          tr('audit.title'),
          { ...form, youth: null, entries: [], total: 0, pager: null, csvHref: null, csvTooMany: false, csvMax: 0 },
          { problem: tr('common.formErrors') },
        );
      }
      const filter: AuditFilter = {
        userId: chosen.userId || undefined,
        youthId: chosen.youthId || undefined,
        action: isAction(chosen.action) ? chosen.action : undefined,
        from: chosen.from ? startOfDanishDay(chosen.from) : undefined,
        // The to-day is included.
        to: chosen.to ? startOfDanishDay(addDays(chosen.to, 1)) : undefined,
      };
      const pageNumber = q.page ?? 1;
      const log = await readAuditLog(deps, actor, filter, { page: pageNumber, pageSize: PAGE_SIZE });
      return page(request, reply, 'audit', tr('audit.title'), {
        ...form,
        youth: chosen.youthId
          ? { id: chosen.youthId, name: log.youthName ?? '', clearHref: hrefOf({ ...chosen, youthId: '' }) }
          : null,
        total: log.total,
        entries: log.items.map((e) => ({
          iso: e.occurredAt.toISOString(),
          when: tr('audit.at', {
            date: when(e.occurredAt, lang),
            time: clockTime(e.occurredAt, lang, { seconds: true }),
          }),
          user: e.userName ?? tr('audit.unknownUser'),
          action: tr(`audit.actions.${e.action}`),
          youth:
            e.youthId && e.youthName
              ? {
                  name: e.youthName,
                  href: hrefOf({ ...chosen, youthId: e.youthId }),
                  shown: e.youthId === chosen.youthId,
                }
              : null,
          // A search or list that showed the youth chosen among others names no youth of its own.
          amongOthers:
            !e.youthId && log.youthName && listsYouth(e.details, chosen.youthId)
              ? tr('audit.amongOthers', { name: log.youthName })
              : null,
          details: auditDetailsText(e.details),
          origin:
            e.ip || e.requestId ? tr('audit.requestAndAddress', { ip: e.ip ?? '–', request: e.requestId ?? '–' }) : '',
        })),
        pager: pagerOf(log.total, pageNumber, PAGE_SIZE, (n) => hrefOf(chosen, n > 1 ? { page: String(n) } : {})),
        csvHref: log.total <= MOST_ROWS_IN_CSV ? `/api/audit.csv?${searchOf(chosen, { lang })}` : null,
        csvTooMany: log.total > MOST_ROWS_IN_CSV,
        csvMax: MOST_ROWS_IN_CSV,
      });
    },
  );
}
