import type { Generated, JSONColumnType } from 'kysely';

/** The preparation questionnaire as the youth filled it in on their own side, one per journey. */
export interface QuestionnaireResponseTable {
  journey_id: string;
  municipality_id: string;
  youth_id: string;
  /** The answers given, by question code; a question the youth skipped is absent. */
  answers: JSONColumnType<Record<string, unknown>>;
  submitted_at: Date;
  version: Generated<number>;
}

export interface QuestionnaireResponseTables {
  questionnaire_response: QuestionnaireResponseTable;
}
