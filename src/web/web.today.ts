import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { Lang } from '../shared/i18n.ts';
import { translator } from '../shared/texts.ts';
import { dateTimeFormat } from '../shared/formats.ts';
import { DEFAULT_CONTACT_DAYS, todayOf } from '../today/today.service.ts';
import { appointmentLine } from './web.appointments.ts';
import { deadlineText, pageFor, riskLabel, type WebApp, type WebContext, when, whenDay } from './web.shared.ts';

/** Days without contact the page asks about unless the caseworker chooses another number. */
const todayQuery = z.object({
  dage: z.coerce.number().int().min(1).max(365).catch(DEFAULT_CONTACT_DAYS).optional(),
  lang: z.string().optional(),
});

const clockTime = (instant: Date, lang: Lang) =>
  dateTimeFormat(lang, {
    timeZone: 'Europe/Copenhagen',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);

const severities = ['high', 'medium', 'low', 'info'] as const;

/**
 * "I dag": the caseworker's start page. Today's group meetings and appointments, this week's
 * deadlines, their open alerts by severity, and the youth they have not been in contact with for
 * a number of days they choose (a GET form, so the page can be bookmarked with it).
 */
export function registerTodayPage(app: WebApp, { deps, page }: WebContext) {
  app.get(
    '/i-dag',
    { config: pageFor(['caseworker']), schema: { hide: true, querystring: todayQuery } },
    async (request, reply) => {
      const lang = request.lang;
      const t = translator(lang);
      const now = deps.clock();
      const contactDays = request.query.dage ?? DEFAULT_CONTACT_DAYS;
      const today = await todayOf(deps, actorOf(request), contactDays);
      return page(request, reply, 'today', t('today.title'), {
        date: whenDay(today.day, lang),
        meetings: today.meetings.map((m) => ({
          href: `/grupper/${m.groupId}/moeder/${m.id}`,
          line: t('today.meetingLine', { time: clockTime(m.startsAt, lang), group: m.groupName, place: m.place }),
          link: t('today.attendanceLink', { group: m.groupName }),
        })),
        appointments: today.appointments.map((a) => ({
          ...appointmentLine(a, now, lang),
          time: clockTime(a.startsAt, lang),
          youth: a.youth,
        })),
        deadlines: today.deadlines.map((d) => ({
          youth: d.youth,
          text: `${deadlineText(d, t)} ${whenDay(d.due, lang)}`,
          overdue: d.overdue,
        })),
        alertGroups: severities
          .map((severity) => ({
            severity,
            heading: t('today.alertCount', {
              severity: t(`common.severity.${severity === 'info' ? 'low' : severity}`),
              count: today.alerts.filter((a) => a.severity === severity).length,
            }),
            alerts: today.alerts
              .filter((a) => a.severity === severity)
              .map((a) => ({ youth: { id: a.youthId, name: a.youthName }, label: riskLabel(a.code, lang) })),
          }))
          .filter((g) => g.alerts.length > 0),
        contactDays,
        withoutContact: today.withoutContact.map((w) => ({
          youth: { id: w.youthId, name: w.youthName },
          stage: w.stage,
          last: t('today.lastContact', { date: when(w.lastContactAt, lang) }),
        })),
      });
    },
  );
}
