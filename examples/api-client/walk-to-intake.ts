/**
 * An integrating system's first steps with the Ungeflow API: with a personal API token, it
 * registers a youth, opens their journey (the referral), records the first conversation and the
 * visitation decision, and checks that the journey has reached intake.
 *
 *   UNGEFLOW_URL=http://localhost:3000 UNGEFLOW_TOKEN=uft_... npx tsx examples/api-client/walk-to-intake.ts
 *
 * Every path, parameter, body and answer is typed from ungeflow-api.d.ts, which openapi-typescript
 * generates from the API's OpenAPI document (`npm run api:types`); the names of the types are the
 * operations' operationIds. Every error has one shape with a code from a closed list, so the switch
 * in `explain` is checked by the compiler: a new code is a compile error here, not a surprise later.
 */
import { pathToFileURL } from 'node:url';
import createClient from 'openapi-fetch';
import type { components, operations, paths } from './ungeflow-api.d.ts';

type ApiError = components['schemas']['Error'];
export type ErrorCode = ApiError['error']['code'];
type JourneyEvent = operations['sendJourneyEvent']['requestBody']['content']['application/json'];
type VisitationDecided = Extract<JourneyEvent, { type: 'VISITATION_DECIDED' }>;
export type Stage = components['schemas']['Journey']['stage'];

/** A call the API refused: the operation, the HTTP status and the error it answered. */
export class ApiFailure extends Error {
  constructor(
    readonly operation: keyof operations,
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(`${operation} answered ${status} ${body.error.code}: ${explain(body)}`);
    this.name = 'ApiFailure';
  }
}

/** What an error means for this program, for each code the API can answer. */
export function explain(body: ApiError): string {
  const { code, message, details } = body.error;
  switch (code) {
    case 'validation_failed':
      return `${message} ${(details ?? []).map((d) => `${d.field}: ${d.message}`).join('; ')}`;
    case 'unauthenticated':
    case 'invalid_credentials':
      return 'The token is unknown, expired or revoked: create a new one with POST /api/auth/tokens.';
    case 'password_change_required':
      return "The token's user must first choose their own password (POST /api/auth/password).";
    case 'forbidden':
      return "The token's user may not do this: youth and journeys are for caseworkers and leaders.";
    case 'not_found':
      return 'Not found in the municipality of the token.';
    case 'duplicate_cpr':
      return `The youth is registered already, as ${String(body.error.existingYouthId)}.`;
    case 'conflict':
      return message;
    case 'version_conflict':
      return 'Someone else changed it meanwhile: read it again and decide anew.';
    case 'event_not_accepted':
      return `The journey's stage (${String(body.error.stage)}) does not take this; it takes ${JSON.stringify(body.error.acceptedEvents)}.`;
    case 'rate_limited':
    case 'database_unavailable':
      return 'Ungeflow is busy or cannot reach its database: try again in a moment.';
    case 'link_invalid':
      return "The young person's one-time link is used or too old: send a new one.";
    case 'message_not_sent':
      return 'The SMS gateway or the mail server did not take the message: try again in a moment.';
    case 'internal':
      return `Ungeflow failed; quote the request id ${String(body.error.requestId)} to its administrators.`;
    default: {
      const unhandled: never = code;
      return `unknown error ${String(unhandled)}`;
    }
  }
}

/** The answer of a call that succeeded, or an ApiFailure naming the operation. */
function answer<T>(operation: keyof operations, result: { data?: T; error?: ApiError; response: Response }): T {
  if (result.error !== undefined) throw new ApiFailure(operation, result.response.status, result.error);
  if (result.data === undefined) throw new Error(`${operation} answered ${result.response.status} without a body`);
  return result.data;
}

/**
 * The visitation of a youth who is ready for activities (profile C, a considerable mental-health
 * barrier), with the ten answers of the questionnaire.
 */
function activityReadyVisitation(expectedVersion: number): VisitationDecided {
  return {
    type: 'VISITATION_DECIDED',
    expectedVersion,
    category: 'activity_ready',
    barriers: ['mental_health'],
    considerableBarriers: ['mental_health'],
    profile: 'C',
    questionnaire: {
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
    },
  };
}

export interface WalkOptions {
  /** The youth to register; one with a CPR number registered already is taken as they are. */
  youth?: { name: string; cpr: string };
  /** Where the steps are told; the console by default. */
  log?: (line: string) => void;
}

export interface WalkResult {
  youthId: string;
  journeyId: string;
  stage: Stage;
  version: number;
}

/**
 * Walks a youth from referral through visitation to intake on the Ungeflow at `baseUrl`, as the
 * user whose API token `token` is.
 */
export async function walkToIntake(baseUrl: string, token: string, options: WalkOptions = {}): Promise<WalkResult> {
  const { youth = { name: 'Sofie Hansen', cpr: '150504-4321' }, log = console.log } = options;
  const api = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });

  const me = answer('getCurrentUser', await api.GET('/api/auth/me'));
  log(`Logged in as ${me.name} (${me.role}).`);

  // A youth registered already is no failure here: the API names them, and the walk goes on with them.
  const created = await api.POST('/api/youth', { body: youth });
  let youthId: string;
  if (created.error?.error.code === 'duplicate_cpr' && typeof created.error.error.existingYouthId === 'string') {
    youthId = created.error.error.existingYouthId;
    log(`${youth.name} is registered already (${youthId}).`);
  } else {
    youthId = answer('createYouth', created).id;
    log(`Registered ${youth.name} (${youthId}).`);
  }

  // The referral: today, from the jobcentre. A day ("YYYY-MM-DD") is the start of that day in Denmark.
  const today = new Date().toISOString().slice(0, 10);
  const opened = answer(
    'openJourney',
    await api.POST('/api/youth/{id}/journeys', {
      params: { path: { id: youthId } },
      body: { source: 'jobcenter', firstContactAt: today, reason: 'Henvist fra jobcentret' },
    }),
  );
  log(`Opened journey ${opened.id}: ${opened.stage}.`);

  // Each event is made against the version the journey had when it was decided on; the answer is
  // the journey's state after it, with the next version, the events its stage accepts now and the
  // alerts the event opened or resolved. Its history and rule decisions are a GET away.
  const events = (id: string, body: JourneyEvent) =>
    api.POST('/api/journeys/{id}/events', { params: { path: { id } }, body });
  const conversed = answer(
    'sendJourneyEvent',
    await events(opened.id, { type: 'FIRST_CONVERSATION_HELD', mode: 'in_person', expectedVersion: opened.version }),
  );
  log(`First conversation held: ${conversed.stage}; next it accepts ${conversed.acceptedEvents.join(', ')}.`);

  const visited = answer('sendJourneyEvent', await events(opened.id, activityReadyVisitation(conversed.version)));
  const journey = answer('getJourney', await api.GET('/api/journeys/{id}', { params: { path: { id: opened.id } } }));
  const decision = journey.decisions.at(-1);
  log(`Visitation decided: ${visited.stage}.${decision ? ` ${decision.explanation.en}` : ''}`);

  if (journey.stage !== 'intake') throw new Error(`the journey is in ${journey.stage}, not intake`);
  log(`The journey is in intake (version ${journey.version}).`);
  return { youthId, journeyId: journey.id, stage: journey.stage, version: journey.version };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const token = process.env.UNGEFLOW_TOKEN;
  if (!token) {
    console.error('Set UNGEFLOW_TOKEN to a personal API token (POST /api/auth/tokens), and UNGEFLOW_URL.');
    process.exit(2);
  }
  try {
    await walkToIntake(process.env.UNGEFLOW_URL ?? 'http://localhost:3000', token);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
