import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { youthOf } from '../auth/auth.plugin.ts';
import {
  comingAppointmentsOfYouth,
  notifyAppointmentAbsence,
  withdrawAppointmentAbsence,
} from '../appointments/appointment.youth.ts';
import { checkIn, comingMeetingsOfYouth, withdrawMeetingAbsence, notifyMeetingAbsence } from '../groups/check-in.ts';
import { hoursOfYouth, reportHours, type YouthWeek } from '../placements/hours-report.service.ts';
import { addDays, isoWeek } from '../shared/days.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { translator, type Translate } from '../shared/texts.ts';
import { dateTimeFormat } from '../shared/formats.ts';
import {
  clockTime,
  fieldErrorsOf,
  formatNumber,
  formBody,
  MY_JOURNEY_PATH,
  text,
  typedNumber,
  type WebApp,
  type WebContext,
  whenDay,
  youthPageConfig,
} from './web.shared.ts';

const CHECK_IN_PATH = `${MY_JOURNEY_PATH}/tjek-ind`;
const AFBUD_PATH = `${MY_JOURNEY_PATH}/afbud`;
const HOURS_PATH = `${MY_JOURNEY_PATH}/timer`;

/** A reason or message the youth may write: short, and never required. */
const MAX_NOTE = 500;

/**
 * The young person's own actions on Mit forløb, for a phone first and without JavaScript: checking
 * in at a group meeting with its code, saying they cannot come to a meeting or an appointment
 * (afbud) and taking it back, and reporting the hours worked at their placement. Plain forms,
 * POST-redirect-GET; a refusal is shown at its field in the youth's words.
 */
export function registerMyActionPages(app: WebApp, { deps, myJourneyPage, checkCsrf }: WebContext): void {
  // --- Tjek ind ---------------------------------------------------------------------------------

  app.get(
    CHECK_IN_PATH,
    {
      config: youthPageConfig(),
      schema: {
        hide: true,
        querystring: z.object({
          kode: z.string().max(40).optional(),
          tjekket: z.string().max(40).optional(),
          allerede: z.string().max(4).optional(),
        }),
      },
    },
    async (request, reply) => {
      const { lang } = request;
      const t = translator(lang);
      let notice: string | undefined;
      if (request.query.tjekket) {
        const meeting = (await comingMeetingsOfYouth(deps, youthOf(request))).find(
          (m) => m.id === request.query.tjekket && m.status === 'attended',
        );
        if (meeting) {
          const values = { group: meeting.groupName, time: dayAndTime(meeting.startsAt, lang, t) };
          notice =
            request.query.allerede === '1'
              ? t('participation.checkIn.already', values)
              : t('participation.checkIn.done', values);
        }
      }
      return myJourneyPage(
        request,
        reply,
        'my-journey-check-in',
        t('participation.checkIn.title'),
        { code: notice ? '' : (request.query.kode ?? ''), errors: {}, done: notice !== undefined },
        { notice },
      );
    },
  );

  app.post(
    CHECK_IN_PATH,
    { config: youthPageConfig(), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const typed = text(request.body, 'code');
      try {
        const done = await checkIn(deps, youthOf(request), typed);
        const query = new URLSearchParams({ tjekket: done.meetingId, ...(done.already ? { allerede: '1' } : {}) });
        return reply.redirect(`${CHECK_IN_PATH}?${query.toString()}`, 303);
      } catch (error) {
        const errors = fieldErrorsFrom(error, request.lang);
        const t = translator(request.lang);
        return myJourneyPage(request, reply.code(400), 'my-journey-check-in', t('participation.checkIn.title'), {
          code: typed,
          errors,
          done: false,
        });
      }
    },
  );

  // --- Afbud ------------------------------------------------------------------------------------

  async function afbudPage(request: FastifyRequest, reply: FastifyReply, extra: { notice?: string; problem?: string }) {
    const { lang } = request;
    const t = translator(lang);
    const youth = youthOf(request);
    const [meetings, appointments] = await Promise.all([
      comingMeetingsOfYouth(deps, youth),
      comingAppointmentsOfYouth(deps, youth),
    ]);
    const given = (note: string | null) =>
      note ? t('participation.afbud.givenWithReason', { reason: note }) : t('participation.afbud.given');
    return myJourneyPage(
      request,
      reply,
      'my-journey-afbud',
      t('participation.afbud.title'),
      {
        meetings: meetings.map((m) => ({
          id: m.id,
          title: m.groupName,
          when: dayAndTime(m.startsAt, lang, t),
          place: m.place,
          afbud: m.status === 'absent_with_notice' ? given(m.note) : null,
          withdrawable: m.status === 'absent_with_notice' && m.source === 'youth' && m.notifiable,
          state:
            m.status === 'attended'
              ? t('participation.afbud.attended')
              : !m.notifiable
                ? t('participation.afbud.begun')
                : null,
          notifiable: m.notifiable && m.status === null,
          action: `${AFBUD_PATH}/moede/${m.id}`,
        })),
        appointments: appointments.map((a) => {
          const notifiable = a.startsAt > deps.clock();
          return {
            id: a.id,
            title: t(`myjourney.start.modes.${a.mode}`),
            when: dayAndTime(a.startsAt, lang, t),
            place: a.mode === 'in_person' ? a.place : null,
            with: a.caseworker.name,
            afbud: a.notifiedAbsence ? given(a.notifiedAbsence.note) : null,
            withdrawable: a.notifiedAbsence !== null && notifiable,
            state: notifiable ? null : t('participation.afbud.begun'),
            notifiable: notifiable && a.notifiedAbsence === null,
            action: `${AFBUD_PATH}/aftale/${a.id}`,
          };
        }),
      },
      extra,
    );
  }

  app.get(
    AFBUD_PATH,
    {
      config: youthPageConfig(),
      schema: { hide: true, querystring: z.object({ meldt: z.enum(['afbud', 'tilbage']).optional() }) },
    },
    async (request, reply) => {
      const t = translator(request.lang);
      const { meldt } = request.query;
      const notice =
        meldt === 'afbud'
          ? t('participation.afbud.done')
          : meldt === 'tilbage'
            ? t('participation.afbud.withdrawn')
            : undefined;
      return afbudPage(request, reply, notice ? { notice } : {});
    },
  );

  const afbudParams = z.object({ kind: z.enum(['moede', 'aftale']), id: z.uuid() });

  app.post(
    `${AFBUD_PATH}/:kind/:id`,
    { config: youthPageConfig(), preHandler: checkCsrf, schema: { hide: true, params: afbudParams, body: formBody } },
    async (request, reply) => {
      const youth = youthOf(request);
      const { kind, id } = request.params;
      const note = text(request.body, 'reason').slice(0, MAX_NOTE) || null;
      try {
        if (kind === 'moede') await notifyMeetingAbsence(deps, youth, id, { note });
        else await notifyAppointmentAbsence(deps, youth, id, { note });
        return reply.redirect(`${AFBUD_PATH}?meldt=afbud`, 303);
      } catch (error) {
        return afbudPage(request, reply.code(400), { problem: firstProblem(error, request.lang) });
      }
    },
  );

  app.post(
    `${AFBUD_PATH}/:kind/:id/tilbage`,
    { config: youthPageConfig(), preHandler: checkCsrf, schema: { hide: true, params: afbudParams, body: formBody } },
    async (request, reply) => {
      const youth = youthOf(request);
      const { kind, id } = request.params;
      try {
        if (kind === 'moede') await withdrawMeetingAbsence(deps, youth, id);
        else await withdrawAppointmentAbsence(deps, youth, id);
        return reply.redirect(`${AFBUD_PATH}?meldt=tilbage`, 303);
      } catch (error) {
        return afbudPage(request, reply.code(400), { problem: firstProblem(error, request.lang) });
      }
    },
  );

  // --- Timer ------------------------------------------------------------------------------------

  async function hoursPage(
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: Record<string, string>; errors: Record<string, string> },
    extra: { notice?: string },
  ) {
    const { lang } = request;
    const t = translator(lang);
    const { placement, weeks } = await hoursOfYouth(deps, youthOf(request));
    const label = (weekStart: string) =>
      t('participation.hours.week', {
        week: isoWeek(weekStart),
        from: whenDay(weekStart, lang),
        to: whenDay(addDays(weekStart, 6), lang),
      });
    const reportable = weeks.filter((w) => w.reportable && w.report?.status !== 'confirmed');
    return myJourneyPage(
      request,
      reply,
      'my-journey-hours',
      t('participation.hours.title'),
      {
        company: placement?.company.name ?? null,
        hasPlacement: placement !== null,
        choices: reportable.map((w) => ({ value: w.weekStart, label: label(w.weekStart) })),
        weeks: weeks
          .filter((w) => w.report || w.worked)
          .map((w) => ({ label: label(w.weekStart), status: weekStatus(w, lang, t), confirmed: w.worked !== null })),
        values: { weekStart: form.values.weekStart ?? reportable[0]?.weekStart ?? '', ...form.values },
        errors: form.errors,
        action: HOURS_PATH,
      },
      extra,
    );
  }

  app.get(
    HOURS_PATH,
    {
      config: youthPageConfig(),
      schema: { hide: true, querystring: z.object({ meldt: z.string().max(4).optional() }) },
    },
    async (request, reply) => {
      const t = translator(request.lang);
      const notice = request.query.meldt === '1' ? t('participation.hours.done') : undefined;
      return hoursPage(request, reply, { values: {}, errors: {} }, notice ? { notice } : {});
    },
  );

  app.post(
    HOURS_PATH,
    { config: youthPageConfig(), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const values = {
        weekStart: text(request.body, 'weekStart'),
        hours: text(request.body, 'hours'),
        note: text(request.body, 'note').slice(0, MAX_NOTE),
      };
      const hours = typedNumber(values.hours);
      try {
        if (typeof hours !== 'number') {
          const t = translator(request.lang);
          return await hoursPage(
            request,
            reply.code(400),
            { values, errors: { hours: t('participation.hours.refusals.hours') } },
            {},
          );
        }
        await reportHours(deps, youthOf(request), { weekStart: values.weekStart, hours, note: values.note || null });
        return reply.redirect(`${HOURS_PATH}?meldt=1`, 303);
      } catch (error) {
        return hoursPage(request, reply.code(400), { values, errors: fieldErrorsFrom(error, request.lang) }, {});
      }
    },
  );
}

/** "tirsdag den 15. december kl. 10.00", as the start page says it. */
function dayAndTime(instant: Date, lang: Lang, t: Translate): string {
  const day = dateTimeFormat(lang, {
    timeZone: 'Europe/Copenhagen',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(instant);
  return t('myjourney.start.meetingWhen', { day, time: clockTime(instant, lang) });
}

/** What the youth reads about a week's hours: waiting for the caseworker, confirmed, corrected. */
function weekStatus(week: YouthWeek, lang: Lang, t: Translate): string {
  const n = (hours: number) => formatNumber(hours, lang);
  if (week.worked) {
    if (!week.report) return t('participation.hours.statusRecorded', { hours: n(week.worked.hours) });
    if (week.report.hours !== week.worked.hours) {
      return t('participation.hours.statusCorrected', { reported: n(week.report.hours), hours: n(week.worked.hours) });
    }
    return t('participation.hours.statusConfirmed', { hours: n(week.worked.hours) });
  }
  return t('participation.hours.statusReported', { hours: n(week.report?.hours ?? 0) });
}

/** A service's refusal as messages by field; anything else is the error page's. */
function fieldErrorsFrom(error: unknown, lang: Lang): Record<string, string> {
  if (!(error instanceof DomainError) || error.fieldErrors.length === 0) throw error;
  return fieldErrorsOf(error.fieldErrors, lang);
}

/** A refusal of an afbud as the one message the page shows. */
function firstProblem(error: unknown, lang: Lang): string {
  return Object.values(fieldErrorsFrom(error, lang))[0] ?? '';
}
