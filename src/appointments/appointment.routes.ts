import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { addDays } from '../shared/days.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import type { Appointment } from './appointment.repository.ts';
import {
  appointmentListQuery,
  appointmentSchema,
  bookAppointmentBody,
  calendarFeedSchema,
  changeAppointmentBody,
  holdAppointmentBody,
} from './appointment.schemas.ts';
import {
  appointmentsOfYouth,
  bookAppointment,
  changeAppointment,
  findAppointments,
  holdAppointment,
  readAppointment,
} from './appointment.service.ts';
import { calendarFeedOf, renewCalendarFeed } from './calendar-feed.ts';

const roles = ['caseworker', 'leader'] as const;
const tags = ['appointments'];

export const appointmentRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/youth/:id/appointments',
    {
      config: { roles },
      schema: {
        operationId: 'bookAppointment',
        summary: 'Book an appointment with a youth',
        description:
          "A conversation or another meeting in the youth's open journey, in person at a place, by phone or by video. Not in the past.",
        tags,
        params: idParams,
        body: bookAppointmentBody,
        response: { 201: appointmentSchema.describe('The appointment as booked.'), ...authErrors, 404: errorResponse },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(appointmentToResponse(await bookAppointment(deps, actorOf(request), request.params.id, request.body))),
  );

  app.get(
    '/youth/:id/appointments',
    {
      config: { roles },
      schema: {
        operationId: 'listAppointmentsOfYouth',
        summary: "List a youth's appointments",
        tags,
        params: idParams,
        response: {
          200: z
            .object({ items: z.array(appointmentSchema) })
            .describe('Every appointment of the youth, in time order.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => ({
      items: (await appointmentsOfYouth(deps, actorOf(request), request.params.id)).map(appointmentToResponse),
    }),
  );

  app.get(
    '/appointments',
    {
      config: { roles },
      schema: {
        operationId: 'listAppointments',
        summary: 'List appointments by holder and period',
        description: "A caseworker's own appointments; a leader may name a caseworker. From today on by default.",
        tags,
        querystring: appointmentListQuery,
        response: {
          200: z.object({ items: z.array(appointmentSchema) }).describe('The appointments in time order.'),
          ...authErrors,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { from = danishDate(deps.clock()), to, caseworkerId } = request.query;
      const items = await findAppointments(deps, actor, {
        caseworkerId: actor.role === 'leader' ? caseworkerId : actor.userId,
        from: startOfDanishDay(from),
        // `to` is the last day included.
        to: to ? startOfDanishDay(addDays(to, 1)) : undefined,
      });
      return { items: items.map(appointmentToResponse) };
    },
  );

  app.get(
    '/appointments/:id',
    {
      config: { roles },
      schema: {
        operationId: 'getAppointment',
        summary: 'Read an appointment',
        tags,
        params: idParams,
        response: { 200: appointmentSchema.describe('The appointment.'), ...authErrors, 404: errorResponse },
      },
    },
    async (request) => appointmentToResponse(await readAppointment(deps, actorOf(request), request.params.id)),
  );

  app.patch(
    '/appointments/:id',
    {
      config: { roles },
      schema: {
        operationId: 'changeAppointment',
        summary: 'Move, change or cancel an appointment',
        description: 'A held appointment cannot be changed. A stale `version` answers 409 and nothing is changed.',
        tags,
        params: idParams,
        body: changeAppointmentBody,
        response: {
          200: appointmentSchema.describe('The appointment as changed.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse.describe('Changed by someone else meanwhile (`version_conflict`, with `currentVersion`).'),
        },
      },
    },
    async (request) =>
      appointmentToResponse(await changeAppointment(deps, actorOf(request), request.params.id, request.body)),
  );

  app.post(
    '/appointments/:id/hold',
    {
      config: { roles },
      schema: {
        operationId: 'holdAppointment',
        summary: 'Record an appointment as held',
        description:
          "In one step and one transaction: the conversation is recorded on the youth's journey (as the first conversation while the journey waits for it, otherwise as an individual conversation; another meeting as other contact), and the appointment is marked held.",
        tags,
        params: idParams,
        body: holdAppointmentBody,
        response: {
          200: appointmentSchema.describe('The appointment, held.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse.describe('Changed by someone else meanwhile (`version_conflict`).'),
          422: errorResponse.describe('The journey is closed or takes no conversation now (`event_not_accepted`).'),
        },
      },
    },
    async (request) =>
      appointmentToResponse(await holdAppointment(deps, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/auth/calendar-feed',
    {
      config: { roles },
      schema: {
        operationId: 'getCalendarFeed',
        summary: 'Read the address of my calendar feed',
        description:
          'The secret address of an iCalendar feed of my appointments and the meetings of the groups I facilitate, for Outlook. Anyone with it can read the feed: it names youth by first name only.',
        tags,
        response: { 200: calendarFeedSchema.describe('The address, or null when none is made yet.'), ...authErrors },
      },
    },
    async (request) => {
      const feed = await calendarFeedOf(deps, actorOf(request));
      return { url: feed?.url ?? null, createdAt: feed?.createdAt.toISOString() ?? null };
    },
  );

  app.post(
    '/auth/calendar-feed',
    {
      config: { roles },
      schema: {
        operationId: 'renewCalendarFeed',
        summary: 'Make a new address for my calendar feed',
        description: 'The old address, if any, stops working at once.',
        tags,
        response: { 200: calendarFeedSchema.describe('The new address.'), ...authErrors },
      },
    },
    async (request) => {
      const feed = await renewCalendarFeed(deps, actorOf(request));
      return { url: feed.url, createdAt: feed.createdAt.toISOString() };
    },
  );
};

export function appointmentToResponse(a: Appointment) {
  return {
    ...a,
    startsAt: a.startsAt.toISOString(),
    heldAt: a.heldAt?.toISOString() ?? null,
    notifiedAbsence: a.notifiedAbsence && { at: a.notifiedAbsence.at.toISOString(), note: a.notifiedAbsence.note },
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
