import { z } from 'zod';
import { pageOf, pageQuery } from '../shared/schemas.ts';
import { noteKinds } from './note.tables.ts';

/** How long a note may be: a long conversation written up, not a document. */
export const NOTE_MAX_LENGTH = 10_000;

const concernsOn = z.iso.date().describe('The day the note is about; not in the future.');
const kind = z
  .enum(noteKinds)
  .describe(
    'conversation, phone, email, network_meeting (with family, school, treatment), assessment (professional), other',
  );
const text = z.string().trim().min(1, 'not_blank').max(NOTE_MAX_LENGTH);

export const writeNoteBody = z.strictObject({
  concernsOn: concernsOn.optional().describe('The day the note is about; today when left out. Not in the future.'),
  kind,
  text,
});
export type WriteNoteInput = z.infer<typeof writeNoteBody>;

export const editNoteBody = z.strictObject({
  version: z.number().int().min(1).describe('The version the edit was made against (optimistic concurrency).'),
  concernsOn: concernsOn.optional(),
  kind: kind.optional(),
  text: text.optional(),
});
export type EditNoteInput = z.infer<typeof editNoteBody>;

export const noteListQuery = z.object({ ...pageQuery });

const person = z.object({ id: z.uuid(), name: z.string() });

const noteVersionSchema = z
  .object({
    version: z.number().int(),
    concernsOn: z.iso.date(),
    kind: z.enum(noteKinds),
    text: z.string(),
    writtenBy: person,
    writtenAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseNoteVersion' });

export const noteSchema = z
  .object({
    id: z.uuid(),
    youthId: z.uuid(),
    concernsOn: z.iso.date(),
    kind: z.enum(noteKinds),
    text: z.string().describe('The current words.'),
    author: person.describe('Who wrote the first version.'),
    createdAt: z.iso.datetime(),
    version: z.number().int().describe('1 for a note never edited; one more for every edit.'),
    updatedBy: person.describe('Who wrote the current version.'),
    updatedAt: z.iso.datetime(),
    earlierVersions: z
      .array(noteVersionSchema)
      .describe('Every earlier version as it was written, the newest first; empty for a note never edited.'),
  })
  .meta({ id: 'CaseNote' });

export const notePage = pageOf(noteSchema);
