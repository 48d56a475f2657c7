import { z } from 'zod';
import { stages } from '../../machines/journey.ts';
import { findAlerts } from '../alerts/alert.service.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { findJourneys } from '../journeys/journey.service.ts';
import { danishDate } from '../shared/clock.ts';
import { ageOn } from '../youth/cpr.ts';
import { findYouth } from '../youth/youth.service.ts';
import { textsFor } from './web.render.ts';
import { pageFor, riskLabel, staff, type WebApp, type WebContext, when } from './web.shared.ts';

/** Mine unge: the caseload, with a search box and a stage filter. */
export function registerCaseloadPages(app: WebApp, { deps, page }: WebContext) {
  app.get(
    '/',
    {
      config: pageFor(staff),
      schema: {
        hide: true,
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          stage: z.union([z.enum(stages), z.literal('')]).optional(),
          lang: z.string().optional(),
        }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const t = textsFor(request.lang);
      const { q = '', stage = '' } = request.query;
      const heading = actor.role === 'caseworker' ? t.caseloadTitle : t.allJourneysTitle;
      if (q) {
        // Searched through the youth service, which writes the search and its criteria to the audit log.
        const found = await findYouth(deps, actor, { query: q, page: 1, pageSize: 50 });
        return page(request, reply, 'caseload', heading, {
          heading,
          q,
          stage,
          stageOptions: stages,
          searchResults: found.items,
          rows: [],
          total: found.total,
        });
      }
      const caseworkerId = actor.role === 'caseworker' ? actor.userId : undefined;
      const journeys = await findJourneys(
        deps,
        actor,
        { caseworkerId, ...(stage ? { stage } : { open: true }) },
        { page: 1, pageSize: 200 },
      );
      const alerts = await findAlerts(deps, actor, { status: 'unresolved', caseworkerId }, { page: 1, pageSize: 500 });
      const now = deps.clock();
      const rows = journeys.items.map((j) => {
        const firstConversationDue =
          j.stage === 'referred' ? new Date(j.firstContactAt.getTime() + 7 * 86_400_000) : null;
        const days = j.lastActivityAt ? Math.floor((now.getTime() - j.lastActivityAt.getTime()) / 86_400_000) : null;
        return {
          youthId: j.youthId,
          name: j.youthName,
          age: ageOn(j.youthBirthDate, danishDate(now)),
          stage: j.stage,
          caseworker: j.caseworkerName,
          lastActivity: days === null ? t.never : days === 0 ? t.today : `${days} ${t.daysAgo}`,
          alerts: alerts.items
            .filter((a) => a.journeyId === j.id)
            .map((a) => ({ severity: a.severity, label: riskLabel(a.code, request.lang) })),
          // LAB § 31 stk. 5: the first conversation is held within 7 days of first contact.
          deadline: firstConversationDue ? `${t.firstConversationBy} ${when(firstConversationDue, request.lang)}` : '',
          overdue: firstConversationDue !== null && firstConversationDue < now,
        };
      });
      return page(request, reply, 'caseload', heading, {
        heading,
        q,
        stage,
        stageOptions: stages,
        searchResults: null,
        rows,
        total: journeys.total,
        showCaseworker: actor.role !== 'caseworker',
      });
    },
  );
}
