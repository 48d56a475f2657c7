import { z } from 'zod';
import { conversationModes } from '../../machines/events.ts';
import { pageQuery } from '../shared/schemas.ts';
import { activityKinds, conversationKinds } from './activity.tables.ts';

const occurredAt = z.iso
  .datetime({ offset: true })
  .optional()
  .describe('When it happened; defaults to now. Not in the future, not before first contact.');

const note = z.string().trim().min(1, 'not_blank').max(2000).optional().describe('A short note');

export const recordActivityBody = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('conversation'),
    conversationKind: z.enum(conversationKinds),
    mode: z
      .enum(conversationModes)
      .describe('How it was held: in person, by phone or by video; a job conversation counts in each (STAR)'),
    jobConversation: z
      .boolean()
      .default(false)
      .describe('An individual job conversation; these count towards LAB § 31 stk. 3, whatever the mode'),
    occurredAt,
    note,
  }),
  z.strictObject({ kind: z.literal('mentor_contact'), occurredAt, note }),
  z.strictObject({ kind: z.literal('other_contact'), occurredAt, note }),
]);

export type RecordActivityInput = z.infer<typeof recordActivityBody>;

export const activityListQuery = z.object({
  kind: z.enum(activityKinds).optional(),
  from: z.iso.date().optional().describe('Occurred on or after this day'),
  to: z.iso.date().optional().describe('Occurred on or before this day'),
  ...pageQuery,
});

export const activitySchema = z
  .object({
    id: z.uuid(),
    journeyId: z.uuid(),
    kind: z.enum(activityKinds),
    conversationKind: z.enum(conversationKinds).nullable(),
    mode: z
      .enum(conversationModes)
      .nullable()
      .describe(
        'How a conversation was held; null for other contact and for conversations recorded before it was asked',
      ),
    jobConversation: z.boolean(),
    occurredAt: z.iso.datetime(),
    note: z.string().nullable(),
    recordedBy: z.object({ id: z.uuid(), name: z.string() }),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'Activity' });
