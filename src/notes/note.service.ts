import type { Actor } from '../auth/actor.ts';
import { auditAs } from '../audit/audit-as.ts';
import type { Db } from '../db/database.ts';
import type { AppDeps } from '../deps.ts';
import { danishDate } from '../shared/clock.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import {
  addNoteVersion,
  type CaseNote,
  type CaseNoteVersion,
  findNote,
  insertNote,
  listNotesOfYouth,
  listNoteVersions,
  type NoteWords,
} from './note.repository.ts';
import type { EditNoteInput, WriteNoteInput } from './note.schemas.ts';
import { readingAs, youthAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** A note with every earlier version as it was written, the newest first. */
export type NoteWithHistory = CaseNote & { earlierVersions: CaseNoteVersion[] };

/**
 * Who may edit a note: the one who wrote it, and a leader (who answers for the unit's case files).
 * An edit adds a version; nothing written is ever overwritten or deleted (forvaltningsloven § 13).
 */
export function mayEditNote(actor: Pick<Actor, 'userId' | 'role'>, note: Pick<CaseNote, 'author'>): boolean {
  return actor.role === 'leader' || note.author.id === actor.userId;
}

/** A note is about a day that has come: today or earlier. */
function checkDay(concernsOn: string, today: string) {
  if (concernsOn > today) throw invalidField('concernsOn', 'journal.refusals.concernsInFuture');
}

async function withHistory(db: Db, actor: Actor, notes: CaseNote[]): Promise<NoteWithHistory[]> {
  const edited = notes.filter((n) => n.version > 1).map((n) => n.id);
  const versions = await listNoteVersions(db, actor.municipalityId, edited);
  return notes.map((note) => ({
    ...note,
    earlierVersions: versions.filter((v) => v.noteId === note.id && v.version < note.version),
  }));
}

/** Writes a note on a youth, about today unless another (earlier) day is given. */
export async function writeNote(
  deps: Deps,
  actor: Actor,
  youthId: string,
  input: WriteNoteInput,
): Promise<NoteWithHistory> {
  const now = deps.clock();
  const concernsOn = input.concernsOn ?? danishDate(now);
  checkDay(concernsOn, danishDate(now));
  return deps.db.transaction().execute(async (trx) => {
    if (!(await youthAs(trx, actor, youthId))) throw new DomainError('not_found');
    const id = await insertNote(trx, {
      municipalityId: actor.municipalityId,
      youthId,
      authorId: actor.userId,
      at: now,
      concernsOn,
      kind: input.kind,
      text: input.text,
    });
    // What was written about, never the words: the log must not become a copy of the case file.
    await auditAs(trx, actor, 'case_note.written', youthId, { noteId: id, kind: input.kind, concernsOn });
    const note = await findNote(trx, actor.municipalityId, id);
    if (!note) throw new Error(`the note ${id} just written was not found`);
    return { ...note, earlierVersions: [] };
  });
}

/**
 * Edits a note made against `version`: the words as they were are kept as an earlier version. An
 * edit that changes nothing adds no version. Only the author or a leader may edit.
 */
export async function editNote(
  deps: Deps,
  actor: Actor,
  noteId: string,
  input: EditNoteInput,
): Promise<NoteWithHistory> {
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const note = await findNote(trx, actor.municipalityId, noteId, { forUpdate: true });
    if (!note) throw new DomainError('not_found');
    if (!mayEditNote(actor, note)) throw new DomainError('forbidden');
    if (note.version !== input.version) {
      throw new DomainError('version_conflict', { extra: { currentVersion: note.version } });
    }
    const words: NoteWords = {
      concernsOn: input.concernsOn ?? note.concernsOn,
      kind: input.kind ?? note.kind,
      text: input.text ?? note.text,
    };
    const fields = (['concernsOn', 'kind', 'text'] as const).filter((field) => words[field] !== note[field]);
    if (fields.length === 0) return (await withHistory(trx, actor, [note]))[0] as NoteWithHistory;
    if (fields.includes('concernsOn')) checkDay(words.concernsOn, danishDate(now));
    const added = await addNoteVersion(trx, actor.municipalityId, noteId, note.version, words, actor.userId, now);
    if (!added) throw new DomainError('version_conflict', { extra: { currentVersion: note.version + 1 } });
    await auditAs(trx, actor, 'case_note.edited', note.youthId, { noteId, version: note.version + 1, fields });
    const edited = await findNote(trx, actor.municipalityId, noteId);
    if (!edited) throw new Error(`the note ${noteId} just edited was not found`);
    return (await withHistory(trx, actor, [edited]))[0] as NoteWithHistory;
  });
}

/** A youth's notes with their history, the latest day first; the read is audited. */
export async function notesOfYouth(
  deps: Deps,
  actor: Actor,
  youthId: string,
  page: { page: number; pageSize: number },
): Promise<{ items: NoteWithHistory[]; total: number }> {
  return readingAs(deps.db, actor, async (trx) => {
    if (!(await youthAs(trx, actor, youthId))) throw new DomainError('not_found');
    const found = await listNotesOfYouth(trx, actor.municipalityId, youthId, {
      limit: page.pageSize,
      offset: (page.page - 1) * page.pageSize,
    });
    await auditAs(trx, actor, 'case_note.read', youthId, { noteIds: found.items.map((n) => n.id), ...page });
    return { items: await withHistory(trx, actor, found.items), total: found.total };
  });
}

/** One note with its history; the read is audited. */
export async function readNote(deps: Deps, actor: Actor, noteId: string): Promise<NoteWithHistory> {
  return deps.db.transaction().execute(async (trx) => {
    const note = await findNote(trx, actor.municipalityId, noteId);
    if (!note) throw new DomainError('not_found');
    await auditAs(trx, actor, 'case_note.read', note.youthId, { noteIds: [noteId] });
    return (await withHistory(trx, actor, [note]))[0] as NoteWithHistory;
  });
}

/** The note in the address must be the youth's in it (the pages check before they write). */
export async function requireNoteOfYouth(deps: Deps, actor: Actor, noteId: string, youthId: string): Promise<void> {
  const note = await findNote(deps.db, actor.municipalityId, noteId);
  if (!note || note.youthId !== youthId) throw new DomainError('not_found');
}
