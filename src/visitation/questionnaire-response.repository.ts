import type { Db } from '../db/database.ts';
import type { QuestionnaireAnswers } from './questionnaire.ts';

export type PartialAnswers = Partial<QuestionnaireAnswers>;

export interface QuestionnaireResponse {
  journeyId: string;
  answers: PartialAnswers;
  submittedAt: Date;
  version: number;
}

export async function findQuestionnaireResponse(
  db: Db,
  municipalityId: string,
  journeyId: string,
): Promise<QuestionnaireResponse | undefined> {
  const row = await db
    .selectFrom('questionnaire_response')
    .select(['journey_id', 'answers', 'submitted_at', 'version'])
    .where('municipality_id', '=', municipalityId)
    .where('journey_id', '=', journeyId)
    .executeTakeFirst();
  return row
    ? {
        journeyId: row.journey_id,
        // Written only through youthQuestionnaireAnswers, so it reads back as such.
        answers: row.answers,
        submittedAt: row.submitted_at,
        version: row.version,
      }
    : undefined;
}

/** Stores the youth's answers, replacing earlier ones; returns the new version. */
export async function saveQuestionnaireResponse(
  db: Db,
  response: { municipalityId: string; journeyId: string; youthId: string; answers: PartialAnswers; at: Date },
): Promise<number> {
  const answers = JSON.stringify(response.answers);
  const row = await db
    .insertInto('questionnaire_response')
    .values({
      journey_id: response.journeyId,
      municipality_id: response.municipalityId,
      youth_id: response.youthId,
      answers,
      submitted_at: response.at,
    })
    .onConflict((oc) =>
      oc.column('journey_id').doUpdateSet((eb) => ({
        answers,
        submitted_at: response.at,
        version: eb('questionnaire_response.version', '+', 1),
      })),
    )
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}
