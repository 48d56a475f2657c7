import { z } from 'zod';
import { conversationModes } from '../../machines/events.ts';
import { type TextKey, texts } from '../shared/texts.ts';
import { appointmentKinds, appointmentStatuses } from './appointment.tables.ts';

/** A field message from templates/texts/appointments.*.json (the validator reads `da` and `en`). */
const say = (key: TextKey) => JSON.stringify(texts(key));

const instant = z.iso.datetime({ offset: true, error: 'datetime_format' });
const version = z.number().int().min(1).describe('The version the change was made against (optimistic concurrency).');
const kind = z
  .enum(appointmentKinds)
  .describe('An individual job conversation (LAB § 31), another conversation, or another meeting');
const mode = z.enum(conversationModes).describe('In person (at `place`), by phone or by video');
const durationMinutes = z
  .number()
  .int()
  .min(5, say('appointments.refusals.duration'))
  .max(480, say('appointments.refusals.duration'));
const place = z
  .string()
  .trim()
  .max(500)
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v))
  .describe('Where, for a meeting in person (required then)');
const note = z
  .string()
  .trim()
  .max(2000)
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v));

export const bookAppointmentBody = z.strictObject({
  kind,
  mode,
  startsAt: instant.describe('When it begins; not in the past'),
  durationMinutes: durationMinutes.default(45),
  place,
  note,
  caseworkerId: z.uuid().optional().describe('Who holds it: the caseworker booking it, or the youth’s caseworker'),
});
export type BookAppointmentInput = z.infer<typeof bookAppointmentBody>;

export const changeAppointmentBody = z.strictObject({
  version,
  kind: kind.optional(),
  mode: mode.optional(),
  startsAt: instant.optional().describe('Moves it'),
  durationMinutes: durationMinutes.optional(),
  place,
  note,
  status: z.enum(['planned', 'cancelled']).optional().describe('cancelled cancels it; planned books it again'),
});
export type ChangeAppointmentInput = z.infer<typeof changeAppointmentBody>;

export const holdAppointmentBody = z.strictObject({
  version,
  note: note.describe('A note for the recorded conversation or contact'),
});

export const appointmentListQuery = z.object({
  from: z.iso
    .date({ error: 'date_format' })
    .optional()
    .describe('Starting on or after this Danish day; today by default'),
  to: z.iso.date({ error: 'date_format' }).optional().describe('Starting on or before this Danish day'),
  caseworkerId: z.uuid().optional().describe("A leader's choice of caseworker; a caseworker sees their own"),
});

export const appointmentSchema = z
  .object({
    id: z.uuid(),
    youth: z.object({ id: z.uuid(), name: z.string() }),
    journeyId: z.uuid(),
    caseworker: z.object({ id: z.uuid(), name: z.string() }),
    kind: z.enum(appointmentKinds),
    mode: z.enum(conversationModes),
    startsAt: z.iso.datetime(),
    durationMinutes: z.number().int(),
    place: z.string().nullable(),
    note: z.string().nullable(),
    status: z.enum(appointmentStatuses),
    heldAt: z.iso.datetime().nullable().describe('When it was recorded as held'),
    notifiedAbsence: z
      .object({ at: z.iso.datetime(), note: z.string().nullable() })
      .nullable()
      .describe('The afbud the youth gave on their own side before it began, with their reason if any'),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Appointment' });

export const calendarFeedSchema = z
  .object({
    url: z
      .url()
      .nullable()
      .describe('The secret address of the feed, to subscribe to in Outlook; null when there is none'),
    createdAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CalendarFeed' });
