import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { conversationModes } from '../../machines/events.ts';
import type { Appointment } from '../appointments/appointment.repository.ts';
import { bookAppointmentBody, changeAppointmentBody } from '../appointments/appointment.schemas.ts';
import {
  appointmentsOfYouth,
  bookAppointment,
  changeAppointment,
  holdAppointment,
  readAppointment,
} from '../appointments/appointment.service.ts';
import { appointmentKinds } from '../appointments/appointment.tables.ts';
import { calendarFeedOf, renewCalendarFeed } from '../appointments/calendar-feed.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { danishDate, danishLocalTime } from '../shared/clock.ts';
import { isCalendarDay } from '../shared/days.ts';
import { DomainError, errorMessage } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { translator } from '../shared/texts.ts';
import { parseWithMessages } from '../shared/validation.ts';
import { readYouth } from '../youth/youth.service.ts';
import {
  fieldErrorsOf,
  type Form,
  formBody,
  formVersion,
  issueErrorsOf,
  pageFor,
  staff,
  text,
  type WebApp,
  type WebContext,
  when,
  whenWithTime,
} from './web.shared.ts';

const youthParams = z.object({ youthId: z.uuid() });
const appointmentParams = youthParams.extend({ appointmentId: z.uuid() });
const noticeQuery = z.object({ registreret: z.string().optional(), lang: z.string().optional() });

/** The fields of the appointment form, as typed. */
const fields = ['kind', 'day', 'time', 'durationMinutes', 'mode', 'place', 'note'] as const;
type AppointmentForm = Record<(typeof fields)[number], string>;

const TIME = /^([01]?[0-9]|2[0-3])[:.]([0-5][0-9])$/;

function formOf(a: Appointment): AppointmentForm {
  const day = danishDate(a.startsAt);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(a.startsAt);
  return {
    kind: a.kind,
    day,
    time,
    durationMinutes: String(a.durationMinutes),
    mode: a.mode,
    place: a.place ?? '',
    note: a.note ?? '',
  };
}

function readForm(form: Form): AppointmentForm {
  return Object.fromEntries(fields.map((f) => [f, text(form, f).trim()])) as AppointmentForm;
}

/**
 * The typed form as the API's body: the day and the time as one instant in Danish time, the
 * duration as a number. Problems are named at their fields, all at once.
 */
function bodyOf(
  values: AppointmentForm,
  lang: Lang,
): { body: Record<string, unknown>; errors: Record<string, string> } {
  const t = translator(lang);
  const errors: Record<string, string> = {};
  const body: Record<string, unknown> = { place: values.place, note: values.note };
  if (values.kind) body.kind = values.kind;
  if (values.mode) body.mode = values.mode;
  if (values.durationMinutes)
    body.durationMinutes = /^\d+$/.test(values.durationMinutes)
      ? Number(values.durationMinutes)
      : values.durationMinutes;
  if (!values.day) errors.day = t('validation.required');
  else if (!isCalendarDay(values.day)) errors.day = t('validation.date_format');
  const time = TIME.exec(values.time);
  if (!values.time) errors.time = t('validation.required');
  else if (!time) errors.time = t('appointments.refusals.timeFormat');
  if (!errors.day && time) {
    body.startsAt = danishLocalTime(values.day, `${time[1]?.padStart(2, '0')}:${time[2]}`).toISOString();
  }
  return { body, errors };
}

/** Field problems of the form: the instant's are shown at the day. */
function formErrors(errors: Record<string, string>): Record<string, string> {
  if (errors.startsAt && !errors.day) errors.day = errors.startsAt;
  return errors;
}

export interface AppointmentLine {
  id: string;
  when: string;
  kind: string;
  how: string;
  status: string;
  planned: boolean;
  cancelled: boolean;
  /** Begun and still planned: it can be recorded as held now. */
  holdable: boolean;
  version: number;
}

/** One appointment as a line of a list: when, what, how and where, and what can be done with it. */
export function appointmentLine(a: Appointment, now: Date, lang: Lang): AppointmentLine {
  const t = translator(lang);
  const mode = t(`appointments.modes.${a.mode}`);
  return {
    id: a.id,
    when: whenWithTime(a.startsAt, lang),
    kind: t(`appointments.kinds.${a.kind}`),
    how: a.mode === 'in_person' && a.place ? `${mode}, ${a.place}` : mode,
    status:
      a.status === 'held' && a.heldAt
        ? t('appointments.heldOn', { date: when(a.heldAt, lang) })
        : a.status === 'planned' && a.notifiedAbsence
          ? // The youth's afbud from their own side: the caseworker moves or cancels the appointment.
            a.notifiedAbsence.note
            ? t('participation.afbud.staff.byYouthWithReason', {
                time: whenWithTime(a.notifiedAbsence.at, lang),
                reason: a.notifiedAbsence.note,
              })
            : t('participation.afbud.staff.byYouth', { time: whenWithTime(a.notifiedAbsence.at, lang) })
          : t(`appointments.statuses.${a.status}`),
    planned: a.status === 'planned',
    cancelled: a.status === 'cancelled',
    holdable: a.status === 'planned' && a.startsAt <= now,
    version: a.version,
  };
}

/** How far back the youth's page lists appointments that are held or cancelled. */
const PAGE_PAST_DAYS = 30;

/**
 * The youth's page's appointments: every planned one (also one that has begun and waits to be
 * recorded as held) and the held and cancelled ones of the last month.
 */
export async function appointmentsSection(deps: AppDeps, actor: Actor, youthId: string, lang: Lang) {
  const now = deps.clock();
  const since = new Date(now.getTime() - PAGE_PAST_DAYS * 86_400_000);
  const items = (await appointmentsOfYouth(deps, actor, youthId)).filter(
    (a) => a.status === 'planned' || a.startsAt >= since,
  );
  return items.map((a) => appointmentLine(a, now, lang));
}

/**
 * Booking, moving, cancelling and holding an appointment with a youth, and the user's calendar feed.
 * The youth's page lists the appointments with a button to record one as held; each appointment
 * has a page of its own to move or cancel it.
 */
export function registerAppointmentPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  const choices = (lang: Lang) => {
    const t = translator(lang);
    return {
      kinds: appointmentKinds.map((k) => ({ value: k, label: t(`appointments.kinds.${k}`) })),
      modes: conversationModes.map((m) => ({ value: m, label: t(`appointments.modes.${m}`) })),
    };
  };

  async function formPage(
    request: FastifyRequest,
    reply: FastifyReply,
    youthId: string,
    appointment: Appointment | null,
    kept: { values?: AppointmentForm; errors?: Record<string, string>; problem?: string; notice?: string } = {},
  ) {
    const actor = actorOf(request);
    const lang = request.lang;
    const t = translator(lang);
    const youth = await readYouth(deps, actor, youthId, { revealCpr: false });
    const values: AppointmentForm =
      kept.values ??
      (appointment
        ? formOf(appointment)
        : {
            kind: 'job_conversation',
            day: '',
            time: '',
            durationMinutes: '45',
            mode: 'in_person',
            place: '',
            note: '',
          });
    return page(
      request,
      reply,
      'appointment',
      appointment
        ? t('appointments.editTitle', { name: youth.name })
        : t('appointments.bookTitle', { name: youth.name }),
      {
        youth: { id: youth.id, name: youth.name },
        appointment: appointment && appointmentLine(appointment, deps.clock(), lang),
        action: appointment ? `/unge/${youthId}/aftaler/${appointment.id}` : `/unge/${youthId}/aftaler/ny`,
        values,
        errors: kept.errors ?? {},
        ...choices(lang),
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  /** The appointment in the address, which must be the youth's. */
  async function appointmentOf(request: FastifyRequest, youthId: string, appointmentId: string) {
    const appointment = await readAppointment(deps, actorOf(request), appointmentId);
    if (appointment.youth.id !== youthId) throw new DomainError('not_found');
    return appointment;
  }

  /** What a service refused, as the form shows it; anything else is the error page's. */
  function refusalOf(error: unknown, lang: Lang) {
    const t = translator(lang);
    if (!(error instanceof DomainError)) throw error;
    if (error.code === 'version_conflict')
      return { errors: {}, problem: t('appointments.versionConflict'), status: 409 };
    if (error.fieldErrors.length > 0) {
      return {
        errors: formErrors(fieldErrorsOf(error.fieldErrors, lang)),
        problem: t('common.formErrors'),
        status: 400,
      };
    }
    if (error.code === 'event_not_accepted')
      return { errors: {}, problem: errorMessage(error.code, lang), status: 422 };
    throw error;
  }

  app.get(
    '/unge/:youthId/aftaler/ny',
    { config: pageFor(staff), schema: { hide: true, params: youthParams, querystring: noticeQuery } },
    (request, reply) => formPage(request, reply, request.params.youthId, null),
  );

  app.post(
    '/unge/:youthId/aftaler/ny',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, params: youthParams, body: formBody } },
    async (request, reply) => {
      const { youthId } = request.params;
      const lang = request.lang;
      const t = translator(lang);
      const values = readForm(request.body);
      const keep = (refused: { errors: Record<string, string>; problem: string; status: number }) =>
        formPage(request, reply.code(refused.status), youthId, null, { values, ...refused });
      const { body, errors } = bodyOf(values, lang);
      const parsed = parseWithMessages(bookAppointmentBody, body);
      if (!parsed.success || Object.keys(errors).length > 0) {
        const all = { ...(parsed.success ? {} : formErrors(issueErrorsOf(parsed.issues, lang))), ...errors };
        return keep({ errors: all, problem: t('common.formErrors'), status: 400 });
      }
      try {
        await bookAppointment(deps, actorOf(request), youthId, parsed.data);
      } catch (error) {
        return keep(refusalOf(error, lang));
      }
      return reply.redirect(`/unge/${youthId}?registreret=aftale`, 303);
    },
  );

  app.get(
    '/unge/:youthId/aftaler/:appointmentId',
    { config: pageFor(staff), schema: { hide: true, params: appointmentParams, querystring: noticeQuery } },
    async (request, reply) => {
      const { youthId, appointmentId } = request.params;
      const appointment = await appointmentOf(request, youthId, appointmentId);
      const t = translator(request.lang);
      return formPage(request, reply, youthId, appointment, {
        notice: request.query.registreret ? t('appointments.saved') : undefined,
      });
    },
  );

  app.post(
    '/unge/:youthId/aftaler/:appointmentId',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: appointmentParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, appointmentId } = request.params;
      const lang = request.lang;
      const t = translator(lang);
      const current = await appointmentOf(request, youthId, appointmentId);
      const values = readForm(request.body);
      const keep = (refused: { errors: Record<string, string>; problem: string; status: number }) =>
        formPage(request, reply.code(refused.status), youthId, current, { values, ...refused });
      const action = text(request.body, 'action');
      const version = formVersion(request.body);
      let change: Record<string, unknown>;
      if (action === 'cancel' || action === 'bookAgain') {
        change = { version, status: action === 'cancel' ? 'cancelled' : 'planned' };
      } else {
        const { body, errors } = bodyOf(values, lang);
        if (Object.keys(errors).length > 0) return keep({ errors, problem: t('common.formErrors'), status: 400 });
        change = { ...body, version };
      }
      const parsed = parseWithMessages(changeAppointmentBody, change);
      if (!parsed.success) {
        return keep({
          errors: formErrors(issueErrorsOf(parsed.issues, lang)),
          problem: t('common.formErrors'),
          status: 400,
        });
      }
      try {
        await changeAppointment(deps, actorOf(request), appointmentId, parsed.data);
      } catch (error) {
        return keep(refusalOf(error, lang));
      }
      return action === 'cancel'
        ? reply.redirect(`/unge/${youthId}?registreret=aflyst`, 303)
        : reply.redirect(`/unge/${youthId}/aftaler/${appointmentId}?registreret=1`, 303);
    },
  );

  // One click: the conversation is recorded on the journey and the appointment marked held, together.
  app.post(
    '/unge/:youthId/aftaler/:appointmentId/holdt',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: appointmentParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, appointmentId } = request.params;
      const current = await appointmentOf(request, youthId, appointmentId);
      try {
        await holdAppointment(deps, actorOf(request), appointmentId, { version: formVersion(request.body) });
      } catch (error) {
        const refused = refusalOf(error, request.lang);
        const problem = Object.values(refused.errors)[0] ?? refused.problem;
        return formPage(request, reply.code(refused.status), youthId, current, { problem });
      }
      return reply.redirect(`/unge/${youthId}?registreret=holdt`, 303);
    },
  );

  // -------------------------------------------------------------------------------------------
  // The user's calendar feed
  // -------------------------------------------------------------------------------------------

  const calendarPage = async (request: FastifyRequest, reply: FastifyReply, notice?: string) => {
    const lang = request.lang;
    const t = translator(lang);
    const feed = await calendarFeedOf(deps, actorOf(request));
    return page(
      request,
      reply,
      'calendar',
      t('appointments.calendar.title'),
      {
        feed: feed && {
          url: feed.url,
          createdOn: t('appointments.calendar.createdOn', { date: when(feed.createdAt, lang) }),
        },
      },
      { notice },
    );
  };

  app.get(
    '/min-kalender',
    { config: pageFor(staff), schema: { hide: true, querystring: noticeQuery } },
    (request, reply) =>
      calendarPage(
        request,
        reply,
        request.query.registreret ? translator(request.lang)('appointments.calendar.made') : undefined,
      ),
  );

  app.post(
    '/min-kalender',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      await renewCalendarFeed(deps, actorOf(request));
      return reply.redirect('/min-kalender?registreret=1', 303);
    },
  );
}
