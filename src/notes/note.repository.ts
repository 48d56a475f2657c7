import type { Db } from '../db/database.ts';
import type { NoteKind } from './note.tables.ts';

type Person = { id: string; name: string };

/** A case note as it reads now: its current version, who wrote it first and who wrote the current words. */
export interface CaseNote {
  id: string;
  youthId: string;
  concernsOn: string;
  kind: NoteKind;
  text: string;
  author: Person;
  createdAt: Date;
  version: number;
  updatedBy: Person;
  updatedAt: Date;
}

/** One version of a note as it was written. */
export interface CaseNoteVersion {
  noteId: string;
  version: number;
  concernsOn: string;
  kind: NoteKind;
  text: string;
  writtenBy: Person;
  writtenAt: Date;
}

export interface NoteWords {
  concernsOn: string;
  kind: NoteKind;
  text: string;
}

/** The notes with their current words, their author and the writer of the current version. */
function currentNotes(db: Db, municipalityId: string) {
  return db
    .selectFrom('case_note')
    .innerJoin('case_note_version as v', (join) =>
      join.onRef('v.note_id', '=', 'case_note.id').onRef('v.version', '=', 'case_note.version'),
    )
    .innerJoin('app_user as author', 'author.id', 'case_note.author_id')
    .innerJoin('app_user as editor', 'editor.id', 'case_note.updated_by')
    .where('case_note.municipality_id', '=', municipalityId);
}

const noteColumns = [
  'case_note.id',
  'case_note.youth_id',
  'v.concerns_on',
  'v.kind',
  'v.text',
  'case_note.author_id',
  'author.name as author_name',
  'case_note.created_at',
  'case_note.version',
  'case_note.updated_by',
  'editor.name as editor_name',
  'case_note.updated_at',
] as const;

interface NoteRow {
  id: string;
  youth_id: string;
  concerns_on: string;
  kind: NoteKind;
  text: string;
  author_id: string;
  author_name: string;
  created_at: Date;
  version: number;
  updated_by: string;
  editor_name: string;
  updated_at: Date;
}

function noteRowToNote(row: NoteRow): CaseNote {
  return {
    id: row.id,
    youthId: row.youth_id,
    concernsOn: row.concerns_on,
    kind: row.kind,
    text: row.text,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    version: row.version,
    updatedBy: { id: row.updated_by, name: row.editor_name },
    updatedAt: row.updated_at,
  };
}

/** Writes a new note and its first version; returns its id. */
export async function insertNote(
  db: Db,
  note: NoteWords & { municipalityId: string; youthId: string; authorId: string; at: Date },
): Promise<string> {
  const { id } = await db
    .insertInto('case_note')
    .values({
      municipality_id: note.municipalityId,
      youth_id: note.youthId,
      author_id: note.authorId,
      created_at: note.at,
      updated_by: note.authorId,
      updated_at: note.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertVersion(db, note.municipalityId, id, 1, note, note.authorId, note.at);
  return id;
}

function insertVersion(
  db: Db,
  municipalityId: string,
  noteId: string,
  version: number,
  words: NoteWords,
  writtenBy: string,
  at: Date,
) {
  return db
    .insertInto('case_note_version')
    .values({
      municipality_id: municipalityId,
      note_id: noteId,
      version,
      concerns_on: words.concernsOn,
      kind: words.kind,
      text: words.text,
      written_by: writtenBy,
      written_at: at,
    })
    .execute();
}

/**
 * Adds the note's next version when the note is still at `expectedVersion`; returns false when
 * someone else edited it first, and then writes nothing.
 */
export async function addNoteVersion(
  db: Db,
  municipalityId: string,
  noteId: string,
  expectedVersion: number,
  words: NoteWords,
  writtenBy: string,
  at: Date,
): Promise<boolean> {
  const version = expectedVersion + 1;
  const moved = await db
    .updateTable('case_note')
    .set({ version, updated_by: writtenBy, updated_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', noteId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (moved.numUpdatedRows !== 1n) return false;
  await insertVersion(db, municipalityId, noteId, version, words, writtenBy, at);
  return true;
}

export async function findNote(
  db: Db,
  municipalityId: string,
  noteId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseNote | null> {
  let query = currentNotes(db, municipalityId).select(noteColumns).where('case_note.id', '=', noteId);
  if (options.forUpdate) query = query.forUpdate('case_note');
  const row = await query.executeTakeFirst();
  return row ? noteRowToNote(row) : null;
}

/** A youth's notes, the latest day first (and the latest written first within a day). */
export async function listNotesOfYouth(
  db: Db,
  municipalityId: string,
  youthId: string,
  page: { limit: number; offset: number },
): Promise<{ items: CaseNote[]; total: number }> {
  const rows = await currentNotes(db, municipalityId)
    .select(noteColumns)
    .where('case_note.youth_id', '=', youthId)
    .orderBy('v.concerns_on', 'desc')
    .orderBy('case_note.created_at', 'desc')
    .orderBy('case_note.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  const count = await db
    .selectFrom('case_note')
    .select((eb) => eb.fn.countAll<string | number>().as('total'))
    .where('municipality_id', '=', municipalityId)
    .where('youth_id', '=', youthId)
    .executeTakeFirstOrThrow();
  return { items: rows.map(noteRowToNote), total: Number(count.total) };
}

/** Every version of the notes, each note's newest first. */
export async function listNoteVersions(
  db: Db,
  municipalityId: string,
  noteIds: readonly string[],
): Promise<CaseNoteVersion[]> {
  if (noteIds.length === 0) return [];
  const rows = await db
    .selectFrom('case_note_version as v')
    .innerJoin('app_user', 'app_user.id', 'v.written_by')
    .select([
      'v.note_id',
      'v.version',
      'v.concerns_on',
      'v.kind',
      'v.text',
      'v.written_by',
      'app_user.name as written_by_name',
      'v.written_at',
    ])
    .where('v.municipality_id', '=', municipalityId)
    .where('v.note_id', 'in', noteIds)
    .orderBy('v.note_id')
    .orderBy('v.version', 'desc')
    .execute();
  return rows.map((r) => ({
    noteId: r.note_id,
    version: r.version,
    concernsOn: r.concerns_on,
    kind: r.kind,
    text: r.text,
    writtenBy: { id: r.written_by, name: r.written_by_name },
    writtenAt: r.written_at,
  }));
}
