import type { FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import { barriers, categories } from '../../machines/events.ts';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import type { Group } from '../groups/group.repository.ts';
import {
  attendanceStatuses,
  createGroupBody,
  DEFAULT_CAPACITY,
  MAX_GROUP_SIZE,
  updateGroupBody,
} from '../groups/group.schemas.ts';
import {
  changeGroup,
  createGroup,
  findGroupMeetings,
  findGroups,
  readGroup,
  readMeeting,
  recordAttendance,
  recordNotifiedAbsence,
  withdrawNotifiedAbsence,
} from '../groups/group.service.ts';
import QRCode from 'qrcode';
import { meetingCheckIn } from '../groups/check-in.ts';
import { danishDate } from '../shared/clock.ts';
import { addDays } from '../shared/days.ts';
import { DomainError } from '../shared/errors.ts';
import type { Lang, Text } from '../shared/i18n.ts';
import { parseWithMessages } from '../shared/validation.ts';
import { listMunicipalityUsers } from '../users/users.service.ts';
import { barrierLabels, categoryLabels } from '../visitation/questionnaire.ts';
import { t, translator } from '../shared/texts.ts';
import {
  fieldErrorsOf,
  type Form,
  formBody,
  formVersion,
  issueErrorsOf,
  noticeFrom,
  pageFor,
  staff,
  text,
  type WebApp,
  type WebContext,
  when,
  whenWithTime,
} from './web.shared.ts';

/** How far back the group list looks for a group's latest meetings, and how many it shows. */
const RECENT_DAYS = 42;
const RECENT_MEETINGS = 3;

/** The group's own page lists its meetings of the last six weeks and the next four. */
const PAGE_PAST_DAYS = 42;
const PAGE_COMING_DAYS = 28;

const groupParams = z.object({ groupId: z.uuid() });
const meetingParams = z.object({ groupId: z.uuid(), meetingId: z.uuid() });
const noticeQuery = z.object({
  gemt: z.string().optional(),
  oprettet: z.string().optional(),
  lang: z.string().optional(),
});

/** The fields of the group form, as typed. */
const groupFields = ['name', 'facilitatorId', 'weekday', 'startTime', 'durationMinutes', 'place', 'capacity'] as const;
const numberFields = new Set<string>(['weekday', 'durationMinutes', 'capacity']);
type GroupForm = Record<(typeof groupFields)[number], string>;

function groupFormOf(group: Group): GroupForm {
  return {
    name: group.name,
    facilitatorId: group.facilitator.id,
    weekday: String(group.weekday),
    startTime: group.startTime,
    durationMinutes: String(group.durationMinutes),
    place: group.place,
    capacity: String(group.capacity),
  };
}

function readGroupForm(form: Form): GroupForm {
  return Object.fromEntries(groupFields.map((f) => [f, text(form, f).trim()])) as GroupForm;
}

/**
 * The typed form read by the API's body schema (numbers as numbers, the version added for a
 * change): its data, or a Danish (or English) message at each field. A blank field is missing.
 */
function checkGroupForm<T>(
  schema: ZodType<T>,
  values: GroupForm,
  extra: Record<string, unknown>,
  lang: Lang,
): { ok: true; data: T } | { ok: false; errors: Record<string, string> } {
  const body: Record<string, unknown> = { ...extra };
  const missing: Record<string, string> = {};
  for (const field of groupFields) {
    const value = values[field];
    if (value === '') missing[field] = t(lang, 'validation.required');
    else body[field] = numberFields.has(field) ? Number(value) : value;
  }
  const parsed = parseWithMessages(schema, body);
  if (parsed.success && Object.keys(missing).length === 0) return { ok: true, data: parsed.data };
  return { ok: false, errors: { ...(parsed.success ? {} : issueErrorsOf(parsed.issues, lang)), ...missing } };
}

/** What the meeting's page says after a form (`?registreret=`). */
const meetingNotices = {
  '1': 'groups.attendanceSaved',
  afbud: 'groups.notifiedAbsenceSaved',
  'afbud-fortrudt': 'groups.notifiedAbsenceWithdrawn',
} as const;

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
      const t = translator(lang);
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
      return page(request, reply, 'groups', t('groups.groupsTitle'), {
        groups: rows,
        canCreate: actor.role === 'leader',
      });
    },
  );

  /**
   * What the group form offers: the facilitators (the active caseworkers and leaders, and the
   * current one whatever became of them, so saving other fields keeps them) and the weekdays.
   */
  async function groupFormChoices(actor: Actor, current?: Group) {
    const users = await listMunicipalityUsers(deps.db, actor);
    return {
      facilitators: users
        .filter(
          (u) => (u.active && (u.role === 'caseworker' || u.role === 'leader')) || u.id === current?.facilitator.id,
        )
        .map((u) => ({ id: u.id, name: u.name })),
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      maxCapacity: MAX_GROUP_SIZE,
      // Room in a group is the leader's decision; the service refuses anyone else's change.
      capacityEditable: actor.role === 'leader',
    };
  }

  interface GroupKept {
    values?: GroupForm;
    errors?: Record<string, string>;
    problem?: string;
    notice?: string | undefined;
    status?: number;
  }

  async function groupPage(request: FastifyRequest, reply: FastifyReply, groupId: string, kept: GroupKept = {}) {
    const actor = actorOf(request);
    const lang = request.lang;
    const t = translator(lang);
    const now = deps.clock();
    const today = danishDate(now);
    const group = await readGroup(deps, actor, groupId);
    const meetings = await findGroupMeetings(deps, actor, groupId, {
      from: addDays(today, -PAGE_PAST_DAYS),
      to: addDays(today, PAGE_COMING_DAYS),
    });
    const meetingRow = (m: { id: string; startsAt: Date; status: string; place: string }) => ({
      id: m.id,
      when: whenWithTime(m.startsAt, lang),
      place: m.place,
      status: m.status,
      upcoming: m.startsAt > now,
    });
    const memberRow = (m: (typeof group.members)[number]) => ({
      youthId: m.youth.id,
      name: m.youth.name,
      category: m.category ? categoryLabels[m.category][lang] : t('groups.notVisited'),
      barriers: m.barriers.map((b) => barrierLabels[b][lang]),
      since: when(m.joinedAt, lang),
      returning: m.returning,
    });
    const { composition } = group;
    return page(
      request,
      reply.code(kept.status ?? 200),
      'group',
      group.name,
      {
        group: {
          id: group.id,
          name: group.name,
          facilitator: group.facilitator.name,
          weekday: group.weekday,
          startTime: group.startTime,
          durationMinutes: group.durationMinutes,
          place: group.place,
          capacity: group.capacity,
          memberCount: group.memberCount,
          active: group.active,
          version: group.version,
        },
        members: group.members.filter((m) => m.role === 'member').map(memberRow),
        alumni: group.members.filter((m) => m.role === 'alumni').map(memberRow),
        composition: {
          byCategory: [...categories, 'undecided' as const].map((c) => ({
            label: c === 'undecided' ? t('groups.notVisited') : categoryLabels[c][lang],
            count: composition.byCategory[c],
          })),
          byBarrier: barriers
            .map((b) => ({ label: barrierLabels[b][lang], count: composition.byBarrier[b] }))
            .filter((b) => b.count > 0),
          byBarrierCount: composition.byBarrierCount,
          returning: composition.returning,
        },
        thisWeek: group.thisWeek.map((m) => ({
          ...meetingRow(m),
          open: m.status !== 'cancelled' && m.startsAt <= now,
        })),
        nextMeeting: group.nextMeeting ? meetingRow(group.nextMeeting) : null,
        recentMeetings: meetings
          .filter((m) => m.startsAt <= now)
          .reverse()
          .map(meetingRow),
        comingMeetings: meetings.filter((m) => m.startsAt > now).map(meetingRow),
        form: {
          action: `/grupper/${group.id}`,
          values: kept.values ?? groupFormOf(group),
          errors: kept.errors ?? {},
          version: group.version,
          ...(await groupFormChoices(actor, group)),
        },
      },
      { problem: kept.problem, notice: kept.notice },
    );
  }

  app.get(
    '/grupper/:groupId',
    { config: pageFor(staff), schema: { hide: true, params: groupParams, querystring: noticeQuery } },
    (request, reply) => {
      const t = translator(request.lang);
      const notice = request.query.oprettet
        ? t('groups.groupCreated')
        : request.query.gemt
          ? t('groups.groupSaved')
          : undefined;
      return groupPage(request, reply, request.params.groupId, { notice });
    },
  );

  app.post(
    '/grupper/:groupId',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, params: groupParams, body: formBody } },
    async (request, reply) => {
      const { groupId } = request.params;
      const lang = request.lang;
      const t = translator(lang);
      const values = readGroupForm(request.body);
      const keep = (status: number, problem: string, errors: Record<string, string> = {}) =>
        groupPage(request, reply, groupId, { values, errors, problem, status });
      const version = formVersion(request.body);
      const checked = checkGroupForm(updateGroupBody, values, { version }, lang);
      if (!checked.ok) return keep(400, t('common.formErrors'), checked.errors);
      try {
        await changeGroup(deps, actorOf(request), groupId, checked.data);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error.code === 'version_conflict') return keep(409, t('groups.groupVersionConflict'));
        // The service names the field: an unknown facilitator, too few places, a capacity change
        // that is the leader's to make.
        if (error.fieldErrors.length > 0) {
          return keep(error.status, t('common.formErrors'), fieldErrorsOf(error.fieldErrors, lang));
        }
        throw error;
      }
      return reply.redirect(`/grupper/${groupId}?gemt=1`, 303);
    },
  );

  async function newGroupPage(request: FastifyRequest, reply: FastifyReply, kept: GroupKept = {}) {
    const actor = actorOf(request);
    const t = translator(request.lang);
    return page(
      request,
      reply.code(kept.status ?? 200),
      'group-new',
      t('groups.newGroupTitle'),
      {
        form: {
          action: '/grupper/ny',
          values: kept.values ?? {
            name: '',
            facilitatorId: actor.userId,
            weekday: '',
            startTime: '',
            durationMinutes: '120',
            place: '',
            capacity: String(DEFAULT_CAPACITY),
          },
          errors: kept.errors ?? {},
          ...(await groupFormChoices(actor)),
        },
      },
      { problem: kept.problem },
    );
  }

  app.get(
    '/grupper/ny',
    { config: pageFor(['leader']), schema: { hide: true, querystring: z.object({ lang: z.string().optional() }) } },
    (request, reply) => newGroupPage(request, reply),
  );

  app.post(
    '/grupper/ny',
    { config: pageFor(['leader']), preHandler: checkCsrf, schema: { hide: true, body: formBody } },
    async (request, reply) => {
      const lang = request.lang;
      const t = translator(lang);
      const values = readGroupForm(request.body);
      const keep = (status: number, problem: string, errors: Record<string, string> = {}) =>
        newGroupPage(request, reply, { values, errors, problem, status });
      const checked = checkGroupForm(createGroupBody, values, {}, lang);
      if (!checked.ok) return keep(400, t('common.formErrors'), checked.errors);
      let created: { id: string };
      try {
        // A new group gets its weekly meetings for the coming weeks at once.
        created = await createGroup(deps, actorOf(request), checked.data);
      } catch (error) {
        if (!(error instanceof DomainError) || error.fieldErrors.length === 0) throw error;
        return keep(error.status, t('common.formErrors'), fieldErrorsOf(error.fieldErrors, lang));
      }
      return reply.redirect(`/grupper/${created.id}?oprettet=1`, 303);
    },
  );

  /**
   * Checking in (docs/decisions/0015-youth-actions.md): while the window is open, the meeting's code
   * and a QR code of the youth's check-in form with the code filled in, drawn as SVG on the server.
   */
  async function checkInCard(actor: Actor, meetingId: string, lang: Lang) {
    const shown = await meetingCheckIn(deps, actor, meetingId);
    const t = translator(lang);
    if (!shown.code) {
      return {
        code: null,
        qr: null,
        message:
          shown.meeting.status === 'cancelled' || shown.closes <= deps.clock()
            ? t('participation.checkIn.staff.closed')
            : t('participation.checkIn.staff.notOpen', {
                opens: whenWithTime(shown.opens, lang),
                closes: whenWithTime(shown.closes, lang),
              }),
      };
    }
    const address = `${deps.config.publicUrl}/mit-forloeb/tjek-ind?kode=${shown.code}`;
    const qr = await QRCode.toString(address, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
    return {
      code: shown.code,
      // The library's own SVG, labelled for screen readers.
      qr: qr.replace('<svg ', `<svg role="img" aria-label="${t('participation.checkIn.staff.qrLabel')}" `),
      message: t('participation.checkIn.staff.open', { time: whenWithTime(shown.closes, lang) }),
    };
  }

  async function meetingPage(
    request: FastifyRequest,
    reply: FastifyReply,
    groupId: string,
    meetingId: string,
    kept: { values?: Record<string, string>; errors?: Record<string, string>; problem?: string; notice?: string } = {},
  ) {
    const lang = request.lang;
    const t = translator(lang);
    const meeting = await readMeeting(deps, actorOf(request), meetingId);
    // A meeting is shown under its own group only.
    if (meeting.group.id !== groupId) throw new DomainError('not_found');
    const now = deps.clock();
    const values = kept.values ?? {};
    const checkIn = await checkInCard(actorOf(request), meetingId, lang);
    return page(
      request,
      reply,
      'meeting',
      `${meeting.group.name}: ${t('groups.attendanceTitle')}`,
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
        // An afbud is recorded before the meeting; from its start the attendance is taken instead.
        notifiable: meeting.status === 'planned' && meeting.startsAt > now,
        statuses: attendanceStatuses,
        checkIn,
        rows: meeting.attendance.map((a) => ({
          youthId: a.youth.id,
          name: a.youth.name,
          // A youth recorded at the meeting who was later dated out of the group is shown, not changed.
          editable: a.role !== null,
          alumni: a.role === 'alumni',
          status: values[`status-${a.youth.id}`] ?? a.status ?? '',
          note: values[`note-${a.youth.id}`] ?? a.note ?? '',
          recordedBy: a.recordedBy?.name ?? null,
          // What the youth recorded themselves, shown as theirs until someone corrects it.
          byYouth: a.recordedByYouth && a.recordedAt ? whenWithTime(a.recordedAt, lang) : null,
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
        notice: noticeFrom(meetingNotices, request.query.registreret, translator(request.lang)),
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
      const t = translator(lang);
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
      if (entries.length === 0) return keep({}, t('groups.attendanceNoneChosen'));
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
        return keep(errors, general.map((m) => m[lang]).join(' ') || t('common.formErrors'));
      }
      return reply.redirect(`/grupper/${savedGroupId}/moeder/${meetingId}?registreret=1`, 303);
    },
  );

  // A youth's afbud before the meeting, and taking it back; one youth at a time.
  app.post(
    '/grupper/:groupId/moeder/:meetingId/afbud',
    {
      config: pageFor(staff),
      preHandler: checkCsrf,
      schema: { hide: true, params: meetingParams, body: formBody },
    },
    async (request, reply) => {
      const { groupId, meetingId } = request.params;
      const youthId = text(request.body, 'youthId');
      if (!z.uuid().safeParse(youthId).success) throw new DomainError('validation_failed');
      const withdraw = text(request.body, 'action') === 'withdraw';
      const note = text(request.body, `afbud-note-${youthId}`).trim().slice(0, 2000);
      let view;
      try {
        view = withdraw
          ? await withdrawNotifiedAbsence(deps, actorOf(request), meetingId, youthId)
          : await recordNotifiedAbsence(deps, actorOf(request), meetingId, youthId, { note: note || null });
      } catch (error) {
        if (!(error instanceof DomainError) || error.fieldErrors.length === 0) throw error;
        const problem = error.fieldErrors.map((f) => f.message[request.lang]).join(' ');
        return meetingPage(request, reply.code(error.status), groupId, meetingId, { problem });
      }
      const done = withdraw ? 'afbud-fortrudt' : 'afbud';
      return reply.redirect(`/grupper/${view.group.id}/moeder/${meetingId}?registreret=${done}`, 303);
    },
  );
}
