import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../auth/auth.plugin.ts';
import type { AppDeps } from '../deps.ts';
import { authErrors, errorResponse, idParams } from '../shared/schemas.ts';
import { editNoteBody, noteListQuery, notePage, noteSchema, writeNoteBody } from './note.schemas.ts';
import { editNote, type NoteWithHistory, notesOfYouth, readNote, writeNote } from './note.service.ts';

// The people who work with the youth; an administrator does not see the register.
const roles = ['caseworker', 'leader'] as const;

export const noteRoutes: FastifyPluginAsyncZod<{ deps: AppDeps }> = async (app, { deps }) => {
  app.post(
    '/youth/:id/notes',
    {
      config: { roles },
      schema: {
        operationId: 'writeCaseNote',
        summary: 'Write a case note on a youth',
        description: 'A dated note with its kind; the day defaults to today and cannot be in the future.',
        tags: ['case notes'],
        params: idParams,
        body: writeNoteBody,
        response: { 201: noteSchema.describe('The note as written.'), ...authErrors, 404: errorResponse },
      },
    },
    async (request, reply) =>
      reply.code(201).send(noteToResponse(await writeNote(deps, actorOf(request), request.params.id, request.body))),
  );

  app.get(
    '/youth/:id/notes',
    {
      config: { roles },
      schema: {
        operationId: 'listCaseNotes',
        summary: "List a youth's case notes",
        description: 'The latest day first, each with its earlier versions. The read is written to the audit log.',
        tags: ['case notes'],
        params: idParams,
        querystring: noteListQuery,
        response: { 200: notePage.describe('A page of the notes.'), ...authErrors, 404: errorResponse },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const result = await notesOfYouth(deps, actorOf(request), request.params.id, { page, pageSize });
      return { items: result.items.map(noteToResponse), total: result.total, page, pageSize };
    },
  );

  app.get(
    '/notes/:id',
    {
      config: { roles },
      schema: {
        operationId: 'getCaseNote',
        summary: 'Read a case note',
        description: 'With every earlier version as it was written. The read is written to the audit log.',
        tags: ['case notes'],
        params: idParams,
        response: { 200: noteSchema.describe('The note.'), ...authErrors, 404: errorResponse },
      },
    },
    async (request) => noteToResponse(await readNote(deps, actorOf(request), request.params.id)),
  );

  app.patch(
    '/notes/:id',
    {
      config: { roles },
      schema: {
        operationId: 'editCaseNote',
        summary: 'Edit a case note',
        description:
          "Made against the note's `version`. The words as they were are kept as an earlier version; nothing is " +
          'overwritten, and a note is never deleted (forvaltningsloven § 13). Only the author and a leader may edit. ' +
          'An edit that changes nothing adds no version.',
        tags: ['case notes'],
        params: idParams,
        body: editNoteBody,
        response: {
          200: noteSchema.describe('The note as edited, with its earlier versions.'),
          ...authErrors,
          403: errorResponse.describe('Neither the author nor a leader (`forbidden`).'),
          404: errorResponse,
          409: errorResponse.describe('Edited by someone else meanwhile (`version_conflict`, with `currentVersion`).'),
        },
      },
    },
    async (request) => noteToResponse(await editNote(deps, actorOf(request), request.params.id, request.body)),
  );
};

function noteToResponse(note: NoteWithHistory) {
  return {
    ...note,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    earlierVersions: note.earlierVersions.map(({ noteId: _noteId, ...v }) => ({
      ...v,
      writtenAt: v.writtenAt.toISOString(),
    })),
  };
}
