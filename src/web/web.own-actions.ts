import type { ownActionsOfJourney } from '../participation/own-actions.ts';
import { isoWeek } from '../shared/days.ts';
import type { Lang } from '../shared/i18n.ts';
import type { Translate } from '../shared/texts.ts';
import { formatNumber, when, whenWithTime } from './web.shared.ts';
import type { TimelineEntry } from './web.youth-view.ts';

/** The youth's own actions in the journey's timeline, each marked as theirs. */
export function ownActionsTimeline(
  own: Awaited<ReturnType<typeof ownActionsOfJourney>>,
  t: Translate,
  lang: Lang,
): TimelineEntry[] {
  const entry = (at: Date, title: string, detail: string): TimelineEntry => ({
    title,
    iso: at.toISOString(),
    date: when(at, lang),
    detail,
    byYouth: true,
  });
  const afbud = (what: string, at: Date, reason: string | null) =>
    reason
      ? t('participation.timeline.afbudDetailWithReason', { what, time: whenWithTime(at, lang), reason })
      : t('participation.timeline.afbudDetail', { what, time: whenWithTime(at, lang) });
  return [
    ...own.attendance.map((a) =>
      a.status === 'attended'
        ? entry(
            a.recordedAt,
            t('participation.timeline.checkedIn'),
            t('participation.timeline.checkedInDetail', { group: a.groupName, time: whenWithTime(a.startsAt, lang) }),
          )
        : entry(a.recordedAt, t('participation.timeline.meetingAfbud'), afbud(a.groupName, a.startsAt, a.note)),
    ),
    ...own.appointments.flatMap((a) =>
      a.notifiedAbsence
        ? [
            entry(
              a.notifiedAbsence.at,
              t('participation.timeline.appointmentAfbud'),
              afbud(t(`appointments.kinds.${a.kind}`), a.startsAt, a.notifiedAbsence.note),
            ),
          ]
        : [],
    ),
    ...own.hours.map((r) =>
      entry(
        r.reportedAt,
        t('participation.timeline.hoursReported'),
        t('participation.timeline.hoursReportedDetail', {
          company: r.company.name,
          week: isoWeek(r.weekStart),
          hours: formatNumber(r.hours, lang),
        }),
      ),
    ),
  ];
}
