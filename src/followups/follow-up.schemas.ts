import { z } from 'zod';
import { followUpMonths, followUpStatuses } from '../../machines/events.ts';
import { pageQuery } from '../shared/schemas.ts';

export const dueFollowUpQuery = z.object({
  due: z
    .enum(['overdue', 'upcoming'])
    .optional()
    .describe('overdue: due before today; upcoming: due today or later; every pending one when left out'),
  caseworkerId: z.uuid().optional().describe("Only this caseworker's youth"),
  ...pageQuery,
});

export const dueFollowUpSchema = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    youth: z.object({ id: z.uuid(), name: z.string() }),
    caseworker: z.object({ id: z.uuid(), name: z.string() }),
    month: z.literal(followUpMonths),
    dueOn: z.iso.date(),
    daysOverdue: z.number().int().describe('Days past the due date; 0 when not yet due'),
  })
  .meta({ id: 'DueFollowUp' });

export const followUpSchema = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    month: z.literal(followUpMonths),
    dueOn: z.iso.date(),
    status: z.enum(followUpStatuses).nullable(),
    recordedAt: z.iso.datetime().nullable(),
    recordedBy: z.uuid().nullable(),
  })
  .meta({ id: 'FollowUp' });
