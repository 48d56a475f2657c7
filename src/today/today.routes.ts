import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { alertToResponse } from '../alerts/alert.routes.ts';
import { appointmentToResponse } from '../appointments/appointment.routes.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { meetingToResponse } from '../groups/group.routes.ts';
import { authErrors } from '../shared/schemas.ts';
import { todayQuery, todaySchema } from './today.schemas.ts';
import { todayOf } from './today.service.ts';

/** "I dag" for a system: the same day the caseworker's start page shows. */
export const todayRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/today',
    {
      config: { roles: ['caseworker'] },
      schema: {
        operationId: 'getToday',
        summary: "The caseworker's day",
        description:
          "What the caseworker's start page shows: today's group meetings and appointments, this week's deadlines " +
          '(first conversation, return from pause, follow-up, plan review) and those passed, open alerts by ' +
          'urgency, and youth without contact for `contactDays` days. Audited as a list of the journeys shown.',
        tags: ['today'],
        querystring: todayQuery,
        response: { 200: todaySchema.describe("The caseworker's day."), ...authErrors },
      },
    },
    async (request) => {
      const today = await todayOf(deps, actorOf(request), request.query.contactDays);
      return {
        day: today.day,
        meetings: today.meetings.map((m) => ({ ...meetingToResponse(m), groupName: m.groupName })),
        appointments: today.appointments.map(appointmentToResponse),
        deadlines: today.deadlines.map((d) => ({
          kind: d.kind,
          due: d.due,
          month: d.month,
          journeyId: d.journeyId,
          youth: d.youth,
          overdue: d.overdue,
        })),
        alerts: today.alerts.map((a) => ({
          ...alertToResponse(a),
          youthName: a.youthName,
          caseworkerId: a.caseworkerId,
        })),
        withoutContact: today.withoutContact.map((w) => ({
          journeyId: w.journeyId,
          youth: { id: w.youthId, name: w.youthName },
          stage: w.stage,
          lastContactAt: w.lastContactAt.toISOString(),
        })),
        contactDays: today.contactDays,
      };
    },
  );
};
