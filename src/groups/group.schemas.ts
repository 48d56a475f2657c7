import { z } from 'zod';
import { barriers, categories } from '../../machines/events.ts';
import { pageOf, pageQuery } from '../shared/schemas.ts';
import { type TextKey, type TextValues, texts } from '../shared/texts.ts';

/**
 * A field message from templates/texts/groups.*.json, for checks validation.*.json has no key for.
 * The request validator reads a message that is a JSON object with `da` and `en` as the two texts.
 */
const say = (key: TextKey, values?: TextValues) => JSON.stringify(texts(key, values));

/** 6-8 youth is the model, 12 the most a group can hold (Rockwool Fonden: Hvad er NExTWORK?, p. 5; the NExTWORK evaluation summary (2025)). */
export const MAX_GROUP_SIZE = 12;
export const DEFAULT_CAPACITY = 8;
/** Weeks of meetings a new group (or a changed schedule) gets from the start. */
export const WEEKS_GENERATED_AHEAD = 8;

const name = z.string().trim().min(1, 'not_blank').max(200);
const place = z.string().trim().min(1, 'not_blank').max(500);
const weekday = z
  .number()
  .int()
  .min(1, say('groups.refusals.weekday'))
  .max(7, say('groups.refusals.weekday'))
  .describe('ISO weekday: 1 = Monday ... 7 = Sunday');
const startTime = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, say('groups.refusals.timeFormat'))
  .describe('Danish local time, HH:MM');
const durationMinutes = z
  .number()
  .int()
  .min(15, say('groups.refusals.durationMin'))
  .max(480, say('groups.refusals.durationMax'));
const capacity = z
  .number()
  .int()
  .min(1, say('groups.refusals.capacityMin'))
  .max(MAX_GROUP_SIZE, say('groups.refusals.capacityMax', { max: MAX_GROUP_SIZE }))
  .describe(`Members the group takes; ${DEFAULT_CAPACITY} by default, at most ${MAX_GROUP_SIZE}`);
const version = z.number().int().min(1).describe('The version the change was made against (optimistic concurrency).');
const note = z
  .string()
  .trim()
  .max(2000)
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v));
const instant = z.iso.datetime({ offset: true, error: 'datetime_format' });

export const createGroupBody = z.strictObject({
  name,
  facilitatorId: z.uuid().describe('A caseworker or leader of the municipality'),
  weekday,
  startTime,
  durationMinutes: durationMinutes.default(120),
  place,
  capacity: capacity.default(DEFAULT_CAPACITY),
  active: z.boolean().default(true),
});

export const updateGroupBody = z.strictObject({
  version,
  name: name.optional(),
  facilitatorId: z.uuid().optional(),
  weekday: weekday.optional(),
  startTime: startTime.optional(),
  durationMinutes: durationMinutes.optional(),
  place: place.optional(),
  capacity: capacity.optional(),
  active: z.boolean().optional(),
});

export const groupListQuery = z.object({
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});

export const generateMeetingsBody = z.strictObject({
  weeks: z.number().int().min(1, say('groups.refusals.weeks')).max(26, say('groups.refusals.weeks')),
});

export const createMeetingBody = z.strictObject({
  startsAt: instant,
  durationMinutes: durationMinutes.optional().describe("The group's duration by default"),
  place: place.optional().describe("The group's place by default"),
  note,
});

export const updateMeetingBody = z.strictObject({
  version,
  startsAt: instant.optional().describe('Moves the meeting'),
  durationMinutes: durationMinutes.optional(),
  place: place.optional(),
  status: z.enum(['planned', 'cancelled']).optional().describe('cancelled cancels it; planned reinstates it'),
  note,
});

export const meetingListQuery = z.object({
  from: z.iso
    .date({ error: 'date_format' })
    .optional()
    .describe('Meetings on or after this Danish day; today by default'),
  to: z.iso.date({ error: 'date_format' }).optional().describe('Meetings on or before this Danish day'),
});

export const attendanceStatuses = ['attended', 'absent_with_notice', 'absent'] as const;

export const recordAttendanceBody = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        youthId: z.uuid(),
        status: z.enum(attendanceStatuses),
        note: note,
      }),
    )
    .min(1, say('groups.refusals.attendanceRequired'))
    .max(100),
});

export const meetingIdParams = z.object({ id: z.uuid() });

export const notifiedAbsenceParams = z.object({ id: z.uuid(), youthId: z.uuid() });
export const notifiedAbsenceBody = z.strictObject({ note: note.describe('What the youth said, e.g. the reason') });

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

export const meetingSchema = z
  .object({
    id: z.uuid(),
    groupId: z.uuid(),
    startsAt: z.iso.datetime(),
    durationMinutes: z.number().int(),
    place: z.string(),
    status: z.enum(['planned', 'held', 'cancelled']),
    note: z.string().nullable(),
    scheduledAt: z.iso.datetime().nullable().describe('The weekly slot it was generated for; null when added by hand'),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'GroupMeeting' });

const groupFields = {
  id: z.uuid(),
  name: z.string(),
  facilitator: z.object({ id: z.uuid(), name: z.string() }),
  weekday: z.number().int(),
  startTime: z.string(),
  durationMinutes: z.number().int(),
  place: z.string(),
  capacity: z.number().int(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
};

export const groupListItemSchema = z
  .object({
    ...groupFields,
    memberCount: z.number().int().describe('Current members, alumni not counted'),
    nextMeetingAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'GroupListItem' });

export const groupPage = pageOf(groupListItemSchema);

const countsOf = <T extends readonly [string, ...string[]]>(codes: T) =>
  z.object(Object.fromEntries(codes.map((c) => [c, z.number().int()])) as Record<T[number], z.ZodNumber>);

export const groupDetailSchema = z
  .object({
    ...groupFields,
    memberCount: z.number().int().describe('Current members, alumni not counted'),
    alumniCount: z.number().int(),
    members: z.array(
      z.object({
        youth: z.object({ id: z.uuid(), name: z.string() }),
        journeyId: z.uuid(),
        role: z.enum(['member', 'alumni']),
        joinedAt: z.iso.datetime(),
        stage: z.string(),
        category: z.enum(categories).nullable(),
        barriers: z.array(z.enum(barriers)),
        returning: z.boolean(),
      }),
    ),
    composition: z
      .object({
        byCategory: countsOf(categories).extend({ undecided: z.number().int() }),
        byBarrier: countsOf(barriers),
        byBarrierCount: z.object({
          none: z.number().int(),
          one: z.number().int(),
          two: z.number().int(),
          threeOrMore: z.number().int(),
        }),
        returning: z.number().int(),
      })
      .describe(
        'Current members (not alumni) per visitation category, per barrier, by how many barriers ' +
          'they have, and how many are returning: the group should be broadly composed (Rockwool Fonden: Hvad er NExTWORK? p. 8)',
      ),
    thisWeek: z.array(meetingSchema).describe("This Danish week's meetings, Monday to Sunday"),
    nextMeeting: meetingSchema.nullable().describe('The next planned meeting that has not begun'),
  })
  .meta({ id: 'Group' });

export const generatedMeetingsSchema = z.object({
  created: z.number().int().describe('Meetings that did not exist before'),
  items: z.array(meetingSchema).describe('Every meeting of the generated weeks, new or not'),
});

export const meetingListSchema = z.object({ items: z.array(meetingSchema) });

export const meetingDetailSchema = meetingSchema
  .extend({
    group: z.object({ id: z.uuid(), name: z.string() }),
    attendance: z
      .array(
        z.object({
          youth: z.object({ id: z.uuid(), name: z.string() }),
          journeyId: z.uuid(),
          role: z
            .enum(['member', 'alumni'])
            .nullable()
            .describe('Null for a youth recorded at the meeting whose membership was later dated not to include it'),
          status: z.enum(attendanceStatuses).nullable(),
          note: z.string().nullable(),
          recordedBy: z
            .object({ id: z.uuid(), name: z.string() })
            .nullable()
            .describe('The user who recorded it; null when nobody has, or the youth did'),
          recordedByYouth: z
            .boolean()
            .describe('The youth recorded it on their own side: checked in, or reported afbud'),
          recordedAt: z.iso.datetime().nullable(),
        }),
      )
      .describe("Everyone in the group at the meeting's time (for a coming meeting: the current members)"),
  })
  .meta({ id: 'GroupMeetingDetail' });

export const meetingCheckInSchema = z
  .object({
    open: z.boolean().describe('Whether the youth can check in now'),
    opens: z.iso.datetime().describe('15 minutes before the meeting starts'),
    closes: z.iso.datetime().describe('When the meeting ends'),
    code: z.string().nullable().describe('The code of six letters and digits, while check-in is open; null otherwise'),
  })
  .describe("The meeting's check-in.");
