import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import { meetingCheckIn } from './check-in.ts';
import type { GroupListItem, Meeting } from './group.repository.ts';
import {
  createGroupBody,
  createMeetingBody,
  generateMeetingsBody,
  generatedMeetingsSchema,
  groupDetailSchema,
  groupListItemSchema,
  groupListQuery,
  groupPage,
  meetingDetailSchema,
  meetingListQuery,
  meetingListSchema,
  meetingSchema,
  notifiedAbsenceBody,
  notifiedAbsenceParams,
  recordAttendanceBody,
  updateGroupBody,
  updateMeetingBody,
  meetingCheckInSchema,
} from './group.schemas.ts';
import {
  addMeeting,
  changeGroup,
  changeMeeting,
  createGroup,
  findGroupMeetings,
  findGroups,
  generateMeetings,
  type GroupView,
  type MeetingView,
  readGroup,
  readMeeting,
  recordAttendance,
  recordNotifiedAbsence,
  withdrawNotifiedAbsence,
} from './group.service.ts';

// The people who run the groups; an administrator manages users and settings, not youth.
const groupRoles = ['caseworker', 'leader'] as const;

export const groupRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get(
    '/groups',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'listGroups',
        summary: 'List network groups',
        tags: ['groups'],
        querystring: groupListQuery,
        response: { 200: groupPage.describe('A page of the groups, with members and next meeting.'), ...authErrors },
      },
    },
    async (request) => {
      const { page, pageSize, active } = request.query;
      const result = await findGroups(deps, actorOf(request), { active }, { page, pageSize });
      return { items: result.items.map(groupToResponse), total: result.total, page, pageSize };
    },
  );

  app.post(
    '/groups',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'createGroup',
        summary: 'Create a network group',
        tags: ['groups'],
        description: 'Creates a network group and its meetings for the next 8 weeks.',
        body: createGroupBody,
        response: { 201: groupListItemSchema.describe('The group as created.'), ...authErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(groupToResponse(await createGroup(deps, actorOf(request), request.body))),
  );

  app.get(
    '/groups/:id',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'getGroup',
        summary: 'Read a network group',
        tags: ['groups'],
        params: idParams,
        response: {
          200: groupDetailSchema.describe("The group, its members, its composition and this week's meetings."),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => groupDetailToResponse(await readGroup(deps, actorOf(request), request.params.id)),
  );

  app.patch(
    '/groups/:id',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'updateGroup',
        summary: 'Change or close a network group',
        tags: ['groups'],
        description:
          'Changes a group. A new weekday, time, duration or place moves the coming generated meetings; ' +
          'closing it (active false) removes its coming meetings and needs it to have no members.',
        params: idParams,
        body: updateGroupBody,
        response: {
          200: groupListItemSchema.describe('The group as changed.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => groupToResponse(await changeGroup(deps, actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/groups/:id/meetings',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'listGroupMeetings',
        summary: "List a group's meetings",
        tags: ['groups'],
        params: idParams,
        querystring: meetingListQuery,
        response: {
          200: meetingListSchema.describe("The group's meetings in the period."),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => ({
      items: (await findGroupMeetings(deps, actorOf(request), request.params.id, request.query)).map(meetingToResponse),
    }),
  );

  app.post(
    '/groups/:id/meetings/generate',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'generateGroupMeetings',
        summary: "Create the coming weeks' meetings of a group",
        tags: ['groups'],
        description:
          "Creates the weekly meetings of the group's schedule for the coming weeks, in Danish time. " +
          'Running it again creates only what is missing.',
        params: idParams,
        body: generateMeetingsBody,
        response: {
          200: generatedMeetingsSchema.describe('How many meetings were created, and the meetings of the weeks.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => {
      const result = await generateMeetings(deps, actorOf(request), request.params.id, request.body.weeks);
      return { created: result.created, items: result.items.map(meetingToResponse) };
    },
  );

  app.post(
    '/groups/:id/meetings',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'createGroupMeeting',
        summary: 'Add a meeting to a group',
        description: 'A meeting outside the weekly schedule.',
        tags: ['groups'],
        params: idParams,
        body: createMeetingBody,
        response: {
          201: meetingSchema.describe('The meeting as created.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(meetingToResponse(await addMeeting(deps, actorOf(request), request.params.id, request.body))),
  );

  app.get(
    '/meetings/:id',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'getGroupMeeting',
        summary: 'Read a group meeting',
        tags: ['groups'],
        params: idParams,
        response: {
          200: meetingDetailSchema.describe('The meeting with its group and the attendance of each member.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => meetingDetailToResponse(await readMeeting(deps, actorOf(request), request.params.id)),
  );

  app.get(
    '/meetings/:id/check-in',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'getMeetingCheckIn',
        summary: "The meeting's check-in code, for the facilitator to show",
        description:
          'From 15 minutes before the start to the end of the meeting, the short code the youth type (or scan) on their own side to check in, made the first time it is asked for; outside that window, or for a cancelled meeting, no code. A youth who checks in is recorded as present, checked in by the youth, which the attendance shows and the facilitator can correct.',
        tags: ['groups'],
        params: idParams,
        response: {
          200: meetingCheckInSchema,
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) => {
      const shown = await meetingCheckIn(deps, actorOf(request), request.params.id);
      return {
        open: shown.open,
        opens: shown.opens.toISOString(),
        closes: shown.closes.toISOString(),
        code: shown.code,
      };
    },
  );

  app.patch(
    '/meetings/:id',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'updateGroupMeeting',
        summary: 'Move, cancel or reinstate a group meeting',
        tags: ['groups'],
        description: 'Moves (startsAt, place), cancels or reinstates (status) a meeting, or changes its note.',
        params: idParams,
        body: updateMeetingBody,
        response: {
          200: meetingSchema.describe('The meeting as changed.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) => meetingToResponse(await changeMeeting(deps, actorOf(request), request.params.id, request.body)),
  );

  app.put(
    '/meetings/:id/attendance',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'recordGroupAttendance',
        summary: 'Record the attendance at a group meeting',
        tags: ['groups'],
        description:
          'Records the attendance of the group at a meeting that has begun, all or nothing; ' +
          'replaces what was recorded before for the youth listed.',
        params: idParams,
        body: recordAttendanceBody,
        response: {
          200: meetingDetailSchema.describe('The meeting with the attendance as recorded.'),
          ...authErrors,
          404: errorResponse,
          409: errorResponse,
        },
      },
    },
    async (request) =>
      meetingDetailToResponse(await recordAttendance(deps, actorOf(request), request.params.id, request.body.entries)),
  );

  app.put(
    '/meetings/:id/notified-absences/:youthId',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'recordNotifiedAbsence',
        summary: "Record a youth's notified absence before a meeting",
        tags: ['groups'],
        description:
          'Afbud: the youth has said they cannot come to a meeting that has not begun. Recorded as ' +
          '`absent_with_notice` on its attendance, which taking the attendance later keeps or replaces.',
        params: notifiedAbsenceParams,
        body: notifiedAbsenceBody,
        response: {
          200: meetingDetailSchema.describe('The meeting with its attendance.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) =>
      meetingDetailToResponse(
        await recordNotifiedAbsence(deps, actorOf(request), request.params.id, request.params.youthId, request.body),
      ),
  );

  app.delete(
    '/meetings/:id/notified-absences/:youthId',
    {
      config: { roles: groupRoles },
      schema: {
        operationId: 'withdrawNotifiedAbsence',
        summary: "Take back a youth's notified absence before a meeting",
        tags: ['groups'],
        params: notifiedAbsenceParams,
        response: {
          200: meetingDetailSchema.describe('The meeting with its attendance.'),
          ...authErrors,
          404: errorResponse,
        },
      },
    },
    async (request) =>
      meetingDetailToResponse(
        await withdrawNotifiedAbsence(deps, actorOf(request), request.params.id, request.params.youthId),
      ),
  );
};

function groupToResponse(group: GroupListItem) {
  return {
    id: group.id,
    name: group.name,
    facilitator: group.facilitator,
    weekday: group.weekday,
    startTime: group.startTime,
    durationMinutes: group.durationMinutes,
    place: group.place,
    capacity: group.capacity,
    active: group.active,
    version: group.version,
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
    memberCount: group.memberCount,
    nextMeetingAt: group.nextMeetingAt?.toISOString() ?? null,
  };
}

export function meetingToResponse(meeting: Meeting) {
  return {
    id: meeting.id,
    groupId: meeting.groupId,
    startsAt: meeting.startsAt.toISOString(),
    durationMinutes: meeting.durationMinutes,
    place: meeting.place,
    status: meeting.status,
    note: meeting.note,
    scheduledAt: meeting.scheduledAt?.toISOString() ?? null,
    version: meeting.version,
    createdAt: meeting.createdAt.toISOString(),
    updatedAt: meeting.updatedAt.toISOString(),
  };
}

function groupDetailToResponse(group: GroupView) {
  return {
    id: group.id,
    name: group.name,
    facilitator: group.facilitator,
    weekday: group.weekday,
    startTime: group.startTime,
    durationMinutes: group.durationMinutes,
    place: group.place,
    capacity: group.capacity,
    active: group.active,
    version: group.version,
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
    memberCount: group.memberCount,
    alumniCount: group.alumniCount,
    members: group.members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })),
    composition: group.composition,
    thisWeek: group.thisWeek.map(meetingToResponse),
    nextMeeting: group.nextMeeting ? meetingToResponse(group.nextMeeting) : null,
  };
}

function meetingDetailToResponse(meeting: MeetingView) {
  return {
    ...meetingToResponse(meeting),
    group: meeting.group,
    attendance: meeting.attendance.map((a) => ({ ...a, recordedAt: a.recordedAt?.toISOString() ?? null })),
  };
}
