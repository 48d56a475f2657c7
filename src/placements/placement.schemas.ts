import { z } from 'zod';
import { placementKinds } from '../../machines/events.ts';
import { commandPayloadSchemas } from '../journeys/journey.schemas.ts';
import { pageQuery } from '../shared/schemas.ts';

const started = commandPayloadSchemas.PLACEMENT_STARTED.shape;

export const switchPlacementBody = z.strictObject({
  expectedVersion: z.number().int().min(1).describe('The journey version the switch was decided on'),
  companyId: started.companyId.describe('The next company'),
  kind: started.kind,
  hoursPerWeek: started.hoursPerWeek,
  plannedEnd: started.plannedEnd,
  contactId: started.contactId,
  chosenByYouth: started.chosenByYouth,
  reason: z.string().trim().min(1, 'not_blank').max(1000).optional().describe('Why the current placement ends'),
  occurredAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('When the switch happened; defaults to now. Not in the future, not before first contact.'),
});

/** Half hours happen; a week has at most 60 working hours. */
const hoursWorked = z.number().min(0).max(60).multipleOf(0.5);

export const weekParams = z.object({
  id: z.uuid(),
  weekStart: z.iso.date().describe('The Monday the week begins'),
});

export const logHoursBody = z.strictObject({ hours: hoursWorked.describe('Hours actually worked that week') });

export const changePlacementBody = z.strictObject({
  version: z.number().int().min(1).describe('The placement version the change was made against'),
  plannedEnd: z.iso.date().nullable().optional(),
  hoursPerWeek: z.number().min(1).max(40).multipleOf(0.5).optional().describe('The agreed hours a week'),
  contactId: z.uuid().nullable().optional().describe('The contact person at the company'),
});

export const placementListQuery = z.object({
  companyId: z.uuid().optional(),
  active: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: running placements; false: ended ones'),
  ...pageQuery,
});

export const placementSchema = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    youth: z.object({ id: z.uuid(), name: z.string() }),
    company: z.object({ id: z.uuid(), name: z.string() }),
    kind: z.enum(placementKinds),
    startDate: z.iso.date(),
    plannedEnd: z.iso.date().nullable(),
    hoursPerWeek: z.number(),
    contactId: z.uuid().nullable(),
    chosenByYouth: z.boolean().describe('The youth chose the company themself'),
    active: z.boolean(),
    endedAt: z.iso.datetime().nullable(),
    endReason: z.string().nullable(),
    endCause: z.enum(['ended', 'exited', 'withdrawn']).nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Placement' });

export const placementDetailSchema = placementSchema
  .extend({
    weeks: z.array(
      z.object({
        weekStart: z.iso.date(),
        hours: z.number(),
        recordedBy: z.uuid(),
        recordedAt: z.iso.datetime(),
      }),
    ),
    totalHours: z.number(),
  })
  .meta({ id: 'PlacementDetail' });

export const switchPlacementResponse = z.object({
  journeyVersion: z.number().int(),
  ended: placementSchema,
  started: placementSchema,
});

export const hoursReportSchema = z
  .object({
    id: z.uuid(),
    placementId: z.uuid(),
    journeyId: z.uuid(),
    youthId: z.uuid(),
    company: z.object({ id: z.uuid(), name: z.string() }),
    weekStart: z.iso.date().describe('The Monday of the week reported'),
    hours: z.number().describe('The hours the youth reported'),
    note: z.string().nullable().describe("The youth's own note"),
    reportedAt: z.iso.datetime(),
    status: z
      .enum(['reported', 'confirmed', 'corrected'])
      .describe('reported: waiting for the caseworker; confirmed as reported; corrected to other hours'),
    confirmedHours: z.number().nullable().describe('The hours that count as worked; null while waiting'),
    decidedAt: z.iso.datetime().nullable(),
    version: z.number().int(),
  })
  .describe('A week of hours the youth reported on their own side.');

export const confirmHoursReportBody = z.strictObject({
  version: z.number().int().min(1).describe('The report version the decision was made against'),
  hours: hoursWorked
    .optional()
    .describe('The hours worked, when they differ from the reported; left out, the reported hours are confirmed'),
});
