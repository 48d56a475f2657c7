import { z } from 'zod';
import { type Stage, stages } from '../../machines/journey.ts';
import { unresolvedAlertsOf } from '../alerts/alert.service.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { nextDeadlineOf } from '../journeys/journey.deadline.ts';
import { journeyOrderColumns } from '../journeys/journey.repository.ts';
import { findJourneys } from '../journeys/journey.service.ts';
import { danishDate, danishDaysBetween } from '../shared/clock.ts';
import { listMunicipalityUsers } from '../users/users.service.ts';
import { ageOn, looksLikeCpr } from '../youth/cpr.ts';
import { findYouth } from '../youth/youth.service.ts';
import { translator } from '../shared/texts.ts';
import {
  formBody,
  pageFor,
  pagerOf,
  deadlineText,
  riskLabel,
  staff,
  text,
  type WebApp,
  type WebContext,
  whenDay,
} from './web.shared.ts';
import type { FastifyRequest } from 'fastify';

const PAGE_SIZE = 25;
/** How many youth a search shows; a search that finds more asks to be more precise. */
const SEARCH_SIZE = 50;

const caseloadQuery = z.object({
  stage: z.union([z.enum(stages), z.literal('')]).optional(),
  caseworkerId: z.union([z.uuid(), z.literal('')]).optional(),
  alerts: z.union([z.literal('1'), z.literal('')]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
  sort: z.enum(journeyOrderColumns).optional(),
  dir: z.enum(['asc', 'desc']).optional(),
  lang: z.string().optional(),
});
type CaseloadQuery = z.infer<typeof caseloadQuery>;

/** The address of the list with these criteria (empty ones and the first page left out). */
function hrefOf(query: Omit<CaseloadQuery, 'lang'>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const isDefault =
      (key === 'page' && value === 1) || (key === 'sort' && value === 'name') || (key === 'dir' && value === 'asc');
    if (value !== undefined && value !== '' && !isDefault) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `/?${text}` : '/';
}

/**
 * Mine unge (a caseworker's own journeys) and Alle forløb (a leader's view of the municipality,
 * with a caseworker filter): stage, last activity, alert badges and the next deadline, page by page.
 * The search box looks youth up through the youth service, which audits the search and its criteria.
 */
export function registerCaseloadPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  /** What the list page shows above the list: heading, the search box and the filters as chosen. */
  async function frameOf(
    request: FastifyRequest,
    chosen: { q: string; stage: string; alerts: string; caseworkerId: string },
  ) {
    const actor = actorOf(request);
    const t = translator(request.lang);
    const isLeader = actor.role === 'leader';
    return {
      heading: isLeader ? t('caseload.allJourneysTitle') : t('caseload.caseloadTitle'),
      ...chosen,
      stageOptions: stages,
      isLeader,
      caseworkerChoices: isLeader
        ? (await listMunicipalityUsers(deps.db, actor)).filter((u) => u.role === 'caseworker')
        : [],
    };
  }

  // The search is a POST: a name or CPR number typed into it never becomes part of an address
  // (browser history, proxy logs). The youth service audits the search and its criteria.
  app.post(
    '/unge/soeg',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const q = text(request.body, 'q').trim().slice(0, 100);
      if (!q) return reply.redirect('/', 303);
      const frame = await frameOf(request, { q, stage: '', alerts: '', caseworkerId: '' });
      const found = await findYouth(deps, actorOf(request), { query: q, page: 1, pageSize: SEARCH_SIZE });
      return page(request, reply, 'caseload', frame.heading, {
        ...frame,
        searchResults: found.items,
        searchBy: found.by,
        fromCpr: looksLikeCpr(q),
        rows: [],
        columns: [],
        total: found.total,
        pager: null,
      });
    },
  );

  app.get(
    '/',
    { config: pageFor(staff), schema: { hide: true, querystring: caseloadQuery } },
    async (request, reply) => {
      const actor = actorOf(request);
      const lang = request.lang;
      const t = translator(lang);
      const isLeader = actor.role === 'leader';
      const { stage = '', alerts = '', page: pageNumber = 1, sort = 'name', dir = 'asc' } = request.query;
      // A caseworker's list is their own caseload; choosing another caseworker is the leader's.
      const caseworkerId = isLeader ? (request.query.caseworkerId ?? '') : actor.userId;
      const criteria = { stage, alerts, caseworkerId: isLeader ? caseworkerId : '', page: pageNumber, sort, dir };
      // Each column's header sorts by it; the sorted column's header turns the direction round.
      // A new order starts at the first page.
      const columns = journeyOrderColumns
        .filter((column) => column !== 'caseworker' || isLeader)
        .map((column) => ({
          column,
          ariaSort: column === sort ? (dir === 'asc' ? 'ascending' : 'descending') : null,
          href: hrefOf({
            ...criteria,
            page: 1,
            sort: column,
            dir: column === sort && dir === 'asc' ? 'desc' : 'asc',
          }),
        }));
      const frame = await frameOf(request, { q: '', stage, alerts, caseworkerId: criteria.caseworkerId });
      const heading = frame.heading;
      const pager = (total: number) => pagerOf(total, pageNumber, PAGE_SIZE, (n) => hrefOf({ ...criteria, page: n }));
      const journeys = await findJourneys(
        deps,
        actor,
        {
          caseworkerId: caseworkerId || undefined,
          ...(stage ? { stage } : { open: true }),
          withOpenAlerts: alerts === '1' || undefined,
        },
        { page: pageNumber, pageSize: PAGE_SIZE },
        { column: sort, direction: dir },
      );
      // The alerts of the journeys on this page, in one read.
      const unresolved = await unresolvedAlertsOf(
        deps,
        actor,
        journeys.items.map((j) => j.id),
      );
      const now = deps.clock();
      const today = danishDate(now);
      const rows = journeys.items.map((j) => {
        const days = j.lastActivityAt ? danishDaysBetween(j.lastActivityAt, now) : null;
        const deadline = nextDeadlineOf({ ...j, stage: j.stage as Stage });
        return {
          youthId: j.youthId,
          name: j.youthName,
          age: ageOn(j.youthBirthDate, today),
          stage: j.stage,
          caseworker: j.caseworkerName,
          lastActivity: days === null ? t('common.never') : t('common.daysAgo', { days }),
          alerts: unresolved
            .filter((a) => a.journeyId === j.id)
            .map((a) => ({ severity: a.severity, label: riskLabel(a.code, lang) })),
          deadline: deadline && {
            text: deadlineText(deadline, t),
            date: whenDay(deadline.due, lang),
            overdue: deadline.due < today,
          },
        };
      });
      return page(request, reply, 'caseload', heading, {
        ...frame,
        searchResults: null,
        rows,
        columns,
        total: journeys.total,
        pager: pager(journeys.total),
      });
    },
  );
}
