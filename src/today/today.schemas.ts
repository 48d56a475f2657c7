import { z } from 'zod';
import { alertListItemSchema } from '../alerts/alert.schemas.ts';
import { appointmentSchema } from '../appointments/appointment.schemas.ts';
import { meetingSchema } from '../groups/group.schemas.ts';
import { deadlineSchema } from '../journeys/journey.schemas.ts';
import { DEFAULT_CONTACT_DAYS } from './today.service.ts';

export const todayQuery = z.object({
  contactDays: z.coerce
    .number()
    .int()
    .min(1)
    .max(365)
    .default(DEFAULT_CONTACT_DAYS)
    .describe('Youth with no contact for this many days are listed under `withoutContact`'),
});

const youthRef = z.object({ id: z.uuid(), name: z.string() });

export const todaySchema = z
  .object({
    day: z.iso.date().describe('Today, as a Danish calendar day'),
    meetings: z
      .array(meetingSchema.extend({ groupName: z.string() }))
      .describe("Today's meetings of the groups the caseworker facilitates"),
    appointments: z.array(appointmentSchema).describe("The caseworker's appointments today, planned or held"),
    deadlines: z
      .array(
        deadlineSchema.extend({
          journeyId: z.uuid(),
          youth: youthRef,
          overdue: z.boolean().describe('The day has passed'),
        }),
      )
      .describe("The caseworker's youth's next deadlines that fall this week or have passed, earliest first"),
    alerts: z.array(alertListItemSchema).describe('Open alerts assigned to the caseworker, most urgent first'),
    withoutContact: z
      .array(
        z.object({
          journeyId: z.uuid(),
          youth: youthRef,
          stage: z.string(),
          lastContactAt: z.iso.datetime(),
        }),
      )
      .describe('Open journeys whose youth the caseworker has had no contact with for `contactDays` days'),
    contactDays: z.number().int(),
  })
  .meta({ id: 'Today' });
