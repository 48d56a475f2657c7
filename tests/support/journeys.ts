import type { FastifyInstance } from 'fastify';
import type { QuestionnaireAnswers } from '../../src/visitation/questionnaire.ts';
import { newYouth } from './factories.ts';

/** Questionnaire answers of a youth on a clear path to education (STAR: Den gode ungeindsats i jobcentrene (2017), s. 13). */
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

/**
 * A visitation decision for an activity-ready youth (profile C, a considerable mental-health
 * barrier), which the rules agree with. Barriers given instead keep only the considerable weight
 * of those among them.
 */
export function activityReadyVisitation(overrides: Record<string, unknown> = {}) {
  const barriers = (overrides.barriers as string[] | undefined) ?? ['mental_health'];
  return {
    type: 'VISITATION_DECIDED',
    category: 'activity_ready',
    barriers: ['mental_health'],
    considerableBarriers: ['mental_health'].filter((barrier) => barriers.includes(barrier)),
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

/** The day of the referral when a test does not name one. */
const REFERRED_ON = '2026-11-10';

export interface IntakeOptions {
  /** The day of the referral (first contact), 'YYYY-MM-DD'. */
  firstContactAt?: string;
  /** Takes the journey on into this network group (stage active), the step after the visitation. */
  groupId?: string;
  /**
   * Every step on the day of the referral, an hour apart from 08:00 UTC (9.00 in Denmark in winter),
   * rather than one a day at 09:00 UTC on the days after it.
   */
  sameDay?: boolean;
  /** What the visitation records besides the activity-ready defaults (e.g. other questionnaire answers). */
  visitation?: Record<string, unknown>;
}

/**
 * A new youth whose journey is ready for a group: referred on `firstContactAt`, first conversation
 * and visitation (activity-ready) recorded after it, and the group after them when `groupId` is
 * given. Throws at a refused event.
 */
export async function youthAtIntake(
  app: FastifyInstance,
  headers: Headers,
  name: string,
  options: IntakeOptions = {},
): Promise<{ youth: { id: string }; journey: { id: string } }> {
  const firstContactAt = options.firstContactAt ?? REFERRED_ON;
  const referred = await referredYouth(app, headers, name, firstContactAt);
  await sendIntake(app, headers, referred.journey.id, { ...options, firstContactAt });
  return referred;
}

/** A new youth with a journey opened on the referral of `firstContactAt` and nothing recorded since. */
export async function referredYouth(
  app: FastifyInstance,
  headers: Headers,
  name: string,
  firstContactAt = REFERRED_ON,
): Promise<{ youth: { id: string }; journey: { id: string } }> {
  const youth = await newYouth(app, headers, { name });
  const journey = await openJourney(app, headers, youth.id, { firstContactAt });
  return { youth, journey };
}

/**
 * Brings a referred journey into a network group (stage active): the first conversation, an
 * activity-ready visitation and the group, dated 3-5 November 2026. Throws at a refused event.
 */
export async function bringIntoGroup(app: FastifyInstance, headers: Headers, journeyId: string, groupId: string) {
  await sendIntake(app, headers, journeyId, { firstContactAt: '2026-11-02', groupId });
}

/** The first conversation, the visitation and, when given, the group, in that order (see IntakeOptions). */
async function sendIntake(
  app: FastifyInstance,
  headers: Headers,
  journeyId: string,
  { firstContactAt = REFERRED_ON, groupId, sameDay = false, visitation = {} }: IntakeOptions,
) {
  const at = (step: number) => {
    const date = new Date(`${firstContactAt}T09:00:00Z`);
    if (sameDay) date.setUTCHours(7 + step);
    else date.setUTCDate(date.getUTCDate() + step);
    return date.toISOString();
  };
  const events: Array<Record<string, unknown>> = [
    { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person', occurredAt: at(1) },
    activityReadyVisitation({ ...visitation, occurredAt: at(2) }),
  ];
  if (groupId) events.push({ type: 'GROUP_ASSIGNED', canTakePart15HoursAWeek: true, groupId, occurredAt: at(3) });
  for (const event of events) {
    const response = await sendEvent(app, headers, journeyId, event);
    if (response.statusCode !== 201) throw new Error(`${String(event.type)}: ${response.statusCode} ${response.body}`);
  }
}
