import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import { actorOf } from '../auth/auth.plugin.ts';
import { editNoteBody, writeNoteBody } from '../notes/note.schemas.ts';
import { editNote, mayEditNote, type NoteWithHistory, requireNoteOfYouth, writeNote } from '../notes/note.service.ts';
import { noteKinds } from '../notes/note.tables.ts';
import { danishDate, startOfDanishDay } from '../shared/clock.ts';
import type { Lang } from '../shared/i18n.ts';
import { t, type Translate } from '../shared/texts.ts';
import { parseWithMessages } from '../shared/validation.ts';
import type { TimelineEntry } from './web.youth-view.ts';
import {
  clockTime,
  type Form,
  formBody,
  formVersion,
  issueErrorsOf,
  pageFor,
  type Refusal,
  staff,
  text,
  type WebApp,
  type WebContext,
  when,
  whenDay,
} from './web.shared.ts';

/** How many notes the youth's page shows before "Vis alle". */
export const RECENT_NOTES = 20;
/** "Vis alle": every note, up to a number no youth's journal reaches in practice. */
export const ALL_NOTES = 2000;
/** How much of a note the timeline shows. */
const EXCERPT_LENGTH = 140;

/** The journal's forms as the page was sent back with them: which form, what was typed, what was wrong. */
export interface KeptNoteForm {
  form?: string | undefined;
  values?: Record<string, string> | undefined;
  errors?: Record<string, string> | undefined;
}

const formOfNew = 'note';
const formOfEdit = (noteId: string) => `note-edit-${noteId}`;

/** "den 1. dec. 2026 kl. 9.05": the day and time of an instant, for "Skrevet af ... den ...". */
const stamp = (instant: Date, lang: Lang) => ({ date: when(instant, lang), time: clockTime(instant, lang) });

/** The youth's journal as the page shows it: each note with who wrote and edited it, its history, and its form. */
export function journalOf(
  notes: { items: readonly NoteWithHistory[]; total: number },
  actor: Pick<Actor, 'userId' | 'role'>,
  kept: KeptNoteForm,
  showingAll: boolean,
  youthId: string,
  tr: Translate,
  lang: Lang,
) {
  const keptFor = (form: string) =>
    kept.form === form ? { values: kept.values ?? {}, errors: kept.errors ?? {}, open: true } : null;
  const kindLabel = (kind: string) => tr(`journal.kinds.${kind as (typeof noteKinds)[number]}`);
  return {
    total: notes.total,
    shown: notes.items.length,
    showAllHref: !showingAll && notes.total > notes.items.length ? `/unge/${youthId}?notater=alle#h-journal` : null,
    kinds: noteKinds.map((k) => ({ value: k, label: kindLabel(k) })),
    form: keptFor(formOfNew) ?? { values: {}, errors: {}, open: false },
    notes: notes.items.map((note) => {
      const editing = keptFor(formOfEdit(note.id));
      return {
        id: note.id,
        version: note.version,
        heading: tr('journal.heading', { date: whenDay(note.concernsOn, lang), kind: kindLabel(note.kind) }),
        text: note.text,
        writtenBy: tr('journal.writtenBy', { name: note.author.name, ...stamp(note.createdAt, lang) }),
        editedBy:
          note.version > 1
            ? tr('journal.editedBy', { name: note.updatedBy.name, ...stamp(note.updatedAt, lang) })
            : null,
        earlierTitle: tr('journal.earlier', { count: note.earlierVersions.length }),
        earlier: note.earlierVersions.map((v) => ({
          title: tr('journal.earlierVersion', {
            version: v.version,
            name: v.writtenBy.name,
            ...stamp(v.writtenAt, lang),
          }),
          heading: tr('journal.heading', { date: whenDay(v.concernsOn, lang), kind: kindLabel(v.kind) }),
          text: v.text,
        })),
        mayEdit: mayEditNote(actor, note),
        edit: editing ?? {
          values: { concernsOn: note.concernsOn, kind: note.kind, text: note.text },
          errors: {},
          open: false,
        },
      };
    }),
  };
}

/**
 * The notes in the timeline from the day `since` on: a note sits at the time it was written when it
 * is about that day, and at noon of the day it is about otherwise.
 */
export function noteTimelineEntries(
  notes: readonly NoteWithHistory[],
  since: string,
  tr: Translate,
  lang: Lang,
): TimelineEntry[] {
  return notes
    .filter((note) => note.concernsOn >= since)
    .map((note) => {
      const at =
        danishDate(note.createdAt) === note.concernsOn
          ? note.createdAt
          : new Date(startOfDanishDay(note.concernsOn).getTime() + 12 * 3_600_000);
      const words = note.text.replace(/\s+/g, ' ').trim();
      return {
        title: tr('journal.timelineEntry', { kind: tr(`journal.kinds.${note.kind}`) }),
        iso: at.toISOString(),
        date: whenDay(note.concernsOn, lang),
        detail: words.length > EXCERPT_LENGTH ? `${words.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : words,
        noteId: note.id,
      };
    });
}

/** The journey's events and the notes together, the latest first. */
export function mergedTimeline(events: readonly TimelineEntry[], notes: readonly TimelineEntry[]): TimelineEntry[] {
  return [...events, ...notes].sort((a, b) => (a.iso < b.iso ? 1 : a.iso > b.iso ? -1 : 0));
}

/** What the youth's page lends the journal's forms: showing the page again with a form's problem. */
export interface YouthPageForms {
  again: (
    request: FastifyRequest,
    reply: FastifyReply,
    youthId: string,
    form: string,
    values: Record<string, string>,
  ) => (refused: Refusal) => Promise<FastifyReply>;
  attempt: (action: () => Promise<unknown>, lang: Lang, conflictMessage: string) => Promise<Refusal | null>;
}

const youthParams = z.object({ youthId: z.uuid() });
const noteParams = youthParams.extend({ noteId: z.uuid() });

/** Writing and editing a note on the youth's page (forvaltningsloven § 13). */
export function registerJournalForms(app: WebApp, { deps, checkCsrf }: WebContext, { again, attempt }: YouthPageForms) {
  const done = (reply: FastifyReply, youthId: string, what: 'notat' | 'rettet', noteId: string) =>
    reply.redirect(`/unge/${youthId}?registreret=${what}#note-${noteId}`, 303);
  const fieldsOf = (form: Form, prefix: string) => ({
    concernsOn: text(form, `${prefix}-concernsOn`).trim(),
    kind: text(form, `${prefix}-kind`),
    text: text(form, `${prefix}-text`),
  });
  const formErrors = (issues: Parameters<typeof issueErrorsOf>[0], lang: Lang): Refusal => ({
    errors: issueErrorsOf(issues, lang),
    problem: t(lang, 'common.formErrors'),
    status: 400,
  });
  const noteOfYouth: preHandlerAsyncHookHandler = async (request) => {
    const { youthId, noteId } = request.params as z.infer<typeof noteParams>;
    await requireNoteOfYouth(deps, actorOf(request), noteId, youthId);
  };

  app.post(
    '/unge/:youthId/notater',
    { config: pageFor(staff), preHandler: checkCsrf, schema: { hide: true, params: youthParams, body: formBody } },
    async (request, reply) => {
      const { youthId } = request.params;
      const values = fieldsOf(request.body, 'note');
      const keep = again(request, reply, youthId, formOfNew, values);
      const parsed = parseWithMessages(writeNoteBody, {
        concernsOn: values.concernsOn || undefined,
        kind: values.kind || undefined,
        text: values.text,
      });
      if (!parsed.success) return keep(formErrors(parsed.issues, request.lang));
      let noteId = '';
      const refused = await attempt(
        async () => ({ id: noteId } = await writeNote(deps, actorOf(request), youthId, parsed.data)),
        request.lang,
        t(request.lang, 'journal.versionConflict'),
      );
      return refused ? keep(refused) : done(reply, youthId, 'notat', noteId);
    },
  );

  app.post(
    '/unge/:youthId/notater/:noteId',
    {
      config: pageFor(staff),
      preHandler: [checkCsrf, noteOfYouth],
      schema: { hide: true, params: noteParams, body: formBody },
    },
    async (request, reply) => {
      const { youthId, noteId } = request.params;
      const values = fieldsOf(request.body, 'edit');
      const keep = again(request, reply, youthId, formOfEdit(noteId), values);
      const parsed = parseWithMessages(editNoteBody, {
        version: formVersion(request.body),
        concernsOn: values.concernsOn || undefined,
        kind: values.kind || undefined,
        text: values.text,
      });
      if (!parsed.success) return keep(formErrors(parsed.issues, request.lang));
      const refused = await attempt(
        () => editNote(deps, actorOf(request), noteId, parsed.data),
        request.lang,
        t(request.lang, 'journal.versionConflict'),
      );
      return refused ? keep(refused) : done(reply, youthId, 'rettet', noteId);
    },
  );
}
