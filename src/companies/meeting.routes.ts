import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import { companyNetworkRoles } from './company.schemas.ts';
import { attendanceBody, createMeetingBody, meetingPage, meetingQuery, meetingSchema } from './meeting.schemas.ts';
import { findMeetings, type MeetingDetail, readMeeting, recordMeeting, setAttendance } from './meeting.service.ts';

/** Meetings of the company network (virksomhedsnetværk). */
export const meetingRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  const config = { roles: companyNetworkRoles };
  const tags = ['company meetings'];

  app.post(
    '/company-meetings',
    {
      config,
      schema: {
        operationId: 'createCompanyMeeting',
        summary: 'Record a company network meeting',
        tags,
        body: createMeetingBody,
        response: { 201: meetingSchema.describe('The meeting as recorded, with its attendees.'), ...authErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(meetingToResponse(await recordMeeting(deps, actorOf(request), request.body))),
  );

  app.get(
    '/company-meetings',
    {
      config,
      schema: {
        operationId: 'listCompanyMeetings',
        summary: 'List company network meetings',
        tags,
        querystring: meetingQuery,
        response: { 200: meetingPage.describe('A page of the meetings, with how many attended.'), ...authErrors },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await findMeetings(deps, actorOf(request), request.query);
      return {
        items: result.items.map((m) => ({
          id: m.id,
          date: m.date,
          place: m.place,
          note: m.note,
          version: m.version,
          attendeeCount: m.attendeeCount,
        })),
        total: result.total,
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/company-meetings/:id',
    {
      config,
      schema: {
        operationId: 'getCompanyMeeting',
        summary: 'Read a company network meeting',
        tags,
        params: idParams,
        response: { 200: meetingSchema.describe('The meeting with its attendees.'), ...authErrors, 404: errorResponse },
      },
    },
    async (request) => meetingToResponse(await readMeeting(deps, actorOf(request), request.params.id)),
  );

  app.put(
    '/company-meetings/:id/attendance',
    {
      config,
      schema: {
        operationId: 'setCompanyMeetingAttendance',
        summary: 'Set who attended a company network meeting',
        description: "Replaces the attendees; made against the meeting's `version`.",
        tags,
        params: idParams,
        body: attendanceBody,
        response: {
          200: meetingSchema.describe('The meeting with its attendees as set.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => meetingToResponse(await setAttendance(deps, actorOf(request), request.params.id, request.body)),
  );
};

function meetingToResponse({ meeting, attendees }: MeetingDetail) {
  return {
    ...meeting,
    attendees,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
  };
}
