import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../auth/auth.plugin.ts';
import { attendanceStatuses } from '../groups/group.schemas.ts';
import { findGroupMeetings, findGroups, readMeeting, recordAttendance } from '../groups/group.service.ts';
import { addDays } from '../groups/group.schedule.ts';
import { danishDate } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import type { Text } from '../shared/i18n.ts';
import { textsFor } from './web.render.ts';
import { formBody, pageFor, staff, text, type WebApp, type WebContext, whenWithTime } from './web.shared.ts';

/** How far back the group list looks for a group's latest meetings, and how many it shows. */
const RECENT_DAYS = 42;
const RECENT_MEETINGS = 3;

const meetingParams = z.object({ groupId: z.uuid(), meetingId: z.uuid() });
type AttendanceStatus = (typeof attendanceStatuses)[number];
const isStatus = (value: string): value is AttendanceStatus =>
  (attendanceStatuses as readonly string[]).includes(value);

/** The network groups and taking attendance for a whole group at one meeting on one screen. */
export function registerGroupPages(app: WebApp, { deps, page, checkCsrf }: WebContext) {
  app.get(
    '/grupper',
    { config: pageFor(staff), schema: { hide: true, querystring: z.object({ lang: z.string().optional() }) } },
    async (request, reply) => {
      const actor = actorOf(request);
      const lang = request.lang;
      const t = textsFor(lang);
      const now = deps.clock();
      const today = danishDate(now);
      const groups = await findGroups(deps, actor, { active: true }, { page: 1, pageSize: 200 });
      const rows = [];
      for (const group of groups.items) {
        const meetings = await findGroupMeetings(deps, actor, group.id, {
          from: addDays(today, -RECENT_DAYS),
          to: addDays(today, 7),
        });
        const begun = meetings.filter((m) => m.startsAt <= now).slice(-RECENT_MEETINGS);
        const next = meetings.find((m) => m.startsAt > now);
        rows.push({
          id: group.id,
          name: group.name,
          facilitator: group.facilitator.name,
          members: group.memberCount,
          capacity: group.capacity,
          meetings: [...begun.reverse(), ...(next ? [next] : [])].map((m) => ({
            id: m.id,
            when: whenWithTime(m.startsAt, lang),
            status: m.status,
            upcoming: m.startsAt > now,
          })),
        });
      }
      return page(request, reply, 'groups', t.groupsTitle, { groups: rows });
    },
  );

  async function meetingPage(
    request: FastifyRequest,
    reply: FastifyReply,
    groupId: string,
    meetingId: string,
    kept: { values?: Record<string, string>; errors?: Record<string, string>; problem?: string; notice?: string } = {},
  ) {
    const lang = request.lang;
    const t = textsFor(lang);
    const meeting = await readMeeting(deps, actorOf(request), meetingId);
    // A meeting is shown under its own group only.
    if (meeting.group.id !== groupId) throw new DomainError('not_found');
    const now = deps.clock();
    const values = kept.values ?? {};
    return page(
      request,
      reply,
      'meeting',
      `${meeting.group.name}: ${t.attendanceTitle}`,
      {
        group: meeting.group,
        meeting: {
          id: meeting.id,
          when: whenWithTime(meeting.startsAt, lang),
          place: meeting.place,
          status: meeting.status,
        },
        // Attendance is taken from the meeting's start, and never for a cancelled meeting.
        open: meeting.status !== 'cancelled' && meeting.startsAt <= now,
        notBegun: meeting.startsAt > now,
        statuses: attendanceStatuses,
        rows: meeting.attendance.map((a) => ({
          youthId: a.youth.id,
          name: a.youth.name,
          // A youth recorded at the meeting who was later dated out of the group is shown, not changed.
          editable: a.role !== null,
          alumni: a.role === 'alumni',
          status: values[`status-${a.youth.id}`] ?? a.status ?? '',
          note: values[`note-${a.youth.id}`] ?? a.note ?? '',
          recordedBy: a.recordedBy?.name ?? null,
        })),
        errors: kept.errors ?? {},
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  app.get(
    '/grupper/:groupId/moeder/:meetingId',
    {
      config: pageFor(staff),
      schema: {
        hide: true,
        params: meetingParams,
        querystring: z.object({ registreret: z.string().optional(), lang: z.string().optional() }),
      },
    },
    (request, reply) =>
      meetingPage(request, reply, request.params.groupId, request.params.meetingId, {
        notice: request.query.registreret ? textsFor(request.lang).attendanceSaved : undefined,
      }),
  );

  app.post(
    '/grupper/:groupId/moeder/:meetingId',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: meetingParams, body: formBody },
    },
    async (request, reply) => {
      const { groupId, meetingId } = request.params;
      const lang = request.lang;
      const t = textsFor(lang);
      const values: Record<string, string> = {};
      const entries: Array<{ youthId: string; status: AttendanceStatus; note: string | null }> = [];
      for (const key of Object.keys(request.body)) {
        const youthId = key.startsWith('status-') ? key.slice('status-'.length) : null;
        if (youthId === null) continue;
        const status = text(request.body, key);
        const note = text(request.body, `note-${youthId}`).trim();
        values[key] = status;
        values[`note-${youthId}`] = note;
        if (!z.uuid().safeParse(youthId).success || !isStatus(status)) throw new DomainError('validation_failed');
        entries.push({ youthId, status, note: note || null });
      }
      for (const key of Object.keys(request.body)) {
        if (key.startsWith('note-')) values[key] ??= text(request.body, key).trim();
      }
      const keep = (errors: Record<string, string>, problem: string) =>
        meetingPage(request, reply.code(400), groupId, meetingId, { values, errors, problem });
      if (entries.length === 0) return keep({}, t.attendanceNoneChosen);
      let savedGroupId: string;
      try {
        // The meeting (scoped to the municipality) decides what is written; the group in the address is its name.
        savedGroupId = (await recordAttendance(deps, actorOf(request), meetingId, entries)).group.id;
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'validation_failed') throw error;
        // Problems with one youth ("entries.3.youthId") are shown at that youth; the rest above the list.
        const errors: Record<string, string> = {};
        const general: Text[] = [];
        for (const issue of error.fieldErrors) {
          const index = /^entries\.(\d+)\./.exec(issue.field)?.[1];
          const entry = index === undefined ? undefined : entries[Number(index)];
          if (entry) errors[entry.youthId] ??= issue.message[lang];
          else general.push(issue.message);
        }
        return keep(errors, general.map((m) => m[lang]).join(' ') || t.formErrors);
      }
      return reply.redirect(`/grupper/${savedGroupId}/moeder/${meetingId}?registreret=1`, 303);
    },
  );
}
