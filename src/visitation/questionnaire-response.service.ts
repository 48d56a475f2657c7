import type { Actor, YouthActor } from '../auth/actor.ts';
import { auditAs, auditAsYouth } from '../audit/audit-as.ts';
import type { AppDeps } from '../deps.ts';
import { findOpenJourneyOfYouth } from '../journeys/journey.repository.ts';
import { DomainError, invalidField } from '../shared/errors.ts';
import { questionCodes } from './questionnaire.ts';
import {
  findQuestionnaireResponse,
  type PartialAnswers,
  type QuestionnaireResponse,
  saveQuestionnaireResponse,
} from './questionnaire-response.repository.ts';
import { journeyAs, readingAs } from '../shared/reads.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/**
 * The youth fills in the preparation questionnaire before the visitation conversation (STAR: Den
 * gode ungeindsats i jobcentrene (2017), s. 9-10: "Anbefal nyledige unge at udfylde
 * forberedelsesskemaet inden første visitationssamtale"). Until the visitation is decided: the
 * stages before it.
 */
const stagesBeforeVisitation: readonly string[] = ['referred', 'visitation'];

export interface OwnQuestionnaire {
  response: QuestionnaireResponse | null;
  /** The youth may still answer or change their answers: the visitation has not been decided. */
  open: boolean;
}

export async function ownQuestionnaire(deps: Deps, actor: YouthActor): Promise<OwnQuestionnaire> {
  return deps.db.transaction().execute(async (trx) => {
    const journey = await findOpenJourneyOfYouth(trx, actor.municipalityId, actor.youthId);
    if (!journey) throw new DomainError('not_found');
    const response = await findQuestionnaireResponse(trx, actor.municipalityId, journey.id);
    return { response: response ?? null, open: stagesBeforeVisitation.includes(journey.stage) };
  });
}

/** Stores the youth's answers (any of the ten; a skipped one is left for the conversation). */
export async function answerQuestionnaire(
  deps: Deps,
  actor: YouthActor,
  answers: PartialAnswers,
): Promise<QuestionnaireResponse> {
  const answered = questionCodes.filter((code) => answers[code] !== undefined);
  if (answered.length === 0) throw invalidField('answers', 'visitation.refusals.answerSomething');
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const journey = await findOpenJourneyOfYouth(trx, actor.municipalityId, actor.youthId, { forUpdate: true });
    if (!journey) throw new DomainError('not_found');
    if (!stagesBeforeVisitation.includes(journey.stage)) {
      throw new DomainError('event_not_accepted', { extra: { stage: journey.stage } });
    }
    const version = await saveQuestionnaireResponse(trx, {
      municipalityId: actor.municipalityId,
      journeyId: journey.id,
      youthId: actor.youthId,
      answers,
      at: now,
    });
    // Which questions were answered, not the answers: they speak of health and schooling.
    await auditAsYouth(trx, actor, 'questionnaire.submitted', { journeyId: journey.id, questions: answered, version });
    return { journeyId: journey.id, answers, submittedAt: now, version };
  });
}

/** The youth's answers as the caseworker reads them before the conversation; null when none. */
export async function questionnaireOfJourney(
  deps: Deps,
  actor: Actor,
  journeyId: string,
): Promise<QuestionnaireResponse | null> {
  return readingAs(deps.db, actor, async (trx) => {
    const journey = await journeyAs(trx, actor, journeyId);
    if (!journey) throw new DomainError('not_found');
    const response = await findQuestionnaireResponse(trx, actor.municipalityId, journeyId);
    await auditAs(trx, actor, 'journey.read', journey.youthId, { journeyId, view: 'questionnaire' });
    return response ?? null;
  });
}
