import type { FastifyInstance } from 'fastify';
import type { QuestionnaireAnswers } from '../../src/visitation/questionnaire.ts';
import { newYouth } from './factories.ts';

/** Questionnaire answers of a youth on a clear path to education (seed 004 p. 13). */
export function questionnaireAnswers(overrides: Partial<QuestionnaireAnswers> = {}): QuestionnaireAnswers {
  return {
    highest_education: 'primary_school',
    wants_education: 'yes',
    liked_school: 'yes',
    education_importance: 5,
    six_month_outlook: 'in_education',
    education_choice_difficult: 'no',
    advice_sources: ['parents', 'friends'],
    completion_obstacles: [],
    previous_dropout: { droppedOut: false },
    primary_school_grade_average: 7,
    ...overrides,
  };
}

/** A visitation decision for an activity-ready youth (profile C), which the rules agree with. */
export function activityReadyVisitation(overrides: Record<string, unknown> = {}) {
  return {
    type: 'VISITATION_DECIDED',
    category: 'activity_ready',
    barriers: ['mental_health'],
    profile: 'C',
    questionnaire: questionnaireAnswers(),
    ...overrides,
  };
}

type Headers = { cookie: string };

export async function openJourney(
  app: FastifyInstance,
  headers: Headers,
  youthId: string,
  body: Record<string, unknown> = {},
): Promise<{ id: string; version: number; stage: string; returning: boolean }> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/youth/${youthId}/journeys`,
    headers,
    payload: { source: 'jobcenter', firstContactAt: '2026-11-02', reason: 'Henvist fra jobcentret', ...body },
  });
  if (response.statusCode !== 201) throw new Error(`open journey failed: ${response.statusCode} ${response.body}`);
  return response.json();
}

/** Sends an event against the journey's current version and returns the answer. */
export async function sendEvent(
  app: FastifyInstance,
  headers: Headers,
  journeyId: string,
  event: Record<string, unknown>,
) {
  const current = await app.inject({ method: 'GET', url: `/api/journeys/${journeyId}`, headers });
  const { version } = current.json<{ version: number }>();
  return app.inject({
    method: 'POST',
    url: `/api/journeys/${journeyId}/events`,
    headers,
    payload: { expectedVersion: version, ...event },
  });
}

/**
 * A new youth whose journey is ready for a group: referred on `firstContactAt`, first conversation
 * and visitation (activity-ready) recorded in the days after.
 */
export async function youthAtIntake(
  app: FastifyInstance,
  headers: Headers,
  name: string,
  firstContactAt = '2026-11-10',
): Promise<{ youth: { id: string }; journey: { id: string } }> {
  const youth = await newYouth(app, headers, { name });
  const journey = await openJourney(app, headers, youth.id, { firstContactAt });
  const day = (offset: number) => {
    const date = new Date(`${firstContactAt}T09:00:00Z`);
    date.setUTCDate(date.getUTCDate() + offset);
    return date.toISOString();
  };
  for (const event of [
    { type: 'FIRST_CONVERSATION_HELD', occurredAt: day(1) },
    activityReadyVisitation({ occurredAt: day(2) }),
  ]) {
    const response = await sendEvent(app, headers, journey.id, event);
    if (response.statusCode !== 201) throw new Error(`${String(event.type)}: ${response.body}`);
  }
  return { youth, journey };
}

/**
 * Brings a referred journey into a network group (stage active): the first conversation, an
 * activity-ready visitation and the group, dated 3-5 November 2026. Throws at a refused event.
 */
export async function bringIntoGroup(app: FastifyInstance, headers: Headers, journeyId: string, groupId: string) {
  for (const event of [
    { type: 'FIRST_CONVERSATION_HELD', occurredAt: '2026-11-03T09:00:00Z' },
    activityReadyVisitation({ occurredAt: '2026-11-04T09:00:00Z' }),
    { type: 'GROUP_ASSIGNED', groupId, occurredAt: '2026-11-05T09:00:00Z' },
  ]) {
    const response = await sendEvent(app, headers, journeyId, event);
    if (response.statusCode !== 201) throw new Error(`${String(event.type)}: ${response.statusCode} ${response.body}`);
  }
}
