import type { ColumnType, Generated } from 'kysely';

type DateString = ColumnType<string, string, string>;

/**
 * What a note records: a conversation, a phone call, an e-mail, a meeting with the youth's
 * network (family, school, treatment), the caseworker's professional assessment, or something else.
 */
export const noteKinds = ['conversation', 'phone', 'email', 'network_meeting', 'assessment', 'other'] as const;
export type NoteKind = (typeof noteKinds)[number];

/** A case note on a youth (forvaltningsloven § 13). Its words are in its versions; `version` is the current one. */
export interface CaseNoteTable {
  id: Generated<string>;
  municipality_id: string;
  youth_id: string;
  /** Who wrote the first version. */
  author_id: string;
  created_at: Generated<Date>;
  version: Generated<number>;
  /** Who wrote the current version, and when. */
  updated_by: string;
  updated_at: Generated<Date>;
}

/** One version of a note as it was written; never changed or removed (see the migration). */
export interface CaseNoteVersionTable {
  id: Generated<string>;
  municipality_id: string;
  note_id: string;
  version: number;
  /** The day the note is about; not after the day it was written. */
  concerns_on: DateString;
  kind: NoteKind;
  text: string;
  written_by: string;
  written_at: Generated<Date>;
}

export interface NoteTables {
  case_note: CaseNoteTable;
  case_note_version: CaseNoteVersionTable;
}
